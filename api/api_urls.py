"""``/api/``: version 1 of the customer API, its OpenAPI document and its interactive documentation.

The API authenticates each request by its bearer token, never by the session: the portal's
LoginRequiredMiddleware must let every address here through (a missing token answers a 401
problem, not a redirect to the login page).
"""

from django.urls import path, re_path

from api import v1

# Not named app_name/namespace: include() would read them as this module's own namespace.
_patterns, _app, _namespace = v1.api.urls
for pattern in _patterns:
    pattern.callback.login_required = False  # type: ignore[union-attr]

v1.not_found.login_required = False  # type: ignore[attr-defined]

urlpatterns = [
    path("v1/", (_patterns, _app, _namespace)),
    re_path(r"^v1/(?P<rest>.*)$", v1.not_found, name="api_v1_not_found"),
]
