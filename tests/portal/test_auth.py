import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.tasks import default_task_backend
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from portal.models import User
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer():
    return UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")


@pytest.mark.parametrize("login", ["52998224725", "529.982.247-25", " 529.982.247-25 "])
def test_customer_logs_in_with_cpf_in_any_usual_format(client, customer, login):
    response = client.post("/entrar/", {"username": login, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(customer.pk)


@pytest.mark.parametrize("login", ["maria@cliente.example", "MARIA@Cliente.Example"])
def test_customer_logs_in_with_email_in_any_case(client, customer, login):
    response = client.post("/entrar/", {"username": login, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(customer.pk)


@pytest.mark.parametrize(
    "login",
    ["maria@cliente.example", "52998224725", "ninguem@cliente.example", "11144477735", "maria"],
)
def test_wrong_credentials_get_one_message_that_keeps_the_login_typed(client, customer, login):
    response = client.post("/entrar/", {"username": login, "password": "senha-errada"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "CPF, e-mail ou senha incorretos" in content
    assert f'value="{login}"' in content
    assert "_auth_user_id" not in client.session


def test_empty_login_form_says_which_fields_are_missing(client):
    response = client.post("/entrar/", {"username": "", "password": ""})
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("Este campo é obrigatório") == 4  # in the error summary and under each field
    assert '<a href="#id_username">CPF ou e-mail</a>: Este campo é obrigatório' in content


def test_inactive_customer_cannot_log_in(client):
    UserFactory(email="inativa@cliente.example", is_active=False)
    response = client.post("/entrar/", {"username": "inativa@cliente.example", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_anonymous_visitor_is_sent_from_home_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/entrar/?next=/"


def test_login_follows_next_within_our_site(client, customer):
    response = client.post("/entrar/", {"username": customer.email, "password": DEFAULT_PASSWORD, "next": "/suporte/"})
    assert response["Location"] == "/suporte/"


@pytest.mark.parametrize(
    "next_url",
    ["//evil.example/", "https://evil.example/", "https:evil.example", "/\\evil.example", "javascript:alert(1)"],
)
def test_login_ignores_next_pointing_to_another_site(client, customer, next_url):
    response = client.post("/entrar/", {"username": customer.email, "password": DEFAULT_PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_logged_in_customer_visiting_login_goes_home(client, customer):
    client.force_login(customer)
    assert client.get("/entrar/")["Location"] == "/"


def test_logout_is_a_post_and_ends_the_session(client, customer):
    client.force_login(customer)
    assert client.get("/sair/").status_code == 405
    response = client.post("/sair/")
    assert response["Location"] == "/entrar/"
    assert "_auth_user_id" not in client.session


def _reset_link(message) -> str:
    """The path of the reset link in an e-mail, which must point to the portal's public address."""
    return re.search(re.escape(settings.PORTAL_BASE_URL) + r"(/senha/redefinir/\S+/)", message.body).group(1)


def test_password_reset_emails_a_link_that_sets_a_new_password(client, customer):
    response = client.post("/senha/redefinir/", {"email": "MARIA@cliente.example"})
    assert response["Location"] == "/senha/redefinir/enviado/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@cliente.example"]
    assert message.subject == "Redefinição de senha da Área do Cliente"
    assert message.alternatives[0].mimetype == "text/html"
    assert settings.PORTAL_BASE_URL + _reset_link(message) in message.alternatives[0].content

    form_url = client.get(_reset_link(message))["Location"]
    response = client.post(form_url, {"new_password1": "um-novo-segredo-2026", "new_password2": "um-novo-segredo-2026"})
    assert response["Location"] == "/senha/redefinir/concluido/"
    customer.refresh_from_db()
    assert customer.check_password("um-novo-segredo-2026")


def test_password_reset_answers_the_same_for_an_unknown_email(client):
    response = client.post("/senha/redefinir/", {"email": "ninguem@cliente.example"})
    assert response["Location"] == "/senha/redefinir/enviado/"
    assert mail.outbox == []


def test_password_reset_with_an_invalid_address_shows_the_form_again(client):
    response = client.post("/senha/redefinir/", {"email": "maria"})
    assert response.status_code == 200
    assert "Informe um endereço de email válido" in response.content.decode()


def test_password_reset_request_does_the_same_work_whether_or_not_the_email_has_an_account(client, customer, settings):
    # As in production: the request stores a task in the database and a worker does the rest.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    responses, queries = [], []
    for email in ["maria@cliente.example", "ninguem@cliente.example"]:
        with CaptureQueriesContext(connection) as captured:
            responses.append(client.post("/senha/redefinir/", {"email": email}))
        queries.append([re.sub(r"'(?:[^']|'')*'", "?", query["sql"]) for query in captured.captured_queries])
    assert queries[0] == queries[1]
    assert [sql.split()[:3] for sql in queries[0]] == [["INSERT", "INTO", f'"{DBTaskResult._meta.db_table}"']]
    assert not any(User._meta.db_table in sql for sql in queries[0])
    for response in responses:
        assert (response.status_code, response["Location"], response.content) == (302, "/senha/redefinir/enviado/", b"")
    assert mail.outbox == []


@pytest.mark.parametrize("email", ["maria@cliente.example", "ninguem@cliente.example"])
def test_password_reset_request_only_enqueues_the_email_and_the_visitors_language(client, customer, settings, email):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    client.post("/senha/redefinir/", {"email": email}, HTTP_ACCEPT_LANGUAGE="es")
    results = default_task_backend.results
    assert [(r.task.name, r.args, r.kwargs) for r in results] == [
        ("send_password_reset", [], {"email": email, "language": "es"})
    ]


def test_password_reset_link_points_to_the_portal_address_whatever_host_was_asked(client, customer, settings):
    settings.ALLOWED_HOSTS = ["testserver", "outro.example"]
    settings.PORTAL_BASE_URL = "https://cliente.example.gov.br"
    client.post("/senha/redefinir/", {"email": customer.email}, HTTP_HOST="outro.example")
    message = mail.outbox[0]
    assert "https://cliente.example.gov.br/senha/redefinir/" in message.body
    assert "outro.example" not in message.body
    assert "outro.example" not in message.alternatives[0].content
    assert client.get(_reset_link(message)).status_code == 302  # to the form, the token kept in the session


def test_password_reset_rejects_a_weak_new_password_and_explains_why(client, customer):
    client.post("/senha/redefinir/", {"email": customer.email})
    form_url = client.get(_reset_link(mail.outbox[0]))["Location"]
    response = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert "muito curta" in response.content.decode()


def test_password_reset_link_with_a_forged_token_is_refused_politely(client, customer):
    response = client.get("/senha/redefinir/MQ/forjado-123/")
    assert response.status_code == 200
    assert "não é mais válido" in response.content.decode()


def test_password_reset_email_is_in_the_visitors_language(client, customer):
    client.cookies.load({"django_language": "es"})
    client.post("/senha/redefinir/", {"email": customer.email})
    assert mail.outbox[0].subject == "Restablecimiento de contraseña del Área del Cliente"


def test_password_reset_email_follows_the_browsers_language(client, customer):
    client.post("/senha/redefinir/", {"email": customer.email}, HTTP_ACCEPT_LANGUAGE="es")
    message = mail.outbox[0]
    assert message.subject == "Restablecimiento de contraseña del Área del Cliente"
    assert message.body.startswith("Hola, Maria.")
    assert "Crear nueva contraseña" in message.alternatives[0].content
    assert 'lang="es"' in message.alternatives[0].content


def test_password_reset_past_five_requests_an_hour_from_one_address_answers_429(client):
    for n in range(5):
        response = client.post("/senha/redefinir/", {"email": f"pessoa{n}@cliente.example"}, REMOTE_ADDR="10.6.6.6")
        assert response.status_code == 302
    response = client.post("/senha/redefinir/", {"email": "outra@cliente.example"}, REMOTE_ADDR="10.6.6.6")
    assert response.status_code == 429
    assert response["Retry-After"]
    other = client.post("/senha/redefinir/", {"email": "outra@cliente.example"}, REMOTE_ADDR="10.1.1.1")
    assert other.status_code == 302


def test_password_reset_past_three_emails_an_hour_to_one_address_sends_nothing_but_answers_as_usual(client, customer):
    spellings = ["maria@cliente.example", "MARIA@cliente.example", "Maria@Cliente.Example", "maria@CLIENTE.example"]
    for n, email in enumerate(spellings):
        response = client.post("/senha/redefinir/", {"email": email}, REMOTE_ADDR=f"10.0.0.{n}", follow=True)
        assert response.redirect_chain == [("/senha/redefinir/enviado/", 302)]
        assert "Verifique seu e-mail" in response.content.decode()
    assert len(mail.outbox) == 3
    client.post("/senha/redefinir/", {"email": "joao@cliente.example"}, REMOTE_ADDR="10.0.0.9")
    UserFactory(email="joao@cliente.example")
    client.post("/senha/redefinir/", {"email": "joao@cliente.example"}, REMOTE_ADDR="10.0.0.9")
    assert [message.to for message in mail.outbox[3:]] == [["joao@cliente.example"]]


def test_password_reset_skips_inactive_accounts_and_accounts_without_a_usable_password(customer):
    from portal import services

    UserFactory(email="inativa@cliente.example", is_active=False)
    no_password = UserFactory(email="sem-senha@cliente.example")
    no_password.set_unusable_password()
    no_password.save()
    for email in ["inativa@cliente.example", "sem-senha@cliente.example", "ninguem@cliente.example"]:
        services.password_reset_send(email=email, language="pt-br")
    assert mail.outbox == []
    services.password_reset_send(email="Maria@Cliente.Example", language="en")
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["maria@cliente.example"], "Customer Area password reset")
    ]


def test_five_failed_customer_logins_show_the_lockout_page_in_the_visitors_language(client, customer):
    for _ in range(5):
        client.post("/entrar/", {"username": customer.email, "password": "errada"})
    response = client.post("/entrar/", {"username": customer.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert "Acesso bloqueado por alguns minutos" in response.content.decode()
    assert "_auth_user_id" not in client.session
