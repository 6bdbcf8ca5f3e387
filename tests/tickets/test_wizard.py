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


def test_submissions_past_the_per_cpf_limit_get_a_429_and_the_form_is_kept(client, ticket_form, monkeypatch, settings):

    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "envio-cpf": (2, 24 * 60 * 60)}
    assert _fill_and_send(client).status_code == 302
    assert _fill_and_send(client).status_code == 302
    refused = _fill_and_send(client)
    assert refused.status_code == 429
    assert "Nada do que você já preencheu foi perdido." in refused.content.decode()
    assert Ticket.objects.count() == 2
    assert "Passo 4 de 4" in client.get("/tickets/novo/datavalid/").content.decode()


def test_submissions_past_the_per_address_limit_get_a_429(client, ticket_form, monkeypatch, settings):

    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "envio-ip": (1, 60 * 60)}
    assert _fill_and_send(client).status_code == 302
    assert _fill_and_send(client).status_code == 429
    assert Ticket.objects.count() == 1


# What a draft may hold: the session and private storage stay small -----------------------------


PDF = b"%PDF-1.4\n"


def _pdf(name, size):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF + b"0" * (size - len(PDF)))


def _parked_paths():
    from tickets.models import private_storage

    found = []

    def walk(folder):
        if not private_storage.exists(folder):
            return
        folders, files = private_storage.listdir(folder)
        found.extend(f"{folder}/{name}" for name in files)
        for name in folders:
            walk(f"{folder}/{name}")

    walk("rascunhos")
    return found


@pytest.fixture
def no_drafts():
    from tickets.models import private_storage

    before = set(_parked_paths())
    yield before
    for path in set(_parked_paths()) - before:
        private_storage.delete(path)


def test_a_step_keeps_only_its_own_fields_cut_to_their_limits(client, ticket_form):
    response = post_step(
        client,
        "datavalid",
        "identificacao",
        {**ANONYMOUS_IDENTIFICATION, "name": "N" * 10_000, "forjado": "x" * 1_000_000, "outro": ["a"] * 100},
    )
    assert response.status_code == 200  # the name is too long: the step comes back with its error
    assert "Certifique-se de que o valor tenha no máximo 150 caracteres" in response.content.decode()
    stored = client.session["ticket_form:datavalid"]["data"]["identificacao"]
    assert set(stored) == {"cpf", "name", "cnpj"}
    assert stored["cpf"] == ["529.982.247-25"]
    assert stored["name"] == ["N" * 150]
    assert len(client.session.encode(dict(client.session))) < 5_000


def test_a_refused_set_of_files_parks_nothing_and_says_why(client, ticket_form, no_drafts):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    part = int(5.2 * 1024 * 1024)
    too_big_together = [_pdf(f"parte{n}.pdf", part) for n in range(5)]  # 26 MiB together, over 25 MiB
    response = post_step(client, "datavalid", "solicitacao", request_data(), files=too_big_together)
    assert response.status_code == 200
    assert "Os anexos somam" in response.content.decode()
    assert client.session["ticket_form:datavalid"]["files"] == []
    assert set(_parked_paths()) == no_drafts


def test_a_set_with_one_bad_file_parks_none_of_it(client, ticket_form, no_drafts):
    from django.core.files.uploadedfile import SimpleUploadedFile

    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    files = [_pdf("bom.pdf", 1000), SimpleUploadedFile("pagina.pdf", b"<html><script>alert(1)</script>")]
    response = post_step(client, "datavalid", "solicitacao", request_data(), files=files)
    assert "não é de um tipo aceito" in response.content.decode()
    assert client.session["ticket_form:datavalid"]["files"] == []
    assert set(_parked_paths()) == no_drafts


def test_a_valid_set_is_parked_and_listed(client, ticket_form, no_drafts):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    response = post_step(client, "datavalid", "solicitacao", request_data(), files=[_pdf("bom.pdf", 1000)])
    assert response.status_code == 302
    parked = client.session["ticket_form:datavalid"]["files"]
    assert [item["original_name"] for item in parked] == ["bom.pdf"]
    assert len(set(_parked_paths()) - no_drafts) == 1


def test_too_many_step_posts_from_one_address_get_a_429_that_keeps_the_typed_text(
    client, ticket_form, monkeypatch, settings
):

    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "passo-ip": (4, 3600)}
    for _twice in range(2):  # next and back, twice: four posts
        assert post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION).status_code == 302
        assert post_step(client, "datavalid", "contato", CONTACT, action="back").status_code == 302
    typed = {**ANONYMOUS_IDENTIFICATION, "name": "Joana Batista"}
    response = post_step(client, "datavalid", "identificacao", typed)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Muitos envios em pouco tempo" in html
    assert 'value="Joana Batista"' in html
    other_address = client.post(
        "/tickets/novo/datavalid/", {"step": "identificacao", "action": "next", **typed}, REMOTE_ADDR="192.0.2.77"
    )
    assert other_address.status_code == 302


# Leaving a step keeps what it holds ---------------------------------------------------------------


def test_files_chosen_on_step_three_survive_voltar(client, ticket_form, no_drafts):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    response = post_step(
        client, "datavalid", "solicitacao", request_data(title="Digitado"), action="back", files=[_pdf("log.pdf", 900)]
    )
    assert response.status_code == 302
    assert "Passo 2 de 4" in client.get("/tickets/novo/datavalid/").content.decode()
    post_step(client, "datavalid", "contato", CONTACT)
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Passo 3 de 4" in html
    assert "log.pdf" in html  # still listed among the files already attached
    assert 'value="Digitado"' in html
    post_step(client, "datavalid", "solicitacao", request_data(title="Digitado"))
    assert "log.pdf" in client.get("/tickets/novo/datavalid/").content.decode()  # and in the review


def test_switching_language_mid_step_keeps_what_was_typed(client, ticket_form):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    typed = {"email": "joana@empresa.example", "phone": "(61) 3333-4444", "language": "pt-br"}
    response = post_step(client, "datavalid", "contato", typed, action="language:en")
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Step 2 of 4" in html
    assert 'value="joana@empresa.example"' in html
    assert 'value="(61) 3333-4444"' in html


def test_the_language_menu_on_a_form_page_posts_the_form(client, ticket_form):
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert 'id="formulario-ticket"' in html
    assert 'form="formulario-ticket" formaction="/tickets/novo/datavalid/"' in html
    assert 'value="language:es"' in html


def test_the_breadcrumb_reads_suporte_for_customers_and_central_de_ajuda_for_visitors(client, ticket_form, customer):
    visitor = client.get("/tickets/novo/datavalid/").content.decode()
    assert 'href="/ajuda/">Central de Ajuda</a>' in visitor
    assert "Formulário</a>" not in visitor
    client.force_login(customer)
    signed_in = client.get("/tickets/novo/datavalid/").content.decode()
    assert 'href="/suporte/">Suporte</a>' in signed_in
    assert 'href="/suporte/novo/">Criar novo</a>' in signed_in
    assert 'aria-label="Menu da Área do Cliente"' in signed_in
