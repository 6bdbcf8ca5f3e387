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
