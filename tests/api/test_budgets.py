"""Query budgets: a page of the API costs the same with one row or many."""

import pytest

from tests.api.test_tickets import company_ticket, protocol
from tests.billing.factories import InvoiceFactory
from tests.budgets import max_queries
from tests.factories import AttachmentFactory, ContractFactory, FormFieldFactory, MessageFactory
from tests.usage.factories import UsageRecordFactory

pytestmark = pytest.mark.django_db

# The token's look-up, then the page's own queries.
TICKETS_LIST = 2
TICKET_DETAIL = 4
INVOICES = 2
CONTRACTS = 2
USAGE = 3
FORMS = 4


@pytest.mark.parametrize("rows", [1, 30])
def test_ticket_list_is_flat(api, company, rows):
    for _ in range(rows):
        company_ticket(company)

    with max_queries(TICKETS_LIST):
        response = api.get("/api/v1/tickets", {"limit": 100})

    assert len(response.json()["items"]) == rows


@pytest.mark.parametrize("rows", [1, 15])
def test_ticket_detail_is_flat(api, company, rows):
    ticket = company_ticket(company)
    for _ in range(rows):
        message = MessageFactory(ticket=ticket)
        AttachmentFactory(ticket=ticket, message=message)

    with max_queries(TICKET_DETAIL):
        response = api.get(f"/api/v1/tickets/{protocol(ticket)}")

    assert len(response.json()["messages"]) == rows


@pytest.mark.parametrize("rows", [1, 30])
def test_invoice_and_contract_lists_are_flat(api, company, rows):
    for _ in range(rows):
        InvoiceFactory(contract=ContractFactory(organization=company.organization))

    with max_queries(INVOICES):
        assert len(api.get("/api/v1/invoices", {"limit": 100}).json()["items"]) == rows
    with max_queries(CONTRACTS):
        assert len(api.get("/api/v1/contracts", {"limit": 100}).json()["items"]) == rows + 1


@pytest.mark.parametrize("rows", [1, 20])
def test_usage_is_flat(api, company, rows):
    for _ in range(rows):
        UsageRecordFactory(contract=ContractFactory(organization=company.organization))

    with max_queries(USAGE):
        assert len(api.get("/api/v1/usage").json()["items"]) == rows + 1


@pytest.mark.parametrize("rows", [1, 10])
def test_forms_are_flat(api, ticket_form, rows):
    for _ in range(rows):
        FormFieldFactory(form=ticket_form)

    with max_queries(FORMS):
        assert len(api.get("/api/v1/forms").json()["items"][0]["fields"]) == rows
