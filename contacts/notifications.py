"""The invitation e-mail, in the inviter's language, put in the outbox inside the invitation's transaction."""

from django.conf import settings
from django.template import loader
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from contacts.models import Invitation
from portal.outbox import queue_email
from tickets.notifications import Email, absolute


def invitation(*, invitation: Invitation, token: str, language: str) -> None:
    """The single-use link to join the company. The token is in the link only, never logged."""
    with translation.override(language):
        organization = invitation.organization
        expires = formats.date_format(timezone.localtime(invitation.expires_at), "SHORT_DATETIME_FORMAT")
        message = Email(
            subject=_("Convite para a Área do Cliente — %(company)s") % {"company": organization.display_name},
            greeting=_("Olá, %(name)s.") % {"name": invitation.name},
            paragraphs=[
                _(
                    "%(inviter)s convidou você para acompanhar a empresa %(company)s na Área do Cliente, "
                    "com o papel de %(role)s."
                )
                % {
                    "inviter": invitation.invited_by.name if invitation.invited_by else _("O gestor da empresa"),
                    "company": organization.display_name,
                    "role": invitation.get_role_display().lower(),
                },
                _(
                    "Use o botão abaixo para aceitar. O link vale até %(expires)s e só pode ser usado uma vez; "
                    "ao aceitar, você confirma o seu CPF e, se ainda não tem conta, cria uma senha."
                )
                % {"expires": expires},
                _("Se você não esperava este convite, ignore esta mensagem: nada muda sem que você aceite."),
            ],
            link=absolute(reverse("contacts:invitation", kwargs={"token": token})),
            link_label=_("Aceitar o convite"),
        )
        context = {"email": message, "owner": settings.PORTAL_OWNER}
        body = loader.render_to_string("tickets/email/message.txt", context)
        html_body = loader.render_to_string("tickets/email/message.html", context)
    queue_email(to=[invitation.email], subject=message.subject, body=body, html_body=html_body)
