"""Forms, contracts, invoices and usage through the API: the key's company's, never another's."""

import datetime

import pytest

from tests.api.test_auth_and_errors import assert_problem
from tests.billing.factories import InvoiceFactory
from tests.factories import ContractFactory, FormFieldFactory, TicketFormFactory
from tests.usage.factories import UsageAllowanceFactory, UsageRecordFactory
from tickets.models import TicketForm

pytestmark = pytest.mark.django_db


def test_forms_list_the_active_forms_with_their_types_and_fields(api, ticket_form):
    FormFieldFactory(form=ticket_form, label="Ambiente", kind="escolha", choices="Produção\nHomologação", required=True)
    TicketFormFactory(slug="antigo", active=False)

    response = api.get("/api/v1/forms")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["slug"] for item in items] == ["datavalid"]
    assert items[0]["types"][0]["name"]
    field = items[0]["fields"][0]
    assert field["label"] == "Ambiente"
    assert field["required"] is True
    assert field["choices"] == ["Produção", "Homologação"]
    assert field["key"].startswith("extra_")
    assert TicketForm.objects.filter(active=False).exists()


def test_contracts_are_the_companys_only(api, company, other_company):
    ContractFactory(organization=company.organization, number="CT-2025/00001", status="encerrado")

    response = api.get("/api/v1/contracts")

    numbers = [item["number"] for item in response.json()["items"]]
    assert sorted(numbers) == sorted([company.contract.number, "CT-2025/00001"])
    assert other_company.contract.number not in response.content.decode()
    assert [i["number"] for i in api.get("/api/v1/contracts", {"status": "encerrado"}).json()["items"]] == [
        "CT-2025/00001"
    ]


def test_invoices_are_the_companys_only_with_their_situation(api, company, other_company):
    mine = InvoiceFactory(contract=company.contract, overdue=True, amount="1234.50")
    theirs = InvoiceFactory(contract=other_company.contract)

    response = api.get("/api/v1/invoices")

    items = response.json()["items"]
    assert [item["number"] for item in items] == [mine.number]
    assert items[0]["situation"] == "vencida"
    assert items[0]["amount"] == "1234.50"
    assert theirs.number not in response.content.decode()
    assert_problem(api.get("/api/v1/invoices", {"contract": other_company.contract.number}), 404)
    assert (
        api.get("/api/v1/invoices", {"contract": company.contract.number}).json()["items"][0]["number"] == mine.number
    )
    assert api.get("/api/v1/invoices", {"situation": "paga"}).json()["items"] == []


def test_invoices_paginate_by_period(api, company):
    for month in range(1, 6):
        InvoiceFactory(contract=company.contract, period=datetime.date(2026, month, 1))
    first = api.get("/api/v1/invoices", {"limit": 3}).json()
    second = api.get(first["next"]).json()

    periods = [item["period"] for item in first["items"] + second["items"]]
    assert periods == ["2026-05-01", "2026-04-01", "2026-03-01", "2026-02-01", "2026-01-01"]
    assert second["next"] is None


def test_usage_sums_each_contract_by_month(api, company, other_company):
    UsageAllowanceFactory(contract=company.contract, monthly_quantity=100)
    today = datetime.date.today()
    UsageRecordFactory(contract=company.contract, day=today.replace(day=1), quantity=150)
    UsageRecordFactory(contract=other_company.contract, day=today.replace(day=1), quantity=999)

    response = api.get("/api/v1/usage")

    body = response.json()
    assert body["months"] == 12
    [usage] = body["items"]
    assert usage["contract"] == company.contract.number
    assert usage["total"] == 150
    assert usage["months"][-1]["above_allowance"] is True
    assert len(api.get("/api/v1/usage", {"months": 24}).json()["items"][0]["months"]) == 24
    assert_problem(api.get("/api/v1/usage", {"contract": other_company.contract.number}), 404)
    assert_problem(api.get("/api/v1/usage", {"months": 6}), 422)


def test_an_invoice_reads_by_number_and_another_companys_is_a_404(api, company, other_company):
    mine = InvoiceFactory(contract=company.contract, number="FAT-2026-0001")
    theirs = InvoiceFactory(contract=other_company.contract, number="FAT-2026-0002")

    response = api.get(f"/api/v1/invoices/{mine.number}")

    assert response.status_code == 200
    assert response.json()["number"] == "FAT-2026-0001"
    assert response.json()["contract"] == company.contract.number
    assert_problem(api.get(f"/api/v1/invoices/{theirs.number}"), 404)
    assert_problem(api.get("/api/v1/invoices/nao-existe"), 404)
