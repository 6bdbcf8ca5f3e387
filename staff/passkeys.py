"""Passkeys as a second factor, with django-otp-webauthn's views and JavaScript, for staff only.

The package's JavaScript (its own static files, served by us) talks to the four JSON views
below. They are the package's, restricted here: staff only; registering a passkey needs a
session that already passed the second step (a new staff member sets up the authenticator app
first, which gives them recovery codes); its English messages come out in Portuguese.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.middleware import csrf
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions, views

ERRORS = {
    "not_authenticated": _("Entre de novo para usar uma passkey."),
    "user_not_verified": _("Confirme a sua identidade com o código do aplicativo antes de cadastrar uma passkey."),
    "credential_not_found": _("Esta passkey não está cadastrada. Use outra ou o código do aplicativo."),
    "credential_user_mismatch": _("Esta passkey é de outra pessoa. Use a sua ou o código do aplicativo."),
    "credential_disabled": _("Esta passkey está desativada."),
    "invalid_state": _("A verificação expirou. Tente de novo."),
}
DEFAULT_ERROR = _("Não foi possível usar a passkey. Tente de novo ou use o código do aplicativo.")

#: The package's JavaScript messages (English msgids), in our words.
JS_MESSAGES = {
    "Register a Passkey": _("Cadastrar uma passkey"),
    "Registering...": _("Cadastrando…"),
    "Finishing registration...": _("Concluindo o cadastro…"),
    "Registration successful!": _("Passkey cadastrada."),
    "Registration aborted.": _("Cadastro cancelado."),
    "Registration aborted or not allowed.": _("Cadastro cancelado ou não permitido."),
    "Registration failed. You most likely already have a Passkey registered for this site.": _(
        "Não foi possível cadastrar: esta passkey provavelmente já está cadastrada."
    ),
    "Registration failed. A technical problem occurred that prevents you from registering a Passkey for this site.": _(
        "Não foi possível cadastrar: um problema técnico impede o uso de passkeys neste endereço."
    ),
    "Registration failed. An unknown error occurred.": _("Não foi possível cadastrar a passkey. Tente de novo."),
    "Registration failed. The server was unable to verify this passkey.": _(
        "Não foi possível cadastrar: o servidor não conseguiu confirmar esta passkey."
    ),
    "Registration failed. Unable to fetch registration options from server.": _(
        "Não foi possível começar o cadastro. Recarregue a página e tente de novo."
    ),
    "Registration failed. A server error occurred.": _("Não foi possível cadastrar: erro no servidor."),
    "An error occurred during registration.": _("Ocorreu um erro no cadastro da passkey."),
    "Verify with Passkey": _("Usar uma passkey"),
    "Verifying...": _("Verificando…"),
    "Finishing verification...": _("Concluindo a verificação…"),
    "Verification successful!": _("Verificação concluída."),
    "Verification aborted.": _("Verificação cancelada."),
    "Verification canceled or not allowed.": _("Verificação cancelada ou não permitida."),
    "Verification failed. A server error occurred.": _("A verificação falhou: erro no servidor."),
    "Verification failed. An unknown error occurred.": _("A verificação falhou. Tente de novo."),
    "Verification failed. An unknown server error occurred.": _("A verificação falhou: erro no servidor."),
    "Verification failed. Could not retrieve parameters from the server.": _(
        "Não foi possível começar a verificação. Recarregue a página e tente de novo."
    ),
    "An error occurred during verification.": _("Ocorreu um erro na verificação."),
}


class StaffOnly:
    """Staff only; errors in our words, as JSON the package's JavaScript shows to the person."""

    def initial(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            raise exceptions.NotAuthenticated()
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.OTPWebAuthnApiError):
            detail = ERRORS.get(exc.code, DEFAULT_ERROR)
            return JsonResponse({"detail": str(detail), "code": exc.code}, status=exc.status_code)
        return super().handle_exception(exc)


class BeginRegistration(StaffOnly, views.BeginCredentialRegistrationView):
    def check_can_register(self):
        # Stricter than the package (which lets someone without any factor register one):
        # the first factor is always the app, with its recovery codes.
        if not self.request.user.is_verified():
            raise exceptions.NotVerified()


class CompleteRegistration(StaffOnly, views.CompleteCredentialRegistrationView):
    def check_can_register(self):
        if not self.request.user.is_verified():
            raise exceptions.NotVerified()


class BeginAuthentication(StaffOnly, views.BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(StaffOnly, views.CompleteCredentialAuthenticationView):
    def get_success_url(self):
        return self.get_redirect_url() or reverse("admin:index")


class Messages(JavaScriptCatalog):
    """``gettext()`` for the package's JavaScript, answering its English messages in the page's language."""

    packages = ["django_otp_webauthn"]

    def get_catalog(self):
        return {english: str(ours) for english, ours in JS_MESSAGES.items()}


def _staff_view(view_class):
    # Anonymous people go to the admin login, not the customers' (LoginRequiredMiddleware reads login_url).
    return login_required(view_class.as_view(), login_url="admin:login")


# Named as the package names them: its template tags and JavaScript configuration reverse these.
urlpatterns = [
    path("cadastro/inicio/", _staff_view(BeginRegistration), name="credential-registration-begin"),
    path("cadastro/fim/", _staff_view(CompleteRegistration), name="credential-registration-complete"),
    path("verificacao/inicio/", _staff_view(BeginAuthentication), name="credential-authentication-begin"),
    path("verificacao/fim/", _staff_view(CompleteAuthentication), name="credential-authentication-complete"),
    path("mensagens.js", _staff_view(Messages), name="js-i18n-catalog"),
]

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def passkey_config(request) -> str:
    """The configuration the package's JavaScript reads, as JSON safe inside a ``<script>`` data block."""
    config = {
        "autocompleteLoginFieldSelector": None,
        "nextFieldSelector": "input[name='next']",
        "csrfToken": csrf.get_token(request),
        "beginAuthenticationUrl": reverse("otp_webauthn:credential-authentication-begin"),
        "completeAuthenticationUrl": reverse("otp_webauthn:credential-authentication-complete"),
        "beginRegistrationUrl": reverse("otp_webauthn:credential-registration-begin"),
        "completeRegistrationUrl": reverse("otp_webauthn:credential-registration-complete"),
    }
    return mark_safe(json.dumps(config).translate(_JSON_ESCAPES))  # noqa: S308 (escaped as json_script does)
