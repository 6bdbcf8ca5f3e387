import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal import views

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


class RequestGuardMiddleware:
    """Refuses, before anything reads them, requests no page of the portal could ever want.

    - A body over ``settings.PORTAL_MAX_REQUEST_BYTES`` (from its Content-Length) answers 413
      without reading it: the largest legitimate request is a set of attachments, whose limits
      (``tickets.attachments``) fit under it. The reverse proxy should refuse the same size
      first (nginx: ``client_max_body_size``).
    - A NUL character in the path, a query parameter or a form field answers 400: PostgreSQL
      cannot store it, and no person types it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PORTAL_MAX_REQUEST_BYTES:
            return render(request, "413.html", {"limit": settings.PORTAL_MAX_REQUEST_BYTES}, status=413)
        if _has_nul(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)


def _has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    fields = [request.GET]
    if request.method == "POST" and request.content_type in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        fields.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in values) for data in fields for key, values in data.lists()
    )


class PrivatePagesMiddleware:
    """Pages of a signed-in person, or of a visitor's session (a half-filled form, an e-mailed
    link), are never kept by a browser or a proxy: ``Cache-Control: private, no-store``.

    A view that says otherwise keeps its own header (``/healthz`` says no-cache itself and must
    not touch the session).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (user is not None and user.is_authenticated) or (session is not None and not session.is_empty()):
            patch_cache_control(response, private=True, no_store=True)
        return response


HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """``/healthz`` for load balancers and monitors, answered before any other middleware runs.

    It touches neither the session nor the user, so it answers 200 or 503 JSON whatever the
    request carries (a session cookie during an outage used to turn it into a 500 page).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        return views.healthz(request)
