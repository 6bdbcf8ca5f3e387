"""The second step of the staff login, under /admin/2fa/ (portal.urls includes this before the admin)."""

from django.urls import include, path

from staff import passkeys, views

staff_patterns = [
    path("", views.factors, name="factors"),
    path("verificar/", views.verify, name="verify"),
    path("configurar/", views.enrol, name="enrol"),
    path("codigos-de-recuperacao/", views.recovery_codes, name="recovery_codes"),
    path("passkeys/<int:pk>/remover/", views.passkey_remove, name="passkey_remove"),
]

urlpatterns = [
    path("", include((staff_patterns, "staff"))),
    # django-otp-webauthn's JSON views, in its own namespace: its JavaScript and template tags use it.
    path("passkeys/api/", include((passkeys.urlpatterns, "otp_webauthn"))),
]
