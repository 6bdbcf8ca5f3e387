"""A company's gestores see the tickets its own people opened, not every ticket that names its CNPJ.

Anyone may type any CNPJ on the form. A ticket opened without an account reaches the company's
list only when its CPF belongs to a member of that company; the team sees the others marked
"não verificado".
"""

import importlib

import pytest
from django.apps import apps

from portal.identifiers import mask_cnpj
from tests.factories import UserFactory
from tests.tickets.conftest import CONTACT, post_step, request_data, ticket_url
from tickets.models import ProtocolCounter, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _numbers_after_the_factorys():
    """The factory numbers its tickets itself; tickets sent through the form come after them."""
    from django.utils import timezone

    ProtocolCounter.objects.update_or_create(year=timezone.localdate().year, defaults={"last": 90_000})


def _open_anonymously(client, *, cpf, cnpj, title):
    identification = {"cpf": cpf, "name": "Quem Digitou", "cnpj": mask_cnpj(cnpj)}
    assert post_step(client, "datavalid", "identificacao", identification).status_code == 302
    assert post_step(client, "datavalid", "contato", CONTACT).status_code == 302
    assert post_step(client, "datavalid", "solicitacao", request_data(title=title)).status_code == 302
    key = client.session["ticket_form:datavalid"]["key"]
    assert post_step(client, "datavalid", "revisao", {"key": key}).status_code == 302
    return Ticket.objects.get(title=title)


def _gestor_sees(_client, gestor, ticket) -> bool:
    """Whether the gestor, in their own browser, finds the ticket by CPF and opens its page."""
    from django.test import Client

    client = Client()
    client.force_login(gestor)
    client.post("/tickets/consultar/", {"by": "cpf", "cpf": ticket.requester_cpf, "situation": "abertas"})
    html = client.get("/tickets/consultar/").content.decode()
    page = client.get(ticket_url(ticket))
    assert (ticket.title in html) == (page.status_code == 200)
    return page.status_code == 200


def test_a_visitor_typing_a_companys_cnpj_does_not_reach_its_gestores(client, world, ticket_form):
    ticket = _open_anonymously(client, cpf="529.982.247-25", cnpj=world.company_a.cnpj, title="Texto de um estranho")
    assert ticket.cnpj == world.company_a.cnpj
    assert ticket.company_verified is False
    assert not _gestor_sees(client, world.gestor_a, ticket)
    assert _gestor_sees(client, world.gestor_a, world.colleague_ticket)  # the company's own tickets still show


def test_a_visitor_with_a_members_cpf_reaches_the_company(client, world, ticket_form):
    ticket = _open_anonymously(client, cpf=world.membro_a.cpf, cnpj=world.company_a.cnpj, title="Do membro, sem login")
    assert ticket.company_verified is True
    assert _gestor_sees(client, world.gestor_a, ticket)
    assert not _gestor_sees(client, world.gestor_b, ticket)


def test_a_signed_in_members_ticket_reaches_the_company(client, world, ticket_form):
    client.force_login(world.membro_a)
    post_step(client, "datavalid", "identificacao", {"cnpj": world.company_a.cnpj})
    post_step(client, "datavalid", "contato", CONTACT)
    post_step(client, "datavalid", "solicitacao", request_data(title="Do membro, com login"))
    post_step(client, "datavalid", "revisao", {"key": client.session["ticket_form:datavalid"]["key"]})
    ticket = Ticket.objects.get(title="Do membro, com login")
    assert ticket.company_verified is True
    client.logout()
    assert _gestor_sees(client, world.gestor_a, ticket)


def test_staff_see_an_unverified_ticket_marked_as_such(client, world, ticket_form):
    ticket = _open_anonymously(client, cpf="529.982.247-25", cnpj=world.company_a.cnpj, title="Texto de um estranho")
    from tickets.admin import TicketAdmin

    admin = TicketAdmin(Ticket, None)
    assert "não verificado" in admin.cnpj_display(ticket)
    assert "não verificado" in str(admin.company(ticket))
    assert "não verificado" not in admin.cnpj_display(world.colleague_ticket)
    assert mask_cnpj(world.company_a.cnpj) in admin.cnpj_display(world.colleague_ticket)


def test_the_migration_verifies_the_tickets_already_opened_by_members(world):
    stranger = UserFactory()
    Ticket.objects.update(company_verified=False)
    Ticket.objects.filter(pk=world.anonymous_ticket.pk).update(cnpj=world.company_a.cnpj)
    Ticket.objects.filter(pk=world.other_company_ticket.pk).update(created_by=stranger, requester_cpf=stranger.cpf)
    migration = importlib.import_module("tickets.migrations.0009_company_verification_and_2fa_reset_log")
    migration.verify_existing_tickets(apps, None)
    verified = set(Ticket.objects.filter(company_verified=True).values_list("pk", flat=True))
    assert verified == {world.colleague_ticket.pk}
