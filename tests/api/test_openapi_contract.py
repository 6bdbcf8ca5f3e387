"""Contract test: every answer the API gives, happy or not, is one its OpenAPI document describes.

Each endpoint is driven through its main paths; each answer's status must be documented for the
operation, with its content type, and its body must validate against the documented schema. At
the end every documented operation must have been exercised.
"""

import base64
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from jsonschema import Draft202012Validator

from tests.api.conftest import ApiClient, ticket_payload
from tests.api.test_tickets import company_ticket, protocol
from tests.billing.factories import InvoiceFactory
from tests.factories import FormFieldFactory
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


class Contract:
    def __init__(self, document):
        self.document = document
        self.exercised: set[tuple[str, str]] = set()
        self.templates = [
            (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"), path) for path in document["paths"]
        ]

    def check(self, response):
        request = response.wsgi_request
        method = request.method.lower()
        template = next(path for pattern, path in self.templates if pattern.match(request.path))
        operation = self.document["paths"][template][method]
        self.exercised.add((method, template))
        status = str(response.status_code)
        assert status in operation["responses"], f"{method} {template}: {status} is not documented"
        content = operation["responses"][status].get("content", {})
        media_type = response["Content-Type"].split(";")[0]
        assert media_type in content, f"{method} {template} {status}: {media_type} not in {list(content)}"
        schema = {**content[media_type]["schema"], "components": self.document["components"]}
        errors = list(Draft202012Validator(schema).iter_errors(response.json()))
        assert not errors, f"{method} {template} {status}: {errors[0].message} at {list(errors[0].path)}"
        return response


@pytest.fixture
def contract():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    Draft202012Validator.check_schema(response.json()["components"]["schemas"]["ProblemOut"])
    return Contract(response.json())


def basic(key, secret):
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


@override_settings(PORTAL_RATE_LIMITS={"api": (600, 60), "api-token-ip": (8, 60)})
def test_every_documented_operation_answers_as_documented(contract, company, other_company, ticket_form):
    check = contract.check
    key = company.credential.consumer_key
    client = Client()

    def token(body, auth=None, content_type="application/x-www-form-urlencoded"):
        headers = {"Authorization": auth} if auth else {}
        return check(client.generic("POST", "/api/v1/token", body, content_type=content_type, headers=headers))

    # Token: 200, 400 (both kinds), 401, 415, 429.
    access = token("grant_type=client_credentials", basic(key, company.secret)).json()["access_token"]
    token("grant_type=password", basic(key, company.secret))
    token("", basic(key, company.secret))
    assert token("grant_type=client_credentials", basic(key, "errado")).status_code == 401
    assert (
        token('{"grant_type": "client_credentials"}', basic(key, company.secret), "application/json").status_code == 415
    )
    for _ in range(3):
        token("grant_type=client_credentials", basic(key, "errado"))
    assert token("grant_type=client_credentials", basic(key, company.secret)).status_code == 429

    api, anonymous = ApiClient(access), ApiClient(None)
    FormFieldFactory(form=ticket_form, label="Ambiente", kind="escolha", choices="Produção\nHomologação")
    # Of last year: this year's protocol numbers are the ones the API gives out.
    ticket = company_ticket(company, year=2025)
    closed = company_ticket(company, year=2025, status=Ticket.Status.CLOSED)
    theirs = company_ticket(other_company, year=2025)
    invoice = InvoiceFactory(contract=company.contract)
    their_invoice = InvoiceFactory(contract=other_company.contract)

    # Reads: 200, 401, 400/422, 404.
    for path in ("/api/v1/forms", "/api/v1/tickets", "/api/v1/contracts", "/api/v1/invoices", "/api/v1/usage"):
        assert check(api.get(path)).status_code == 200
        assert check(anonymous.get(path)).status_code == 401
    for path in ("/api/v1/tickets", "/api/v1/contracts", "/api/v1/invoices"):
        assert check(api.get(path, {"limit": 0})).status_code == 422
        assert check(api.get(path, {"cursor": "adulterado"})).status_code == 400
        assert check(api.get(path, {"limit": 1})).status_code == 200
    assert check(api.get("/api/v1/invoices", {"contract": other_company.contract.number})).status_code == 404
    assert check(api.get(f"/api/v1/invoices/{invoice.number}")).status_code == 200
    assert check(api.get(f"/api/v1/invoices/{their_invoice.number}")).status_code == 404
    assert check(anonymous.get(f"/api/v1/invoices/{invoice.number}")).status_code == 401
    assert check(api.get("/api/v1/usage", {"months": 7})).status_code == 422
    assert check(api.get("/api/v1/usage", {"contract": other_company.contract.number})).status_code == 404
    assert check(api.get(f"/api/v1/tickets/{protocol(ticket)}")).status_code == 200
    assert check(api.get(f"/api/v1/tickets/{protocol(theirs)}")).status_code == 404
    assert check(anonymous.get(f"/api/v1/tickets/{protocol(ticket)}")).status_code == 401

    # Opening: 201, replay, 400, 415, 422 (validation, ninja's and ours), 401.
    headers = {"Idempotency-Key": "contrato-1"}
    assert check(api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)).status_code == 201
    assert check(api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)).status_code == 201
    assert check(api.post_json("/api/v1/tickets", ticket_payload(title="x"), headers=headers)).status_code == 422
    assert check(api.post_json("/api/v1/tickets", ticket_payload(email="x"))).status_code == 422
    assert check(api.post_json("/api/v1/tickets", {"form": "datavalid"})).status_code == 422
    assert check(api.generic("POST", "/api/v1/tickets", "{")).status_code == 400
    assert check(api.post("/api/v1/tickets", {"title": "x"})).status_code == 415
    assert check(anonymous.post_json("/api/v1/tickets", ticket_payload())).status_code == 401

    # Replying: 201, 404, 409, 415, 422, 413, 401.
    url = f"/api/v1/tickets/{protocol(ticket)}/messages"
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert check(api.post(url, {"body": "Segue.", "files": [pdf]})).status_code == 201
    assert check(api.post(url, {"body": ""})).status_code == 422
    assert check(api.post_json(url, {"body": "Oi"})).status_code == 415
    assert check(api.post(f"/api/v1/tickets/{protocol(theirs)}/messages", {"body": "Oi"})).status_code == 404
    assert check(api.post(f"/api/v1/tickets/{protocol(closed)}/messages", {"body": "Oi"})).status_code == 409
    assert check(anonymous.post(url, {"body": "Oi"})).status_code == 401
    with override_settings(PORTAL_MAX_REQUEST_BYTES=10):
        assert check(api.post(url, {"body": "Uma mensagem longa demais"})).status_code == 413

    documented = {(method, path) for path, item in contract.document["paths"].items() for method in item}
    assert contract.exercised == documented


def test_the_document_describes_the_api_in_portuguese_with_its_security_scheme(contract):
    document = contract.document

    assert document["info"]["title"] == "API da Área do Cliente"
    assert "Autenticação" in document["info"]["description"]
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation.get("summary"), (method, path)
            assert "500" in operation["responses"], (method, path)
            if path != "/api/v1/token":
                assert "401" in operation["responses"], (method, path)
                assert "429" in operation["responses"], (method, path)
