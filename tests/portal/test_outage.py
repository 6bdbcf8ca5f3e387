"""While the database is away: a friendly 503 in the visitor's language, and /healthz 503 JSON.

These tests commit for real (``transaction=True``): the outage closes the connection, as it does
in production, and nothing may be left half-done behind it.
"""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from portal.models import OutboundEmail
from tests.factories import UserFactory
from tests.tickets import conftest as tickets_conftest
from tests.tickets.conftest import CONTACT, post_step, request_data
from tickets.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True)

ticket_form = tickets_conftest.ticket_form


@contextmanager
def database_away():
    """Every query fails the way psycopg fails when PostgreSQL is down."""
    refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=refused):
        yield


def _client(**kwargs) -> Client:
    return Client(raise_request_exception=False, **kwargs)


def test_healthz_answers_503_json_while_the_database_is_away_with_or_without_a_session():
    signed_in = _client()
    signed_in.force_login(UserFactory(is_staff=True, cpf=None))
    assert _client().get("/healthz").json() == {"status": "ok", "database": "ok"}
    with database_away():
        for client in (_client(), signed_in):
            response = client.get("/healthz")
            assert response.status_code == 503
            assert response["Content-Type"] == "application/json"
            assert response.json() == {"status": "error", "database": "unavailable"}
            assert response["Retry-After"] == "30"
            assert client.head("/healthz").status_code == 503


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("pt-br", "Serviço temporariamente indisponível"),
        ("en", "Service temporarily unavailable"),
        ("es", "Servicio temporalmente no disponible"),
    ],
)
def test_pages_answer_a_friendly_503_in_the_visitors_language(language, title):
    client = _client()
    client.cookies.load({"django_language": language})
    with database_away():
        response = client.get("/ajuda/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f"<title>{title}</title>" in html
    assert f'lang="{language}"' in html
    assert client.get("/ajuda/").status_code == 200  # back as soon as the database is


def test_a_signed_in_customer_gets_the_503_too_not_a_500():
    client = _client()
    client.force_login(UserFactory())
    with database_away():
        response = client.get("/suporte/")
    assert response.status_code == 503
    assert "Voltamos em instantes" in response.content.decode()


def test_other_errors_still_get_the_500_page(monkeypatch):
    from support import views

    monkeypatch.setattr(views, "render", mock.Mock(side_effect=RuntimeError("a bug")))
    client = _client()
    client.force_login(UserFactory())
    response = client.get("/suporte/")
    assert response.status_code == 500
    assert "Algo deu errado do nosso lado" in response.content.decode()
    assert "Retry-After" not in response


def test_when_the_response_fails_after_the_commit_a_resend_lands_on_the_existing_ticket(ticket_form):
    client = _client()
    identification = {"cpf": "529.982.247-25", "name": "João Pereira", "cnpj": "12.ABC.345/01DE-35"}
    post_step(client, "datavalid", "identificacao", identification)
    post_step(client, "datavalid", "contato", CONTACT)
    post_step(client, "datavalid", "solicitacao", request_data())
    key = client.session["ticket_form:datavalid"]["key"]

    save = SessionStore.save
    calls = []

    def save_then_lose_the_database(session, must_create=False):
        calls.append(1)
        raise OperationalError("server closed the connection unexpectedly")

    with mock.patch.object(SessionStore, "save", save_then_lose_the_database):
        first = post_step(client, "datavalid", "revisao", {"key": key})
    assert calls  # the ticket committed, then the session could not be saved
    assert first.status_code == 503
    ticket = Ticket.objects.get()
    assert OutboundEmail.objects.filter(subject__contains=ticket.protocol).count() == 1  # queued with it

    assert SessionStore.save is save
    again = post_step(client, "datavalid", "revisao", {"key": key})  # the visitor sends again
    assert again.status_code == 302
    confirmation = client.get(again["Location"])
    assert confirmation.status_code == 200
    assert ticket.protocol in confirmation.content.decode()
    assert Ticket.objects.count() == 1
    assert OutboundEmail.objects.count() == 1
    assert len([message for message in mail.outbox if ticket.protocol in message.subject]) == 1
