"""E-mails about tickets, rendered in the requester's language and sent by a background task."""

from django.template import loader
from django.utils import translation

from portal.tasks import send_email
from tickets.models import Ticket


def ticket_opened(*, ticket_id: int) -> None:
    """Confirm to the requester that the ticket was registered, with its protocol number."""
    ticket = Ticket.objects.select_related("form", "type", "product", "subject").get(pk=ticket_id)
    with translation.override(ticket.language):
        context = {"ticket": ticket}
        subject = "".join(loader.render_to_string("tickets/email/ticket_opened_subject.txt", context).splitlines())
        body = loader.render_to_string("tickets/email/ticket_opened.txt", context)
    send_email.enqueue(subject=subject, body=body, to=[ticket.email])
