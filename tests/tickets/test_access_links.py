"""The single-use links an anonymous consultation e-mails, and the access they give."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import TicketFactory
from tests.tickets.conftest import ANONYMOUS_CPF, ANONYMOUS_EMAIL, consult, ticket_url
from tickets import services
from tickets.models import LookupToken

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^/\s]+(/tickets/acesso/[^/\s]+/)")


def _link(client):
    consult(client, by="cpf", cpf=ANONYMOUS_CPF, situation="abertas")
    return LINK.search(mail.outbox[-1].body)[1]


def test_link_token_is_long_random_and_stored_only_as_a_hash(client, world):
    path = _link(client)
    raw = path.rstrip("/").rsplit("/", 1)[1]
    token = LookupToken.objects.get()
    assert len(raw) >= 43  # 32 random bytes, base64: 256 bits
    assert raw not in token.token_hash
    assert token.token_hash == services._hash_token(raw)
    assert token.expires_at - token.created_at == datetime.timedelta(minutes=30)


def _open(client, path):
    """What the visitor does: open the e-mailed link, then press the button."""
    client.get(path)
    return client.post(path)


def test_opening_the_link_only_asks_to_confirm_so_mail_scanners_do_not_spend_it(client, world):
    path = _link(client)
    for _scanner_visit in range(3):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Ver minhas solicitações" in html
        assert 'method="post"' in html
        assert world.anonymous_ticket.title not in html
    assert client.head(path).status_code == 200
    assert LookupToken.objects.get().used_at is None
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 404
    assert client.post(path).status_code == 302  # still good for the person who presses the button
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 200


def test_following_the_link_opens_the_cpfs_tickets_and_drops_the_token_from_the_url(client, world):
    path = _link(client)
    response = _open(client, path)
    assert response.status_code == 302
    assert response["Location"] == "/tickets/consultar/"
    html = client.get("/tickets/consultar/").content.decode()
    assert world.anonymous_ticket.title in html
    assert world.anonymous_ticket.cpf_redacted in html
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 200


def test_the_access_covers_only_tickets_of_that_cpf_with_that_email(client, world):
    stranger = TicketFactory(requester_cpf=ANONYMOUS_CPF, email="alguem-que-digitou-o-cpf@outro.example")
    _open(client, _link(client))  # the link sent to ANONYMOUS_EMAIL
    html = client.get("/tickets/consultar/").content.decode()
    assert world.anonymous_ticket.title in html
    assert stranger.title not in html
    assert client.get(ticket_url(stranger)).status_code == 404
    assert client.get(ticket_url(world.colleague_ticket)).status_code == 404


def test_a_link_works_once(client, world):
    path = _link(client)
    assert _open(client, path).status_code == 302
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 200  # the first use works
    client.logout()  # a new session
    for second in (client.get(path), client.post(path)):
        assert second.status_code == 404
        assert "Link inválido ou expirado" in second.content.decode()
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 404


def test_an_expired_link_is_refused(client, world):
    path = _link(client)
    LookupToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 404


@pytest.mark.parametrize("forged", ["x", "A" * 43, "A" * 200, "..%2F..%2Fetc"])
def test_a_forged_link_is_refused(client, world, forged):
    _link(client)
    assert client.get(f"/tickets/acesso/{forged}/").status_code == 404
    assert client.post(f"/tickets/acesso/{forged}/").status_code == 404
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 404


def test_a_link_for_another_cpf_gives_nothing_of_this_one(client, world):
    other = TicketFactory(requester_cpf="52998224725", email="outra@empresa.example")
    consult(client, by="cpf", cpf="529.982.247-25", situation="abertas")
    _open(client, LINK.search(mail.outbox[-1].body)[1])
    html = client.get("/tickets/consultar/").content.decode()
    assert other.title in html
    assert world.anonymous_ticket.title not in html
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 404


def test_the_access_ends_after_an_hour(client, world):
    _open(client, _link(client))
    session = client.session
    grant = session["tickets_access"]
    grant["until"] = (timezone.now() - datetime.timedelta(seconds=1)).isoformat()
    session["tickets_access"] = grant
    session.save()
    assert client.get(ticket_url(world.anonymous_ticket)).status_code == 404


def test_the_session_key_changes_when_access_is_granted(client, world):
    path = _link(client)
    client.get(path)
    before = client.session.session_key
    client.post(path)
    assert client.session.session_key != before


def test_expired_links_are_purged(world):
    now = timezone.now()
    LookupToken.objects.create(
        token_hash="a" * 64, cpf=ANONYMOUS_CPF, email=ANONYMOUS_EMAIL, expires_at=now - datetime.timedelta(days=2)
    )
    LookupToken.objects.create(
        token_hash="b" * 64, cpf=ANONYMOUS_CPF, email=ANONYMOUS_EMAIL, expires_at=now + datetime.timedelta(minutes=5)
    )
    assert services.lookup_tokens_purge(older_than=now - datetime.timedelta(days=1)) == 1
    assert LookupToken.objects.get().token_hash == "b" * 64
