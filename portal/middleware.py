import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext as _

LAST_SEEN_SESSION_KEY = "staff_last_seen"
#: The session is written at most this often just to move "last seen" forward.
RESOLUTION_SECONDS = 60


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after ``settings.STAFF_IDLE_TIMEOUT`` without a request.

    Customers keep the normal session lifetime; staff see personal data all day, so an
    unattended admin tab must not stay open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            if last_seen is not None and now - last_seen > settings.STAFF_IDLE_TIMEOUT.total_seconds():
                logout(request)
                messages.info(request, _("Sua sessão terminou depois de um tempo sem uso. Entre de novo."))
                login_url = reverse("admin:login") if request.path.startswith("/admin/") else None
                return redirect_to_login(request.get_full_path(), login_url)
            if last_seen is None or now - last_seen > RESOLUTION_SECONDS:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)
