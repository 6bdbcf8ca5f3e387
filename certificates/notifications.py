"""E-mails to the requester about their certificate request, in the language they asked in.

Called inside the transaction of the change (``certificates.services``); the outbox delivers once
it commits. Same layout as the tickets' e-mails (``tickets/email/message.*``).
"""

from django.conf import settings
from django.template import loader
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from certificates.models import CertificateRequest
from portal.outbox import queue_email
from tickets.notifications import Email

Status = CertificateRequest.Status


def _date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def _paragraphs(request: CertificateRequest) -> tuple[str, list[str]]:
    values = {"protocol": request.protocol, "label": request.label, "holder": request.holder_name}
    if request.status == Status.REQUESTED:
        return (
            _("Recebemos sua solicitação de certificado digital %(protocol)s") % values,
            [
                _("Sua solicitação do certificado %(label)s de %(holder)s foi registrada com o número %(protocol)s.")
                % values,
                _(
                    "A equipe de Certificação Digital vai conferir os dados do titular e avisar por e-mail "
                    "a cada passo."
                ),
            ],
        )
    if request.status == Status.VALIDATING:
        return (
            _("Solicitação %(protocol)s em validação") % values,
            [
                _("A equipe de Certificação Digital começou a validar os dados do certificado %(label)s de %(holder)s.")
                % values,
                _("Se precisarmos de algum documento, entraremos em contato pelo e-mail do titular."),
            ],
        )
    if request.status == Status.ISSUED:
        delivery = {
            CertificateRequest.Delivery.DOWNLOAD: _("O link para baixar o certificado foi enviado para %(email)s.")
            % {"email": request.holder_email},
            CertificateRequest.Delivery.PICKUP: _("O token ou cartão está pronto para retirada em %(unit)s.")
            % {"unit": request.get_service_unit_display()},
            CertificateRequest.Delivery.MAIL: _(
                "O token ou cartão foi enviado pelos Correios para o endereço informado."
            ),
        }[request.delivery]
        return (
            _("Certificado digital emitido — %(protocol)s") % values,
            [
                _("O certificado %(label)s de %(holder)s foi emitido em %(issued)s e vale até %(expires)s.")
                % {**values, "issued": _date(request.issued_at), "expires": _date(request.expires_at)},
                delivery,
            ],
        )
    return (
        _("Solicitação de certificado digital %(protocol)s recusada") % values,
        [
            _("Não foi possível emitir o certificado %(label)s de %(holder)s. O motivo informado pela equipe:")
            % values,
        ],
    )


def status_changed(*, request: CertificateRequest) -> None:
    """Tell the requester where their request stands now."""
    with translation.override(request.language):
        subject, paragraphs = _paragraphs(request)
        email = Email(
            subject=subject,
            greeting=_("Olá, %(name)s.") % {"name": request.requester_name},
            paragraphs=paragraphs,
            quote=request.refusal_reason if request.status == Status.REFUSED else "",
            details=[
                (_("Protocolo"), request.protocol),
                (_("Certificado"), request.label),
                (_("Titular"), request.holder_name),
                (_("Situação"), request.get_status_display()),
            ],
            link=settings.PORTAL_BASE_URL + request.get_absolute_url(),
            link_label=_("Ver a solicitação"),
        )
        context = {"email": email, "owner": settings.PORTAL_OWNER}
        queue_email(
            to=[request.requester_email],
            subject=email.subject,
            body=loader.render_to_string("tickets/email/message.txt", context),
            html_body=loader.render_to_string("tickets/email/message.html", context),
        )
