"""How failed logins lock, on the customer login (/entrar/) and the admin's (/admin/login/) alike.

django-axes does the locking (see the AXES block of the settings). This module adds what it
does not know about our logins:

* `username`: one key per login however it is typed, so a CPF with other punctuation or an
  e-mail in other capitals is not a fresh login with a fresh count;
* `LockoutHandler`: a ceiling on failed logins per client address across all logins, so one
  address cannot try a few passwords on each of many accounts.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_credentials
from django.conf import settings

from portal import ratelimit
from portal.identifiers import login_key


def username(request, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the key axes counts a login's failures under (`login_key`).

    Axes passes the credentials given to authenticate(), or those of the user who has just
    signed in when it clears their failures; without them, the login form in request.POST.
    """
    if credentials:
        value = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        value = request.POST.get(settings.AXES_USERNAME_FORM_FIELD)
    return None if value is None else login_key(value)


def _failures_per_address() -> ratelimit.Limit:
    return ratelimit.Limit("login-falhas-ip", settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS, 60 * 60)


def _address_over_ceiling(request) -> bool:
    limit = _failures_per_address()
    return ratelimit.hits(limit, ratelimit.client_ip(request)) >= limit.count


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler (AXES_HANDLER), plus a ceiling on failed logins per client address.

    Axes locks one login from one address after AXES_FAILURE_LIMIT failures. On top of that,
    once an address has PORTAL_LOGIN_FAILURES_PER_ADDRESS failures within the hour (a fixed
    window, counted in the cache by portal.ratelimit), every login from it is refused with the
    usual lockout page until the window ends; other addresses are not affected.

    Why a handler rather than an extra authentication backend and a `user_login_failed`
    receiver: axes already asks its handler before every authentication whether the attempt is
    allowed (`is_allowed`, from AxesStandaloneBackend, which then raises PermissionDenied), and
    already hands it every failure (`user_login_failed`, from Django's signal). Both login views
    go through authenticate(), so both are covered, and AxesMiddleware renders the refusal like
    any other lockout. There is no second backend to keep in order and no receiver to register.

    On a successful sign-in axes clears the failures of the user's e-mail (USERNAME_FIELD) only;
    this also clears those of their CPF, so they do not linger until the cool-off.

    The CPF and the e-mail of one account keep separate counts on purpose. Counting them
    together is possible only for accounts that exist, so a few failures would tell an attacker
    whether a CPF and an e-mail belong to the same account; the price is one more
    AXES_FAILURE_LIMIT per account and address, within the ceiling per address.
    """

    def is_allowed(self, request, credentials: dict | None = None) -> bool:
        return not _address_over_ceiling(request) and super().is_allowed(request, credentials)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None:
            return
        ratelimit.hit(_failures_per_address(), ratelimit.client_ip(request))
        if _address_over_ceiling(request):
            # AxesMiddleware turns the response into the lockout page, from this failure on.
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        if settings.AXES_RESET_ON_SUCCESS and user.cpf:
            self.reset_user_attempts(request, get_credentials(user.cpf))
