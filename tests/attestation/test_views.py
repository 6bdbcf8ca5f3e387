"""Ateste de Serviços: who sees which periods, who may attest or contest, and what each leaves behind."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from attestation import services
from attestation.models import Attestation, ImmutableRecordError
from attestation.selectors import closed_periods, month_start, previous_month
from tests.attestation.factories import AttestationFactory, contest_form
from tests.billing.factories import InvoiceFactory
from tests.budgets import max_queries
from tests.factories import (
    ContractFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    TicketTypeFactory,
    UserFactory,
)
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
LAST_MONTH = previous_month(month_start(TODAY))
TWO_YEARS_AGO = TODAY.replace(day=1, year=TODAY.year - 2)


def _url(contract, period, action=""):
    path = f"/ateste/{contract.number}/{period:%Y-%m}/"
    return path + (f"{action}/" if action else "")


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")


@pytest.fixture
def contract(company):
    return ContractFactory(
        organization=company,
        number="CT-2024/00113",
        product=ProductFactory(name="Datavalid", slug="datavalid"),
        start_date=TWO_YEARS_AGO,
    )


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor", user__name="Ana Paula Souza").user


@pytest.fixture
def membro(company):
    return MembershipFactory(organization=company, role="membro").user


@pytest.fixture
def other_contract():
    return ContractFactory(number="CT-2024/00999", start_date=TWO_YEARS_AGO)


@pytest.fixture
def ticket_setup():
    TicketTypeFactory(name="Requisição")
    return contest_form()


# The page ------------------------------------------------------------------------------------------


def test_ateste_requires_login(client):
    response = client.get("/ateste/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


@pytest.mark.parametrize("role", ["gestor", "membro"])
def test_gestor_and_membro_see_their_companys_periods_and_not_others(client, contract, other_contract, company, role):
    person = MembershipFactory(organization=company, role=role).user
    client.force_login(person)
    html = client.get("/ateste/").content.decode()
    assert "CT-2024/00113" in html
    assert "CT-2024/00999" not in html
    assert "12 meses aguardando ateste" in html


def test_pending_periods_come_first_with_the_invoice_and_its_value(client, contract, gestor):
    InvoiceFactory(contract=contract, period=LAST_MONTH, number="FAT-000777", amount=Decimal("42300.00"))
    older = closed_periods()[3]
    AttestationFactory(contract=contract, period=older, declared_by=gestor)
    client.force_login(gestor)
    html = client.get("/ateste/").content.decode()
    assert "FAT-000777" in html
    assert "R$ 42.300,00" in html
    assert html.index("Pendente") < html.index("Atestado")
    assert "por Ana Paula Souza em" in html
    assert "11 meses aguardando ateste" in html
    assert _url(contract, LAST_MONTH) in html


def test_membro_sees_the_history_but_no_button(client, contract, membro):
    client.force_login(membro)
    html = client.get("/ateste/").content.decode()
    assert "Pendente" in html
    assert "Atestar ou contestar" not in html
    assert "Só o gestor da empresa pode atestar" in html


def test_contract_not_yet_started_and_current_month_are_not_pending(client, company, gestor):
    ContractFactory(organization=company, number="CT-2026/00001", start_date=month_start(TODAY))
    client.force_login(gestor)
    response = client.get("/ateste/")
    assert "CT-2026/00001" not in response.content.decode()
    assert client.get(f"/ateste/CT-2026/00001/{TODAY:%Y-%m}/").status_code == 404


def test_the_page_keeps_its_query_count_flat(client, company, gestor, django_user_model):
    def contracts(count):
        for _n in range(count):
            item = ContractFactory(organization=company, start_date=TWO_YEARS_AGO)
            for period in closed_periods()[:3]:
                InvoiceFactory(contract=item, period=period)
            AttestationFactory(contract=item, period=closed_periods()[4], declared_by=gestor)

    client.force_login(gestor)
    contracts(1)
    with max_queries(8) as one:
        assert client.get("/ateste/").status_code == 200
    contracts(6)
    with max_queries(8) as many:
        assert client.get("/ateste/").status_code == 200
    assert len(many.captured_queries) == len(one.captured_queries)


# Attesting -----------------------------------------------------------------------------------------


def test_gestor_attests_a_closed_period_with_name_cpf_and_time(client, contract, gestor):
    invoice = InvoiceFactory(contract=contract, period=LAST_MONTH)
    client.force_login(gestor)
    page = client.get(_url(contract, LAST_MONTH))
    assert page.status_code == 200
    assert "declaro que os serviços do contrato CT-2024/00113" in page.content.decode()
    response = client.post(_url(contract, LAST_MONTH, "atestar"))
    assert response.status_code == 302
    record = Attestation.objects.get()
    assert (record.kind, record.period, record.invoice) == ("atestado", LAST_MONTH, invoice)
    assert (record.declared_by, record.declarant_name, record.declarant_cpf) == (gestor, gestor.name, gestor.cpf)
    assert record.declared_at is not None


def test_a_period_is_attested_only_once(client, contract, gestor):
    client.force_login(gestor)
    client.post(_url(contract, LAST_MONTH, "atestar"))
    response = client.post(_url(contract, LAST_MONTH, "atestar"), follow=True)
    assert Attestation.objects.count() == 1
    assert "já foi atestado ou contestado" in response.content.decode()


def test_membro_cannot_attest_nor_contest(client, contract, membro, ticket_setup):
    client.force_login(membro)
    assert client.get(_url(contract, LAST_MONTH)).status_code == 403
    assert client.post(_url(contract, LAST_MONTH, "atestar")).status_code == 403
    assert client.post(_url(contract, LAST_MONTH, "contestar"), {"reason": "Não entregue."}).status_code == 403
    assert not Attestation.objects.exists()
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("action", ["", "atestar", "contestar"])
def test_another_companys_contract_answers_404(client, other_contract, gestor, ticket_setup, action):
    client.force_login(gestor)
    url = _url(other_contract, LAST_MONTH, action)
    response = client.post(url, {"reason": "x"}) if action else client.get(url)
    assert response.status_code == 404
    assert not Attestation.objects.exists()


@pytest.mark.parametrize("period", [month_start(TODAY), TWO_YEARS_AGO.replace(year=TWO_YEARS_AGO.year - 1)])
def test_open_month_and_month_before_the_contract_answer_404(client, contract, gestor, period):
    client.force_login(gestor)
    assert client.post(_url(contract, period, "atestar")).status_code == 404
    assert client.get("/ateste/CT-2024/00113/2026-13/atestar/").status_code == 404


def test_attest_and_contest_are_post_only(client, contract, gestor):
    client.force_login(gestor)
    assert client.get(_url(contract, LAST_MONTH, "atestar")).status_code == 405
    assert client.get(_url(contract, LAST_MONTH, "contestar")).status_code == 405


# Immutability --------------------------------------------------------------------------------------


def test_a_recorded_attestation_cannot_be_saved_again_nor_deleted(contract, gestor):
    record = AttestationFactory(contract=contract, period=LAST_MONTH, declared_by=gestor)
    record.declarant_name = "Outra pessoa"
    with pytest.raises(ImmutableRecordError):
        record.save()
    with pytest.raises(ImmutableRecordError):
        record.delete()
    with pytest.raises(ImmutableRecordError):
        Attestation.objects.filter(pk=record.pk).update(declarant_name="Outra pessoa")
    with pytest.raises(ImmutableRecordError):
        Attestation.objects.all().delete()


def test_the_database_refuses_update_and_delete_of_a_record(contract, gestor):
    record = AttestationFactory(contract=contract, period=LAST_MONTH, declared_by=gestor)
    for sql in [
        "UPDATE attestation_attestation SET declarant_name = 'x' WHERE id = %s",
        "DELETE FROM attestation_attestation WHERE id = %s",
    ]:
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [record.pk])
    assert Attestation.objects.get().declarant_name == gestor.name


def test_the_database_refuses_a_second_record_of_the_same_period(contract, gestor):
    AttestationFactory(contract=contract, period=LAST_MONTH, declared_by=gestor)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttestationFactory(contract=contract, period=LAST_MONTH, declared_by=gestor)


# Contesting ----------------------------------------------------------------------------------------


def test_contest_opens_one_gestao_contratual_ticket_linked_to_the_period(client, contract, gestor, ticket_setup):
    InvoiceFactory(contract=contract, period=LAST_MONTH, number="FAT-000777", amount=Decimal("42300.00"))
    client.force_login(gestor)
    response = client.post(_url(contract, LAST_MONTH, "contestar"), {"reason": "O serviço ficou fora do ar 10 dias."})
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    record = Attestation.objects.get()
    assert (record.kind, record.ticket, record.reason) == ("contestado", ticket, "O serviço ficou fora do ar 10 dias.")
    assert ticket.form == ticket_setup
    assert ticket.subject.slug == "gestao-contratual"
    assert ticket.title == f"Contestação do ateste — CT-2024/00113 — {LAST_MONTH:%m/%Y}"
    assert "O serviço ficou fora do ar 10 dias." in ticket.description
    assert "FAT-000777" in ticket.description
    assert "R$ 42.300,00" in ticket.description
    assert (ticket.requester_cpf, ticket.requester_name, ticket.email) == (gestor.cpf, gestor.name, gestor.email)
    assert ticket.cnpj == contract.organization.cnpj
    assert ticket.company_verified is True
    assert ticket.created_by == gestor
    assert ticket.extra[0]["value"] == "CT-2024/00113"
    html = client.get("/ateste/").content.decode()
    assert ticket.protocol in html
    assert ticket.get_absolute_url() in html


def test_contest_needs_a_reason_of_at_most_5000_characters(client, contract, gestor, ticket_setup):
    client.force_login(gestor)
    assert client.post(_url(contract, LAST_MONTH, "contestar"), {"reason": "  "}).status_code == 400
    assert client.post(_url(contract, LAST_MONTH, "contestar"), {"reason": "x" * 5001}).status_code == 400
    assert not Attestation.objects.exists()
    assert not Ticket.objects.exists()


def test_a_contest_and_its_ticket_are_one_transaction(contract, gestor, ticket_setup, monkeypatch):
    def fail(**fields):
        raise IntegrityError("simulated")

    monkeypatch.setattr(services, "_record", fail)
    with pytest.raises(IntegrityError):
        services.contest(user=gestor, contract=contract, period=LAST_MONTH, reason="Falhou.")
    assert not Ticket.objects.exists()


def test_contesting_an_attested_period_is_refused_without_a_ticket(client, contract, gestor, ticket_setup):
    AttestationFactory(contract=contract, period=LAST_MONTH, declared_by=gestor)
    client.force_login(gestor)
    client.post(_url(contract, LAST_MONTH, "contestar"), {"reason": "Mudei de ideia."})
    assert Attestation.objects.count() == 1
    assert not Ticket.objects.exists()


def test_a_user_outside_the_company_is_not_allowed_by_the_service(contract, ticket_setup):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.attest(user=UserFactory(), contract=contract, period=LAST_MONTH)
