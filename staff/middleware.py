from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from staff.services import has_factor

#: What a staff member reaches between the password and the second factor: the two steps
#: themselves, the passkey check behind the verify page, and the way out.
OPEN_BEFORE_SECOND_FACTOR = {
    "admin:login",
    "admin:logout",
    "staff:verify",
    "staff:enrol",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
}
SAFE_METHODS = {"GET", "HEAD"}


class StaffTwoFactorMiddleware:
    """Staff reach customers' personal data: a password alone opens no ``/admin/`` page.

    Runs after ``django_otp.middleware.OTPMiddleware`` (which tells whether the session passed a
    second factor). A staff member who has not yet is sent to the second step (or, without any
    factor set up, to setting one up) from every admin page; any other request (an action, a
    save) is refused outright. Static files are served before this runs (WhiteNoise).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(reverse("admin:index")):
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        if request.method not in SAFE_METHODS:
            raise PermissionDenied
        step = "staff:verify" if has_factor(user) else "staff:enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
