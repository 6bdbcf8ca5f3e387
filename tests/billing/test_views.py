"""Financeiro pages: scope, filters, totals, 2ª via, PDF, nota fiscal and "Solicitar ajuda"."""

import datetime
from decimal import Decimal

import pytest

from billing.models import BoletoIssue
from billing.services import boleto_issue
from tests.billing.factories import InvoiceFactory
from tests.budgets import max_queries
from tests.factories import (
    ContractFactory,
    FormFieldFactory,
    MembershipFactory,
    OrganizationFactory,
    SubjectFactory,
    TicketFormFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.")


@pytest.fixture
def customer(company):
    user = UserFactory(name="Maria da Silva")
    MembershipFactory(user=user, organization=company, role="membro")
    return user


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


@pytest.fixture
def contract(company):
    return ContractFactory(organization=company, number="CT-2030/00001")


@pytest.fixture
def others_invoice():
    return InvoiceFactory(number="FAT-OUTRA", overdue=True, with_nota_fiscal=True)


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# The list ----------------------------------------------------------------------------------------


def test_financeiro_requires_login(client):
    response = client.get("/financeiro/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def test_list_shows_the_invoices_of_the_users_companies_only(signed_in, contract, others_invoice):
    InvoiceFactory(contract=contract, number="FAT-MINHA", amount=Decimal("12345.67"), period=datetime.date(2026, 9, 1))
    html = _html(signed_in.get("/financeiro/"))
    assert "FAT-MINHA" in html
    assert "R$ 12.345,67" in html
    assert "setembro de 2026" in html.lower()
    assert "FAT-OUTRA" not in html
    assert 'aria-current="page">Financeiro<' in html


def test_a_gestor_and_a_membro_both_see_the_companys_invoices(client, company, contract):
    InvoiceFactory(contract=contract, number="FAT-EMPRESA")
    for role in ("gestor", "membro"):
        person = UserFactory()
        MembershipFactory(user=person, organization=company, role=role)
        client.force_login(person)
        assert "FAT-EMPRESA" in _html(client.get("/financeiro/"))


def test_overdue_is_derived_from_the_due_date(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-VENCIDA", overdue=True)
    InvoiceFactory(contract=contract, number="FAT-ABERTA")
    html = _html(signed_in.get("/financeiro/?situacao=vencida"))
    assert "FAT-VENCIDA" in html
    assert "FAT-ABERTA" not in html
    assert 'class="status status--vencida">Vencida<' in html
    html = _html(signed_in.get("/financeiro/?situacao=aberta"))
    assert "FAT-ABERTA" in html
    assert "FAT-VENCIDA" not in html


def test_totals_add_up_open_and_overdue_and_leave_out_paid_and_cancelled(signed_in, contract, others_invoice):
    InvoiceFactory(contract=contract, amount=Decimal("1000.10"))
    InvoiceFactory(contract=contract, amount=Decimal("2000.20"))
    InvoiceFactory(contract=contract, amount=Decimal("500.05"), overdue=True)
    InvoiceFactory(contract=contract, amount=Decimal("999.00"), paid=True)
    InvoiceFactory(contract=contract, amount=Decimal("777.00"), cancelled=True)
    html = _html(signed_in.get("/financeiro/"))
    totals = html[html.index('class="billing-totals"') : html.index("</section>")]
    assert "R$ 3.000,30" in totals
    assert "2 faturas a vencer" in totals
    assert "R$ 500,05" in totals
    assert "1 fatura vencida" in totals


def test_filter_by_contract_number_as_linked_from_the_contract_page(signed_in, company, contract):
    other = ContractFactory(organization=company, number="CT-2030/00002")
    InvoiceFactory(contract=contract, number="FAT-DO-PRIMEIRO")
    InvoiceFactory(contract=other, number="FAT-DO-SEGUNDO")
    html = _html(signed_in.get("/financeiro/?contrato=CT-2030/00002"))
    assert "FAT-DO-SEGUNDO" in html
    assert "FAT-DO-PRIMEIRO" not in html
    assert "Limpar filtros" in html


def test_filter_by_another_companys_contract_is_ignored(signed_in, contract, others_invoice):
    html = _html(signed_in.get(f"/financeiro/?contrato={others_invoice.contract.number}"))
    assert "FAT-OUTRA" not in html


def test_filter_by_period(signed_in, contract):
    today = datetime.date.today().replace(day=1)
    InvoiceFactory(contract=contract, number="FAT-ESTE-MES", period=today)
    InvoiceFactory(contract=contract, number="FAT-ANTIGA", period=datetime.date(2020, 1, 1))
    html = _html(signed_in.get(f"/financeiro/?periodo={today:%Y-%m}"))
    assert "FAT-ESTE-MES" in html
    assert "FAT-ANTIGA" not in html


def test_garbage_filters_are_ignored(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-QUALQUER")
    assert "FAT-QUALQUER" in _html(signed_in.get("/financeiro/?situacao=x&periodo=2026-13&contrato=nada&pagina=z"))


def test_open_invoices_link_to_the_2a_via_and_cancelled_ones_offer_help(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-ABERTA")
    InvoiceFactory(contract=contract, number="FAT-CANCELADA", cancelled=True)
    InvoiceFactory(contract=contract, number="FAT-PAGA", paid=True)
    html = _html(signed_in.get("/financeiro/"))
    assert 'href="/financeiro/FAT-ABERTA/segunda-via/"' in html
    assert "/financeiro/FAT-CANCELADA/segunda-via/" not in html
    assert "/financeiro/FAT-PAGA/segunda-via/" not in html
    assert 'action="/financeiro/FAT-CANCELADA/ajuda/"' in html


@pytest.mark.parametrize("rows", [1, 40])
def test_list_query_budget_is_flat(signed_in, customer, company, rows):
    for index in range(rows):
        contract = ContractFactory(organization=company)
        InvoiceFactory(contract=contract, overdue=index % 2 == 0, with_nota_fiscal=index % 3 == 0)
    with max_queries(8):
        assert signed_in.get("/financeiro/").status_code == 200


# Nota fiscal -------------------------------------------------------------------------------------


def test_nota_fiscal_is_a_download_for_the_companys_people(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-NF", with_nota_fiscal=True)
    response = signed_in.get("/financeiro/FAT-NF/nota-fiscal/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_invoice_without_nota_fiscal_has_no_download(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-SEM-NF")
    assert signed_in.get("/financeiro/FAT-SEM-NF/nota-fiscal/").status_code == 404


# IDOR: every address of another company's invoice answers 404 ------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/financeiro/FAT-OUTRA/nota-fiscal/"),
        ("get", "/financeiro/FAT-OUTRA/segunda-via/"),
        ("get", "/financeiro/FAT-OUTRA/segunda-via.pdf"),
        ("post", "/financeiro/FAT-OUTRA/ajuda/"),
    ],
)
def test_another_companys_invoice_is_not_found(signed_in, others_invoice, method, path):
    TicketFormFactory(product=None, subject=SubjectFactory(slug="financeiro"), slug="assunto-financeiro")
    assert getattr(signed_in, method)(path).status_code == 404
    assert not BoletoIssue.objects.exists()


# 2ª via ------------------------------------------------------------------------------------------


def test_2a_via_shows_the_amount_line_by_line_the_codes_and_records_the_issue(signed_in, customer, contract):
    InvoiceFactory(contract=contract, number="FAT-ATRASADA", overdue=True, amount=Decimal("1000.00"))
    html = _html(signed_in.get("/financeiro/FAT-ATRASADA/segunda-via/"))
    issue = BoletoIssue.objects.get()
    assert issue.issued_by == customer
    assert "R$ 1.000,00" in html
    assert "R$ 20,00" in html  # multa 2%
    assert "R$ 3,33" in html  # juros 1% a.m., 10 dias
    assert "R$ 1.023,33" in html
    assert "10 dias" in html
    assert issue.digitable_line in html
    assert issue.pix_payload in html
    assert '<svg class="boleto-barcode" role="img" aria-label="Código de barras do boleto"' in html
    assert '<svg role="img" aria-label="QR Code PIX' in html
    assert "style=" not in html
    assert 'href="/financeiro/FAT-ATRASADA/segunda-via.pdf"' in html


def test_2a_via_of_an_invoice_not_yet_due_has_no_fine_or_interest(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-EM-DIA", amount=Decimal("500.00"))
    html = _html(signed_in.get("/financeiro/FAT-EM-DIA/segunda-via/"))
    assert "está em dia" in html
    assert BoletoIssue.objects.get().total == Decimal("500.00")


@pytest.mark.parametrize("trait", ["cancelled", "paid"])
def test_cancelled_or_paid_invoice_offers_help_instead_of_a_2a_via(signed_in, contract, trait):
    InvoiceFactory(contract=contract, number="FAT-X", **{trait: True})
    html = _html(signed_in.get("/financeiro/FAT-X/segunda-via/"))
    assert "Solicitar ajuda" in html
    assert "Linha digitável" not in html
    assert not BoletoIssue.objects.exists()
    assert signed_in.get("/financeiro/FAT-X/segunda-via.pdf").status_code == 404


def test_2a_via_pdf_is_a_pdf_download(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-PDF", overdue=True)
    response = signed_in.get("/financeiro/FAT-PDF/segunda-via.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="boleto-FAT-PDF.pdf"'
    assert response.content.startswith(b"%PDF")
    issue = BoletoIssue.objects.get()
    for text in (issue.digitable_line, "FAT-PDF", "R$ 1.023,33", issue.pix_payload[:95]):
        assert text.encode() in response.content


@pytest.mark.parametrize("earlier_issues", [1, 30])
def test_2a_via_query_budget_is_flat(signed_in, contract, earlier_issues):
    invoice = InvoiceFactory(contract=contract, number="FAT-B", overdue=True)
    for days in range(earlier_issues):
        boleto_issue(invoice=invoice, user=UserFactory(), today=datetime.date.today() - datetime.timedelta(days=days))
    with max_queries(10):
        assert signed_in.get("/financeiro/FAT-B/segunda-via/").status_code == 200


# Solicitar ajuda -----------------------------------------------------------------------------------


@pytest.fixture
def financeiro_form():
    return TicketFormFactory(
        product=None,
        subject=SubjectFactory(slug="financeiro", name="Financeiro / 2ª via de boleto"),
        slug="assunto-financeiro",
    )


def test_help_fills_in_the_financeiro_ticket_form_with_the_invoice(signed_in, contract, financeiro_form):
    InvoiceFactory(
        contract=contract,
        number="FAT-AJUDA",
        cancelled=True,
        amount=Decimal("4321.00"),
        period=datetime.date(2026, 3, 1),
    )
    response = signed_in.post("/financeiro/FAT-AJUDA/ajuda/")
    assert response.status_code == 302
    assert response["Location"] == "/tickets/novo/assunto-financeiro/"
    stored = signed_in.session["ticket_form:assunto-financeiro"]["data"]["solicitacao"]
    assert stored["title"] == ["Fatura FAT-AJUDA: preciso de ajuda"]
    description = stored["description"][0]
    for expected in ("FAT-AJUDA", "CT-2030/00001", "março de 2026", "R$ 4.321,00", "Cancelada"):
        assert expected in description


def test_help_also_answers_the_forms_invoice_number_question(signed_in, contract, financeiro_form):
    question = FormFieldFactory(form=financeiro_form, label="Número da fatura")
    FormFieldFactory(form=financeiro_form, label="Outra pergunta")
    InvoiceFactory(contract=contract, number="FAT-CAMPO")
    signed_in.post("/financeiro/FAT-CAMPO/ajuda/")
    stored = signed_in.session["ticket_form:assunto-financeiro"]["data"]["solicitacao"]
    assert stored[question.key] == ["FAT-CAMPO"]
    assert len(stored) == 3  # title, description and that one answer


def test_help_is_a_post_only(signed_in, contract, financeiro_form):
    InvoiceFactory(contract=contract, number="FAT-GET")
    assert signed_in.get("/financeiro/FAT-GET/ajuda/").status_code == 405
    assert "ticket_form:assunto-financeiro" not in signed_in.session


def test_help_without_the_financeiro_form_goes_to_the_chooser(signed_in, contract):
    InvoiceFactory(contract=contract, number="FAT-SEM-FORM")
    response = signed_in.post("/financeiro/FAT-SEM-FORM/ajuda/")
    assert response.status_code == 302
    assert response["Location"] == "/suporte/novo/"


def test_the_prefilled_request_is_shown_when_the_customer_reaches_it(signed_in, company, contract, financeiro_form):
    InvoiceFactory(contract=contract, number="FAT-CAMINHO", overdue=True)
    signed_in.post("/financeiro/FAT-CAMINHO/ajuda/")
    slug = "assunto-financeiro"
    signed_in.post(f"/tickets/novo/{slug}/", {"step": "identificacao", "action": "next", "cnpj": company.cnpj})
    signed_in.post(
        f"/tickets/novo/{slug}/",
        {"step": "contato", "action": "next", "email": "maria@empresa.example", "phone": "(61) 99876-5432"}
        | {"language": "pt-br"},
    )
    html = _html(signed_in.get(f"/tickets/novo/{slug}/"))
    assert 'value="Fatura FAT-CAMINHO: preciso de ajuda"' in html
    assert "Fatura FAT-CAMINHO do contrato CT-2030/00001" in html
