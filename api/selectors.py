"""What a key's company may read through the API: the same scopes the portal's pages use, by company.

A key belongs to one contract and so to one company; everything else of that company is in
scope, anything of another company is simply not there (404).
"""

from django.db.models import QuerySet

from billing.models import Invoice
from portal.models import Contract, Organization
from tickets import selectors as ticket_selectors
from tickets.models import Attachment, Message, Ticket, TicketForm, TicketType, parse_protocol


def company_tickets(organization: Organization) -> QuerySet[Ticket]:
    return ticket_selectors.company_tickets(organization.cnpj).select_related("form", "product", "subject", "type")


def company_ticket(organization: Organization, protocol: str) -> Ticket | None:
    """The company's ticket of this protocol ("2026SS00042", "2026SS/42"…); None otherwise."""
    parsed = parse_protocol(protocol)
    if parsed is None:
        return None
    year, number = parsed
    return company_tickets(organization).filter(year=year, number=number).first()


def public_messages(ticket: Ticket) -> QuerySet[Message]:
    return ticket_selectors.public_messages(ticket)


def public_attachments(ticket: Ticket) -> QuerySet[Attachment]:
    return ticket_selectors.public_attachments(ticket)


def open_forms() -> QuerySet[TicketForm]:
    """The forms anyone may open a ticket on, as the portal offers them, with their extra fields."""
    return TicketForm.objects.active().select_related("product", "subject").prefetch_related("fields").order_by("name")


def ticket_types() -> list[TicketType]:
    return list(TicketType.objects.active())


def company_contracts(organization: Organization) -> QuerySet[Contract]:
    return Contract.objects.filter(organization=organization).select_related("product")


def company_invoices(organization: Organization) -> QuerySet[Invoice]:
    return Invoice.objects.filter(contract__organization=organization).select_related("contract")


def usage_contracts(organization: Organization) -> list[Contract]:
    """The company's contracts with their allowance, as usage.selectors.visible_contracts reads them."""
    return list(
        Contract.objects.filter(organization=organization)
        .select_related("organization", "product", "usage_allowance")
        .order_by("number")
    )
