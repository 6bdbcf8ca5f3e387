"""E-mails about tickets: who gets what, in which language, and what never leaks."""

import pytest
from django.core import mail

from tests.factories import TicketFactory, UserFactory
from tickets import services
from tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db

NOTE = "Nota interna: não contar ao cliente"


@pytest.fixture
def staff():
    return UserFactory(is_staff=True, name="Atendente Carlos")


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run the writes' after-commit hooks (the e-mails) as production does."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_staff_public_reply_emails_the_requester_in_their_language_text_and_html(send, staff):
    ticket = TicketFactory(language="en", email="client@example.com")
    send(services.staff_reply, ticket, body="We fixed the access.", user=staff, public=True)

    [email] = mail.outbox
    assert email.to == ["client@example.com"]
    assert email.subject == f"New reply on request {ticket.protocol}"
    assert "We fixed the access." in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "We fixed the access." in html
    assert "Atendente Carlos" not in email.body + html  # no staff identity, just the team


def test_emails_link_to_the_consultation_page_for_visitors_and_to_the_ticket_for_accounts(send, staff, settings):
    settings.PORTAL_BASE_URL = "https://cliente.example.gov.br"
    anonymous = TicketFactory()
    with_account = TicketFactory(created_by=UserFactory())
    send(services.staff_reply, anonymous, body="Oi", user=staff, public=True)
    send(services.staff_reply, with_account, body="Oi", user=staff, public=True)
    assert "https://cliente.example.gov.br/tickets/consultar/" in mail.outbox[0].body
    assert f"https://cliente.example.gov.br/tickets/{with_account.year}SS/{with_account.number:05d}/" in (
        mail.outbox[1].body
    )


def test_internal_notes_send_nothing_and_never_appear_in_any_email(send, staff):
    ticket = TicketFactory(created_by=UserFactory())
    ticket.team.email = "equipe@atendimento.example"
    ticket.team.save()
    send(services.staff_reply, ticket, body=NOTE, user=staff, public=False)
    assert mail.outbox == []

    send(services.staff_reply, ticket, body="Resposta pública", user=staff, public=True)
    send(services.ticket_change_status, ticket, Ticket.Status.RESOLVED, user=staff, note=NOTE)
    send(services.ticket_reply, ticket, body="Obrigado", user=ticket.created_by)
    assert len(mail.outbox) == 3
    for email in mail.outbox:
        assert NOTE not in email.body
        assert NOTE not in email.alternatives[0][0]


def test_resolving_or_closing_tells_the_requester(send, staff):
    ticket = TicketFactory(language="es")
    send(services.ticket_change_status, ticket, Ticket.Status.RESOLVED, user=staff, note="Corregido.")
    send(services.ticket_change_status, ticket, Ticket.Status.CLOSED, user=staff)
    assert [email.subject for email in mail.outbox] == [
        f"Solicitud {ticket.protocol} resuelta",
        f"Solicitud {ticket.protocol} cerrada",
    ]


def test_the_closing_email_invites_a_rating_only_when_the_team_answered_or_resolved(send, staff):
    resolved = TicketFactory()
    send(services.ticket_change_status, resolved, Ticket.Status.RESOLVED, user=staff, note="Corrigido no provedor.")
    unanswered = TicketFactory()
    send(services.ticket_change_status, unanswered, Ticket.Status.CLOSED, user=staff)  # a duplicate, say
    invites = ["avaliação" in email.body for email in mail.outbox]
    assert invites == [True, False]
    assert all("reabrir a solicitação em até 7 dias" in email.body for email in mail.outbox)


def test_other_status_changes_send_nothing(send, staff):
    ticket = TicketFactory()
    send(services.ticket_change_status, ticket, Ticket.Status.IN_PROGRESS, user=staff)
    assert mail.outbox == []


def test_customer_reply_tells_the_team_in_portuguese_with_a_link_to_the_admin(send):
    ticket = TicketFactory(language="en")
    ticket.team.email = "equipe@atendimento.example"
    ticket.team.save()
    send(services.ticket_reply, ticket, body="Still broken.")
    [email] = mail.outbox
    assert email.to == ["equipe@atendimento.example"]
    assert email.subject == f"Solicitação {ticket.protocol}: nova mensagem do cliente"
    assert "Still broken." in email.body
    assert f"/admin/tickets/ticket/{ticket.pk}/change/" in email.body


def test_a_team_without_an_email_address_gets_nothing_and_nothing_breaks(send):
    ticket = TicketFactory()
    ticket.team.email = ""
    ticket.team.save()
    send(services.ticket_reply, ticket, body="Oi")
    assert mail.outbox == []
    assert ticket.messages.get().kind == Message.Kind.CUSTOMER


def test_a_line_break_in_a_title_never_reaches_an_email_header(send, staff):
    ticket = TicketFactory(title="Erro\r\nBcc: vitima@example.com")
    send(services.staff_reply, ticket, body="Oi", user=staff, public=True)
    message = mail.outbox[0].message()
    assert "vitima" not in str(message["Subject"])
    assert message["Bcc"] is None


def test_customer_reply_goes_to_the_assignee_when_there_is_one(send, staff):
    ticket = TicketFactory(assignee=staff)
    send(services.ticket_reply, ticket, body="Alguma novidade?")
    assert [email.to for email in mail.outbox] == [[staff.email]]


def test_a_visitors_confirmation_relays_none_of_their_text_to_the_typed_address(send):
    from tickets.notifications import ticket_opened

    visitor = TicketFactory(requester_name="Compre já http://golpe.example", title="Ganhe dinheiro fácil")
    customer = UserFactory(name="Maria da Silva")
    member = TicketFactory(created_by=customer, requester_name="Maria da Silva", title="Erro na consulta")
    send(ticket_opened, ticket_id=visitor.pk)
    send(ticket_opened, ticket_id=member.pk)
    to_visitor, to_customer = mail.outbox
    for part in (to_visitor.body, to_visitor.alternatives[0][0]):
        assert visitor.protocol in part
        assert "golpe.example" not in part
        assert "Ganhe dinheiro fácil" not in part
    assert "Maria da Silva" in to_customer.body
    assert "Erro na consulta" in to_customer.body


def test_the_confirmation_names_the_product_and_the_type_in_the_requesters_language(send):
    from tickets.notifications import ticket_opened

    ticket = TicketFactory(language="es", email="cliente@example.com")
    ticket.product.name_es = "Consulta de CPF"
    ticket.product.save()
    ticket.type.name_es = "Incidente grave"
    ticket.type.save()
    portuguese = TicketFactory(language="pt-br", product=ticket.product, type=ticket.type)
    send(ticket_opened, ticket_id=ticket.pk)
    send(ticket_opened, ticket_id=portuguese.pk)
    spanish, in_portuguese = mail.outbox
    assert "Consulta de CPF" in spanish.body
    assert "Incidente grave" in spanish.body
    assert "Incidente grave" in spanish.alternatives[0][0]
    assert ticket.product.name_pt_br in in_portuguese.body
    assert "Consulta de CPF" not in in_portuguese.body
