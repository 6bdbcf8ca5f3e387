"""Bearer tokens on every call, and every error as RFC 9457 problem JSON in the caller's language."""

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from api import problems
from credentials.models import AccessToken
from credentials.services import credential_revoke, credential_rotate
from tests.api.conftest import ApiClient
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def assert_problem(response, status, code=None):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith(problems.TYPE_PREFIX)
    if code:
        assert body["type"] == problems.TYPE_PREFIX + code
    assert body["title"]
    assert body["detail"]
    assert body["instance"] == response.wsgi_request.path
    return body


def test_without_a_token_the_api_answers_401_problem_with_a_bearer_challenge():
    response = Client().get("/api/v1/tickets")

    assert_problem(response, 401, "nao-autenticado")
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_an_unknown_token_is_invalid_token(company):
    response = ApiClient("nao-e-um-token").get("/api/v1/tickets")

    assert_problem(response, 401)
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_an_expired_token_is_refused(company):
    api = company.api()
    AccessToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert_problem(api.get("/api/v1/tickets"), 401)


def test_a_revoked_key_stops_working_at_once(company):
    api = company.api()
    assert api.get("/api/v1/tickets").status_code == 200

    credential_revoke(user=company.gestor, credential=company.credential)

    assert_problem(api.get("/api/v1/tickets"), 401)


def test_tokens_issued_before_a_rotation_keep_working(company):
    api = company.api()

    credential_rotate(user=company.gestor, credential=company.credential)

    assert api.get("/api/v1/tickets").status_code == 200


def test_a_signed_in_session_is_not_an_api_credential(company):
    client = Client()
    client.force_login(company.gestor)

    response = client.get("/api/v1/tickets")

    assert_problem(response, 401)


def test_api_answers_set_no_cookies_and_are_never_stored(api):
    response = api.get("/api/v1/tickets")

    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_login_required_never_redirects_api_calls():
    for path in ("/api/v1/tickets", "/api/v1/invoices", "/api/v1/forms", "/api/v1/nada/de/nada"):
        response = Client().get(path)
        assert response.status_code in {401, 404}, path
        assert response["Content-Type"] == "application/problem+json"


def test_an_unknown_address_under_the_api_is_a_404_problem(api):
    assert_problem(api.get("/api/v1/nao-existe"), 404, "nao-encontrado")
    assert_problem(Client().get("/api/v1/tickets/2026SS00001/outra-coisa"), 404)


def test_a_method_the_address_does_not_take_is_a_405_problem(api):
    response = api.generic("DELETE", "/api/v1/tickets")

    assert_problem(response, 405, "metodo-nao-permitido")
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}


@override_settings(PORTAL_MAX_REQUEST_BYTES=100)
def test_an_oversized_body_is_a_413_problem(api):
    response = api.generic("POST", "/api/v1/tickets", "x" * 500)

    assert_problem(response, 413, "corpo-grande-demais")


def test_an_unexpected_error_is_a_500_problem_without_details(api, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("segredo interno")

    monkeypatch.setattr("api.selectors.company_contracts", explode)

    response = api.get("/api/v1/contracts")

    body = assert_problem(response, 500, "erro-interno")
    assert "segredo" not in response.content.decode()
    assert body["detail"]


@pytest.mark.parametrize(
    ("accept", "language"), [("en-US,en;q=0.9", "en"), ("es", "es"), ("", "pt-br"), ("de", "pt-br")]
)
def test_problems_come_in_the_language_of_accept_language(accept, language):
    headers = {"Accept-Language": accept} if accept else {}

    response = Client().get("/api/v1/tickets", headers=headers)

    body = assert_problem(response, 401)
    assert response["Content-Language"] == language
    with translation.override(language):
        assert body["title"] == gettext("Não autenticado")


def test_validation_problems_come_in_the_callers_language(api):
    response = api.get("/api/v1/tickets", {"limit": "muitos"}, headers={"Accept-Language": "es"})

    body = assert_problem(response, 422, "dados-invalidos")
    assert response["Content-Language"] == "es"
    with translation.override("es"):
        assert body["errors"] == [{"parameter": "limit", "detail": gettext("Informe um número.")}]


@override_settings(PORTAL_RATE_LIMITS={"api": (3, 60), "api-token-ip": (30, 60)})
def test_each_key_is_rate_limited_with_retry_after(company, other_company):
    api = company.api()
    for _ in range(3):
        assert api.get("/api/v1/contracts").status_code == 200

    response = api.get("/api/v1/contracts")

    assert_problem(response, 429, "muitas-requisicoes")
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another company's key has its own count.
    assert other_company.api().get("/api/v1/contracts").status_code == 200


def test_staff_sessions_do_not_leak_into_api_answers(api):
    staff = UserFactory(is_staff=True)
    api.client.force_login(staff)

    response = api.get("/api/v1/contracts")

    assert response.status_code == 200
    assert not response.cookies
