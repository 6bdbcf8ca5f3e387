import re

import pytest
from django.core import mail

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
    assert response.content.decode().count("Este campo é obrigatório") == 2


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


def test_password_reset_emails_a_link_that_sets_a_new_password(client, customer):
    response = client.post("/senha/redefinir/", {"email": "MARIA@cliente.example"})
    assert response["Location"] == "/senha/redefinir/enviado/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@cliente.example"]
    assert message.subject == "Redefinição de senha da Área do Cliente"
    assert message.alternatives[0].mimetype == "text/html"

    link = re.search(r"http://testserver(/senha/redefinir/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "um-novo-segredo-2026", "new_password2": "um-novo-segredo-2026"})
    assert response["Location"] == "/senha/redefinir/concluido/"
    customer.refresh_from_db()
    assert customer.check_password("um-novo-segredo-2026")


def test_password_reset_answers_the_same_for_an_unknown_email(client):
    response = client.post("/senha/redefinir/", {"email": "ninguem@cliente.example"})
    assert response["Location"] == "/senha/redefinir/enviado/"
    assert mail.outbox == []


def test_password_reset_rejects_a_weak_new_password_and_explains_why(client, customer):
    client.post("/senha/redefinir/", {"email": customer.email})
    link = re.search(r"http://testserver(/senha/redefinir/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
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


def test_five_failed_customer_logins_show_the_lockout_page_in_the_visitors_language(client, customer):
    for _ in range(5):
        client.post("/entrar/", {"username": customer.email, "password": "errada"})
    response = client.post("/entrar/", {"username": customer.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert "Acesso bloqueado por alguns minutos" in response.content.decode()
    assert "_auth_user_id" not in client.session
