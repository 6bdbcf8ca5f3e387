"""Every error under /api/v1/ is problem JSON, whoever answered it, and nothing there is cached or sets cookies.

Some answers come before the API's own views run (413 for an oversized body, 400 for a NUL
character, a 405 from django-ninja's router, the portal's 500 page): this turns them into the
same RFC 9457 problem, in the language LocaleMiddleware activated for the request.
"""

from importlib import import_module

from django.conf import settings
from django.utils.cache import patch_cache_control

from api import problems

PREFIX = "/api/v1/"
#: Public documentation, cacheable and the only HTML of the API.
DOCUMENTATION = ("/api/v1/docs", "/api/v1/openapi.json")
_JSON_TYPES = ("application/json", problems.CONTENT_TYPE)
_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


class ApiProblemMiddleware:
    """Placed after SessionMiddleware and LocaleMiddleware, before everything that reads the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX) or request.path_info in DOCUMENTATION:
            return self.get_response(request)
        # Token auth only: whatever session cookie the client sends, the API sees (and so writes) none.
        request.COOKIES = {
            name: value for name, value in request.COOKIES.items() if name != settings.SESSION_COOKIE_NAME
        }
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()
        response = self.get_response(request)
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(_JSON_TYPES):
            problem = problems.response(request, status=response.status_code)
            for header in _KEPT_HEADERS:
                if response.has_header(header):
                    problem[header] = response[header]
            response = problem
        elif 300 <= response.status_code < 400:
            # Never the login page's redirect: the API has no session to log into.
            response = problems.response(request, status=401, headers={"WWW-Authenticate": 'Bearer realm="api"'})
        # Nor does any cookie (CSRF, language) ever leave it.
        response.cookies.clear()
        patch_cache_control(response, no_store=True)
        return response
