"""What every request goes through: the body limit, NUL characters, private pages, HEAD."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import TicketFactory, UserFactory
from tests.tickets import conftest as tickets_conftest
from tests.tickets.conftest import ticket_url

pytestmark = pytest.mark.django_db

customer = tickets_conftest.customer
ticket_form = tickets_conftest.ticket_form

MIB = 1024 * 1024


# The body limit -------------------------------------------------------------------------------


def test_a_body_over_the_limit_gets_413_before_it_is_read(client, ticket_form, settings):
    # The test client's payload holds a few bytes while announcing more: reading past them fails,
    # so a 413 here proves nothing read the body.
    response = client.generic(
        "POST",
        "/tickets/novo/datavalid/",
        b"step=identificacao",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.PORTAL_MAX_REQUEST_BYTES + 1),
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Envio grande demais" in html
    assert "27,0\xa0MB" in html  # the limit, as filesizeformat writes it


def test_a_full_set_of_attachments_fits_under_the_limit(client, ticket_form, settings):
    settings.PORTAL_MAX_REQUEST_BYTES = 2 * MIB  # a small limit for the test; the real one is 27 MB
    client.post("/tickets/novo/datavalid/", {"step": "identificacao", "cpf": "529.982.247-25"})
    small = SimpleUploadedFile("log.txt", b"linha\n" * 1000)
    response = client.post("/tickets/novo/datavalid/", {"step": "identificacao", "files": small})
    assert response.status_code != 413
    big = SimpleUploadedFile("log.txt", b"linha\n" * (400 * 1024))
    assert client.post("/tickets/novo/datavalid/", {"step": "identificacao", "files": big}).status_code == 413


def test_the_413_page_is_in_the_visitors_language(client, ticket_form, settings):
    client.cookies.load({"django_language": "es"})
    response = client.generic("POST", "/ajuda/busca/", b"", CONTENT_LENGTH=str(settings.PORTAL_MAX_REQUEST_BYTES + 1))
    assert response.status_code == 413
    assert 'lang="es"' in response.content.decode()


# NUL characters --------------------------------------------------------------------------------


@pytest.fixture
def owner_and_ticket(client):
    user = UserFactory()
    ticket = TicketFactory(created_by=user, requester_cpf=user.cpf)
    client.force_login(user)
    return user, ticket


def test_a_nul_in_a_ticket_attachment_url_is_a_400_not_a_500(client, owner_and_ticket):
    _user, ticket = owner_and_ticket
    assert client.get(ticket_url(ticket, "anexos/nao-existe/")).status_code == 404  # the page answers normally
    response = client.get(ticket_url(ticket, "anexos/%00/"))
    assert response.status_code == 400
    assert "Pedido inválido" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/tickets/ticket/1/anexos/%00/",
        "/admin/autocomplete/?term=%00&app_label=tickets&model_name=ticketform&field_name=form",
        "/admin/tickets/ticket/?status__exact=%00",
        "/ajuda/busca/?q=a%00b",
        "/tickets/consultar/?page=%00",
        "/%00/",
    ],
)
def test_a_nul_anywhere_in_a_url_is_a_400(client, url):
    staff = UserFactory(is_staff=True, is_superuser=True, cpf=None)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 400


def test_a_nul_in_a_posted_field_is_a_400_and_a_clean_post_works(client):
    assert client.post("/tickets/consultar/", {"by": "cpf", "cpf": "111.444.777-35"}).status_code == 302
    assert client.post("/tickets/consultar/", {"by": "cpf", "cpf": "111.444.777-35\x00"}).status_code == 400


# Private pages are not kept by browsers or proxies ---------------------------------------------


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/suporte/", "Meus Tickets"),
        ("/suporte/novo/", "Abrir novo ticket"),
        ("/tickets/novo/datavalid/", "Passo 1 de 4"),
        ("/senha/alterar/", "Alterar senha"),
        ("/", "Suporte"),
        ("/ajuda/", "Central de Ajuda"),
    ],
)
def test_signed_in_pages_are_private_and_never_stored(client, customer, ticket_form, url, text):
    client.force_login(customer)
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_a_visitors_form_steps_are_never_stored(client, ticket_form):
    response = client.get("/tickets/novo/datavalid/")
    assert "Passo 1 de 4" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_public_page_for_a_visitor_without_a_session_stays_cacheable(client):
    response = client.get("/ajuda/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# HEAD, as monitors probe -------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/healthz", "/ajuda/", "/tickets/consultar/", "/ajuda/produtos/", "/entrar/"])
def test_head_answers_like_get_without_a_body(client, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""
    assert client.get(url).status_code == 200
