"""E-mails about tickets: rendered in the reader's language, plain text and HTML, put in the outbox.

Each function is called inside the transaction of the change it tells about (``tickets.services``),
and the outbox delivers from a background task once that transaction has committed.

What reaches a customer is built here and only here, from public data: the protocol, the
status, staff *public* replies. Internal notes, assignees and other customers never appear.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.template import loader
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.outbox import queue_email
from tickets.models import LookupToken, Message, Ticket

STAFF_LANGUAGE = "pt-br"
logger = logging.getLogger(__name__)


@dataclass
class Email:
    subject: str
    greeting: str
    paragraphs: list[str]
    link: str
    link_label: str
    quote: str = ""
    details: list[tuple[str, str]] = field(default_factory=list)


def absolute(path: str) -> str:
    return settings.PORTAL_BASE_URL + path


def _send(email: Email, to: list[str]) -> None:
    context = {"email": email, "owner": settings.PORTAL_OWNER}
    body = loader.render_to_string("tickets/email/message.txt", context)
    html_body = loader.render_to_string("tickets/email/message.html", context)
    queue_email(subject=email.subject, body=body, html_body=html_body, to=to)


def _customer_link(ticket: Ticket) -> tuple[str, str]:
    """The ticket page for customers with an account; the consultation page for everyone else."""
    if ticket.created_by_id is not None:
        return absolute(ticket.get_absolute_url()), _("Ver a solicitação")
    return absolute(reverse("tickets:consult")), _("Consultar a solicitação")


def _details(ticket: Ticket, *, with_title: bool = True) -> list[tuple[str, str]]:
    details = [(_("Protocolo"), ticket.protocol)]
    if with_title:
        details.append((_("Assunto"), ticket.title))
    return [*details, (_("Produto ou assunto"), str(ticket.about)), (_("Situação"), ticket.get_status_display())]


def _first_response(ticket: Ticket) -> list[str]:
    """When the first answer is due, from the ticket's SLA, in the reader's language."""
    if ticket.response_due_at is None:
        return []
    due = formats.date_format(timezone.localtime(ticket.response_due_at), "DATETIME_FORMAT")
    return [_("O primeiro retorno está previsto até %(due)s.") % {"due": due}]


def _load(ticket_id: int) -> Ticket:
    return Ticket.objects.select_related("form", "type", "product", "subject", "team", "assignee").get(pk=ticket_id)


def _about(ticket: Ticket) -> str:
    """What the ticket is about, as staff named it (the product or the main subject), in the active language."""
    about = ticket.product or ticket.subject or ticket.form
    return about.name


def ticket_opened(*, ticket_id: int) -> None:
    """Confirm to the requester that the ticket was registered, with its protocol number.

    Anyone can type any address on the form without an account, so that confirmation carries
    nothing the visitor wrote (name, subject): the form cannot relay a stranger's text. The
    product and the ticket type it names were chosen from staff's lists, in the reader's language.
    """
    ticket = _load(ticket_id)
    by_visitor = ticket.created_by_id is None
    with translation.override(ticket.language):
        link, label = _customer_link(ticket)
        email = Email(
            subject=_("Recebemos sua solicitação %(protocol)s") % {"protocol": ticket.protocol},
            greeting=_("Olá.") if by_visitor else _("Olá, %(name)s.") % {"name": ticket.requester_name},
            paragraphs=[
                _(
                    "Sua solicitação foi registrada com o número de protocolo %(protocol)s. Guarde este número: "
                    "ele identifica o seu atendimento."
                )
                % {"protocol": ticket.protocol},
                _("Sobre: %(about)s · Tipo: %(type)s.") % {"about": _about(ticket), "type": ticket.type.name},
                _("A equipe responsável vai analisar o pedido e responder por e-mail."),
                *_first_response(ticket),
                _(
                    "Para acompanhar, use a Consulta de Solicitação de Serviço na Área do Cliente, informando "
                    "o número de protocolo e o seu CPF."
                ),
            ],
            details=[*_details(ticket, with_title=not by_visitor), (_("Tipo"), str(ticket.type))],
            link=link,
            link_label=label,
        )
        _send(email, [ticket.email])


def staff_replied(*, message_id: int) -> None:
    """A staff public reply, sent to the requester. Never called for internal notes."""
    message = Message.objects.select_related("ticket").get(pk=message_id)
    if not message.is_public or message.kind != Message.Kind.REPLY:
        return
    ticket = _load(message.ticket_id)
    with translation.override(ticket.language):
        link, label = _customer_link(ticket)
        email = Email(
            subject=_("Nova resposta na solicitação %(protocol)s") % {"protocol": ticket.protocol},
            greeting=_("Olá, %(name)s.") % {"name": ticket.requester_name},
            paragraphs=[_("A equipe de atendimento respondeu à sua solicitação:")],
            quote=message.body,
            details=_details(ticket),
            link=link,
            link_label=label,
        )
        _send(email, [ticket.email])


def ticket_finished(*, ticket_id: int) -> None:
    """The ticket was resolved or closed by staff: tell the requester, and how to rate or reopen."""
    ticket = _load(ticket_id)
    if not ticket.is_finished:
        return
    with translation.override(ticket.language):
        link, label = _customer_link(ticket)
        if ticket.status == Ticket.Status.RESOLVED:
            subject = _("Solicitação %(protocol)s resolvida")
        else:
            subject = _("Solicitação %(protocol)s fechada")
        email = Email(
            subject=subject % {"protocol": ticket.protocol},
            greeting=_("Olá, %(name)s.") % {"name": ticket.requester_name},
            paragraphs=[
                _("A situação da sua solicitação mudou para “%(status)s”.") % {"status": ticket.get_status_display()},
                _next_steps(ticket),
            ],
            details=_details(ticket),
            link=link,
            link_label=label,
        )
        _send(email, [ticket.email])


def _next_steps(ticket: Ticket) -> str:
    """How to reopen, and how to rate when there was an answer to rate (``Ticket.can_rate``)."""
    days = Ticket.REOPEN_WINDOW.days
    if ticket.can_rate:
        text = ngettext(
            "Conte-nos como foi o atendimento: a avaliação leva um minuto. Se o problema continuar, "
            "você pode reabrir a solicitação em até %(days)d dia.",
            "Conte-nos como foi o atendimento: a avaliação leva um minuto. Se o problema continuar, "
            "você pode reabrir a solicitação em até %(days)d dias.",
            days,
        )
    else:
        text = ngettext(
            "Se o problema continuar, você pode reabrir a solicitação em até %(days)d dia.",
            "Se o problema continuar, você pode reabrir a solicitação em até %(days)d dias.",
            days,
        )
    return text % {"days": days}


def _team_email(ticket: Ticket, paragraphs: list[str], quote: str = "") -> None:
    """To the ticket's assignee when it has one, else to the team's address."""
    recipient = ticket.assignee.email if ticket.assignee and ticket.assignee.email else ticket.team.email
    if not recipient:
        return
    with translation.override(STAFF_LANGUAGE):
        email = Email(
            subject=_("Solicitação %(protocol)s: nova mensagem do cliente") % {"protocol": ticket.protocol},
            greeting=_("Equipe %(team)s,") % {"team": ticket.team.name},
            paragraphs=paragraphs,
            quote=quote,
            details=_details(ticket),
            link=absolute(reverse("admin:tickets_ticket_change", args=[ticket.pk])),
            link_label=_("Abrir o ticket no painel"),
        )
        _send(email, [recipient])


def customer_replied(*, message_id: int) -> None:
    """The customer wrote on their ticket: tell the team that handles it."""
    message = Message.objects.get(pk=message_id)
    ticket = _load(message.ticket_id)
    with translation.override(STAFF_LANGUAGE):
        paragraphs = [_("%(name)s escreveu na solicitação:") % {"name": message.author_name}]
    _team_email(ticket, paragraphs, quote=message.body)


def ticket_reopened(*, message_id: int) -> None:
    """The customer reopened a resolved or closed ticket, saying why: it is the team's again."""
    message = Message.objects.get(pk=message_id)
    ticket = _load(message.ticket_id)
    with translation.override(STAFF_LANGUAGE):
        paragraphs = [_("O cliente reabriu a solicitação; ela aguarda atendimento.")]
    _team_email(ticket, paragraphs, quote=message.body)


def lookup_link(*, email: str, language: str, token: str) -> None:
    """The single-use link an anonymous consultation asked for."""
    with translation.override(language):
        message = Email(
            subject=_("Seu link de acesso às solicitações"),
            greeting=_("Olá."),
            paragraphs=[
                _(
                    "Alguém pediu, na Consulta de Solicitação de Serviço, para ver as solicitações registradas "
                    "com este e-mail. Use o botão abaixo para vê-las: o link vale por %(minutes)d minutos e só "
                    "pode ser usado uma vez."
                )
                % {"minutes": LookupToken.LIFETIME.total_seconds() // 60},
                _("Se não foi você, ignore esta mensagem: nada será mostrado sem este link."),
            ],
            link=absolute(reverse("tickets:access", kwargs={"token": token})),
            link_label=_("Ver minhas solicitações"),
        )
        _send(message, [email])
    if settings.DEBUG:
        # Development only: the console e-mail backend prints bodies quoted-printable, which
        # breaks the long link across lines. Never logged in production (tokens stay out of logs).
        logger.info("Consultation link (DEBUG only): %s", message.link)
