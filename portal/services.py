"""The portal's multi-step actions: plain functions, called by views and background tasks."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.outbox import queue_email


def password_reset_send(*, email: str, language: str) -> int:
    """E-mail a link to set a new password to the account with this e-mail, if there is one.

    Runs in the background task (portal.tasks.send_password_reset), never in the request, so
    neither the page nor its timing tells whether the address has an account. The accounts are
    those Django's PasswordResetForm picks: active, with a usable password, the e-mail matched
    without regard to case. The e-mail goes to the address stored on the account, not to the
    one typed, in the visitor's `language`, with a link to PORTAL_BASE_URL (never to the Host a
    request named). Returns how many e-mails were sent.
    """
    sent = 0
    for user in PasswordResetForm().get_users(email):
        path = reverse(
            "portal:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {
            "user": user,
            "reset_url": settings.PORTAL_BASE_URL + path,
            "reset_link_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        with translation.override(language):
            subject = loader.render_to_string("portal/email/password_reset_subject.txt", context)
            body = loader.render_to_string("portal/email/password_reset.txt", context)
            html_body = loader.render_to_string("portal/email/password_reset.html", context)
        queue_email(subject=subject, body=body, html_body=html_body, to=[user.email])
        sent += 1
    return sent
