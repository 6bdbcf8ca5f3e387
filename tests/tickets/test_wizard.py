import pytest
from django.core import mail

from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step, request_data
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def _current_step(client, slug):
    html = client.get(f"/tickets/novo/{slug}/").content.decode()
    for number in range(1, 5):
        if f"Passo {number} de 4" in html:
            return number
    raise AssertionError(html)


def test_anonymous_visitor_opens_a_ticket_in_four_steps(client, ticket_form, django_capture_on_commit_callbacks):
    response = client.get("/tickets/novo/datavalid/")
    html = response.content.decode()
    assert "Registro de pedido de serviço" in html
    assert "Passo 1 de 4" in html
    assert "Os campos que contenham *, são de preenchimento obrigatório." in html

    assert post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION).status_code == 302
    assert post_step(client, "datavalid", "contato", CONTACT).status_code == 302
    assert post_step(client, "datavalid", "solicitacao", request_data()).status_code == 302
    review = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Passo 4 de 4" in review
    assert "529.982.247-25" in review
    assert "Erro 500 na consulta" in review

    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(client, "datavalid", "revisao", {"key": client.session["ticket_form:datavalid"]["key"]})
    ticket = Ticket.objects.get()
    assert response["Location"] == f"/tickets/enviado/{ticket.year}SS/{ticket.number:05d}/"
    assert ticket.protocol == f"{ticket.year}SS/00001"
    assert ticket.requester_cpf == "52998224725"
    assert ticket.cnpj == "12ABC34501DE35"
    assert ticket.phone == "(61) 99876-5432"
    assert ticket.status == "aberto"
    assert ticket.events.get().to_status == "aberto"
    confirmation = client.get(response["Location"]).content.decode()
    assert ticket.protocol in confirmation
    assert len(mail.outbox) == 1
    assert ticket.protocol in mail.outbox[0].subject


def _key(client, slug="datavalid"):
    return client.session[f"ticket_form:{slug}"]["key"]


def _fill_until_review(client, slug="datavalid"):
    post_step(client, slug, "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, slug, "contato", CONTACT)
    post_step(client, slug, "solicitacao", request_data())


# Bad input, step by step ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**ANONYMOUS_IDENTIFICATION, "cpf": "111.111.111-11"}, "CPF inválido"),
        ({**ANONYMOUS_IDENTIFICATION, "cpf": "529.982.247-2"}, "CPF inválido"),
        ({**ANONYMOUS_IDENTIFICATION, "cnpj": "12.ABC.345/01DE-36"}, "CNPJ inválido"),
        ({**ANONYMOUS_IDENTIFICATION, "name": ""}, "Este campo é obrigatório"),
        ({**ANONYMOUS_IDENTIFICATION, "name": "x" * 151}, "no máximo 150 caracteres"),
    ],
)
def test_identification_errors_are_explained_and_typed_values_kept(client, ticket_form, data, message):
    response = post_step(client, "datavalid", "identificacao", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Passo 1 de 4" in html
    if data["name"] and len(data["name"]) <= 150:
        assert data["name"] in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**CONTACT, "email": "joao@"}, "Informe um endereço de email válido"),
        ({**CONTACT, "email": ""}, "Este campo é obrigatório"),
        ({**CONTACT, "phone": "12345"}, "Telefone inválido"),
        ({**CONTACT, "phone": "(61) 8876-54321"}, "Celulares têm 9 dígitos"),
        ({**CONTACT, "language": "fr"}, "Faça uma escolha válida"),
    ],
)
def test_contact_errors_are_explained(client, ticket_form, data, message):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    response = post_step(client, "datavalid", "contato", data)
    assert message in response.content.decode()
    assert "Passo 2 de 4" in response.content.decode()


@pytest.mark.parametrize(
    ("phone", "normalised"),
    [
        ("61998765432", "(61) 99876-5432"),
        ("+55 61 99876-5432", "(61) 99876-5432"),
        ("(11) 3456-7890", "(11) 3456-7890"),
        ("0 11 3456 7890", "(11) 3456-7890"),
        ("0800 123 4567", "0800 123 4567"),
    ],
)
def test_brazilian_phone_formats_are_accepted_and_normalised(phone, normalised):
    from tickets.forms import normalize_phone

    assert normalize_phone(phone) == normalised


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Este campo é obrigatório"),
        ({"title": "x" * 151}, "no máximo 150 caracteres"),
        ({"description": "x" * 5001}, "no máximo 5000 caracteres"),
        ({"type": "999999"}, "Faça uma escolha válida"),
    ],
)
def test_request_errors_keep_the_earlier_steps(client, ticket_form, overrides, message):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    response = post_step(client, "datavalid", "solicitacao", request_data(**overrides))
    assert message in response.content.decode()
    state = client.session["ticket_form:datavalid"]
    assert state["data"]["identificacao"]["name"] == ["João Pereira"]
    assert state["data"]["contato"]["email"] == ["joao@empresa.example"]


def test_going_back_keeps_what_was_typed_even_if_incomplete(client, ticket_form):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", {"email": "meio-digitado"}, action="back")
    assert "Passo 1 de 4" in client.get("/tickets/novo/datavalid/").content.decode()
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    assert 'value="meio-digitado"' in client.get("/tickets/novo/datavalid/").content.decode()


def test_leaving_and_coming_back_resumes_where_the_visitor_stopped(client, ticket_form):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    client.get("/ajuda/")
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Passo 2 de 4" in html


def test_a_step_not_reached_yet_sends_the_visitor_back_with_a_message(client, ticket_form):
    response = post_step(client, "datavalid", "revisao", {}, follow=True)
    html = response.content.decode()
    assert "estava desatualizada" in html
    assert "Passo 1 de 4" in html
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("step", ["", "passo-inventado", "identificacao'; --"])
def test_a_tampered_step_name_sends_the_visitor_back(client, ticket_form, step):
    response = post_step(client, "datavalid", step, ANONYMOUS_IDENTIFICATION, follow=True)
    assert "estava desatualizada" in response.content.decode()


def test_a_tampered_goto_target_is_ignored(client, ticket_form):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT, action="goto:revisao")
    assert "Passo 2 de 4" in client.get("/tickets/novo/datavalid/").content.decode()


def test_an_older_tab_of_an_earlier_step_is_accepted(client, ticket_form):
    _fill_until_review(client)
    post_step(client, "datavalid", "identificacao", {**ANONYMOUS_IDENTIFICATION, "name": "João P. Pereira"})
    assert client.session["ticket_form:datavalid"]["data"]["identificacao"]["name"] == ["João P. Pereira"]


def test_extra_post_fields_are_ignored(client, ticket_form, django_capture_on_commit_callbacks):
    post_step(client, "datavalid", "identificacao", {**ANONYMOUS_IDENTIFICATION, "status": "fechado"})
    post_step(client, "datavalid", "contato", {**CONTACT, "team": "999", "protocol": "2020SS/00001"})
    post_step(client, "datavalid", "solicitacao", request_data(requester_cpf="11144477735", number="7"))
    with django_capture_on_commit_callbacks(execute=True):
        post_step(client, "datavalid", "revisao", {"key": _key(client), "status": "fechado", "cpf": "11144477735"})
    ticket = Ticket.objects.get()
    assert ticket.status == "aberto"
    assert ticket.requester_cpf == "52998224725"
    assert ticket.number == 1
    assert ticket.team == ticket_form.team


@pytest.mark.parametrize("slug", ["nao-existe", "inativo"])
def test_unknown_or_inactive_forms_answer_404(client, ticket_form, slug):
    from tests.factories import TicketFormFactory

    TicketFormFactory(slug="inativo", active=False)
    assert client.get(f"/tickets/novo/{slug}/").status_code == 404
    assert client.post(f"/tickets/novo/{slug}/", {"step": "identificacao"}).status_code == 404


def test_a_product_slug_leads_to_that_products_form(client, ticket_form):
    from tests.factories import ProductFactory, TicketFormFactory

    TicketFormFactory(product=ProductFactory(slug="consulta-cpf"), slug="suporte-consulta-cpf", name="Consulta CPF")
    assert "Consulta CPF" in client.get("/tickets/novo/consulta-cpf/").content.decode()


# Signed-in customers ----------------------------------------------------------------------------


def test_signed_in_customer_is_not_asked_for_cpf_or_name_again(client, ticket_form, customer):
    client.force_login(customer)
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert 'name="cpf"' not in html
    assert 'name="name"' not in html
    assert "Maria da Silva" in html
    assert "529.982.247-25" in html
    assert "Nova Rota Tecnologia Ltda." in html


def test_signed_in_customer_cannot_pick_a_company_that_is_not_theirs(client, ticket_form, customer):
    client.force_login(customer)
    response = post_step(client, "datavalid", "identificacao", {"cnpj": "33451729000133"})
    assert "Escolha uma das empresas às quais você está vinculado." in response.content.decode()


def test_signed_in_customer_ticket_uses_the_account_data(client, ticket_form, customer):
    client.force_login(customer)
    post_step(client, "datavalid", "identificacao", {"cnpj": "12ABC34501DE35", "cpf": "11144477735", "name": "Outro"})
    post_step(client, "datavalid", "contato", CONTACT)
    post_step(client, "datavalid", "solicitacao", request_data())
    post_step(client, "datavalid", "revisao", {"key": _key(client)})
    ticket = Ticket.objects.get()
    assert (ticket.requester_cpf, ticket.requester_name) == ("52998224725", "Maria da Silva")
    assert ticket.created_by == customer


# Sending ---------------------------------------------------------------------------------------


def test_sending_twice_creates_one_ticket_and_shows_the_same_confirmation(client, ticket_form):
    _fill_until_review(client)
    key = _key(client)
    first = post_step(client, "datavalid", "revisao", {"key": key})
    second = post_step(client, "datavalid", "revisao", {"key": key})
    assert Ticket.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_confirmation_is_only_shown_to_the_browser_that_sent(client, ticket_form):
    from django.test import Client

    _fill_until_review(client)
    location = post_step(client, "datavalid", "revisao", {"key": _key(client)})["Location"]
    assert client.get(location).status_code == 200
    assert Client().get(location).status_code == 404


def test_a_new_form_starts_after_sending(client, ticket_form):
    _fill_until_review(client)
    post_step(client, "datavalid", "revisao", {"key": _key(client)})
    assert "Passo 1 de 4" in client.get("/tickets/novo/datavalid/").content.decode()


def test_confirmation_email_is_in_the_chosen_language(client, ticket_form, django_capture_on_commit_callbacks):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", {**CONTACT, "language": "es"})
    post_step(client, "datavalid", "solicitacao", request_data())
    with django_capture_on_commit_callbacks(execute=True):
        post_step(client, "datavalid", "revisao", {"key": _key(client)})
    ticket = Ticket.objects.get()
    assert mail.outbox[0].subject == f"Recibimos su solicitud {ticket.protocol}"
    assert mail.outbox[0].to == ["joao@empresa.example"]


def test_clear_asks_first_then_empties_the_form(client, ticket_form):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    confirm = client.get("/tickets/novo/datavalid/limpar/").content.decode()
    assert "Limpar o formulário?" in confirm
    assert "ticket_form:datavalid" in client.session
    response = client.post("/tickets/novo/datavalid/limpar/", follow=True)
    assert "Passo 1 de 4" in response.content.decode()
    assert "O formulário foi limpo" in response.content.decode()
    assert "João Pereira" not in response.content.decode()


def test_extra_fields_are_asked_and_kept_on_the_ticket(client, ticket_form):
    from tests.factories import FormFieldFactory
    from tickets.models import FormField

    environment = FormFieldFactory(
        form=ticket_form, label="Ambiente", kind=FormField.Kind.CHOICE, required=True, choices="Produção\nTeste"
    )
    blocking = FormFieldFactory(form=ticket_form, label="Impede o uso?", kind=FormField.Kind.YES_NO, required=True)
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    missing = post_step(client, "datavalid", "solicitacao", request_data()).content.decode()
    assert "Ambiente" in missing
    assert "Este campo é obrigatório" in missing
    post_step(client, "datavalid", "solicitacao", request_data(**{environment.key: "Produção", blocking.key: "sim"}))
    post_step(client, "datavalid", "revisao", {"key": _key(client)})
    assert Ticket.objects.get().extra == [
        {"field": environment.pk, "label": "Ambiente", "value": "Produção"},
        {"field": blocking.pk, "label": "Impede o uso?", "value": "Sim"},
    ]


def _fill_and_send(client):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    post_step(client, "datavalid", "solicitacao", request_data())
    return post_step(client, "datavalid", "revisao", {"key": _key(client)})


def test_submissions_past_the_per_cpf_limit_get_a_429_and_the_form_is_kept(client, ticket_form, monkeypatch):
    from portal.ratelimit import Limit

    monkeypatch.setattr("tickets.views.SUBMIT_PER_CPF", Limit("envio-cpf", 2, 24 * 60 * 60))
    assert _fill_and_send(client).status_code == 302
    assert _fill_and_send(client).status_code == 302
    refused = _fill_and_send(client)
    assert refused.status_code == 429
    assert "Nada do que você já preencheu foi perdido." in refused.content.decode()
    assert Ticket.objects.count() == 2
    assert "Passo 4 de 4" in client.get("/tickets/novo/datavalid/").content.decode()


def test_submissions_past_the_per_address_limit_get_a_429(client, ticket_form, monkeypatch):
    from portal.ratelimit import Limit

    monkeypatch.setattr("tickets.views.SUBMIT_PER_IP", Limit("envio-ip", 1, 60 * 60))
    assert _fill_and_send(client).status_code == 302
    assert _fill_and_send(client).status_code == 429
    assert Ticket.objects.count() == 1
