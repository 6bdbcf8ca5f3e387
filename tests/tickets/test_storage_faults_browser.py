"""Storage failing while a visitor opens a ticket, in a real Chromium: clear messages, nothing typed lost."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import ProductFactory, TicketFormFactory, TicketTypeFactory
from tickets.models import Ticket

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def datavalid_form():
    TicketTypeFactory(name="Incidente")
    TicketFormFactory(product=ProductFactory(name="Datavalid", slug="datavalid"), slug="datavalid", name="Datavalid")


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_whose_file_cannot_be_kept_keeps_everything_and_sends_once_storage_is_back(
    live_server, page: Page, datavalid_form, storage_fault, tmp_path, width
):
    page.set_viewport_size({"width": width, "height": 900})
    evidence = tmp_path / "evidencia.txt"
    evidence.write_text("log: HTTP 500 às 14:02\n")
    page.goto(live_server.url + "/tickets/novo/datavalid/")
    page.get_by_label("CPF").fill("529.982.247-25")
    page.get_by_label("Nome do Solicitante").fill("João Pereira")
    page.get_by_label("CNPJ").fill("12.ABC.345/01DE-35")
    page.get_by_role("button", name="Próximo").click()
    page.get_by_label("E-mail").fill("joao@empresa.example")
    page.get_by_role("button", name="Próximo").click()

    storage_fault.broken = True
    page.get_by_label("Tipo").select_option(label="Incidente")
    page.get_by_label("Assunto").fill("Erro 500 na consulta")
    page.get_by_label("Descrição").fill("Desde ontem todas as consultas retornam erro 500.")
    page.get_by_label("Anexos").set_input_files(evidence)
    page.get_by_role("button", name="Próximo").click()

    expect(page.get_by_text("Passo 3 de 4")).to_be_visible()
    expect(page.get_by_text("Não conseguimos guardar o arquivo agora").first).to_be_visible()
    expect(page.get_by_label("Assunto")).to_have_value("Erro 500 na consulta")
    expect(page.get_by_label("Descrição")).to_have_value("Desde ontem todas as consultas retornam erro 500.")
    assert_accessible(page)
    _shot(page, f"ticket-anexo-falhou-{width}px")

    storage_fault.broken = False
    page.get_by_label("Anexos").set_input_files(evidence)
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    expect(page.get_by_text("evidencia.txt")).to_be_visible()

    storage_fault.broken = True
    page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_text("a solicitação ainda não foi enviada")).to_be_visible()
    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    expect(page.get_by_text("Erro 500 na consulta")).to_be_visible()
    expect(page.get_by_text("evidencia.txt")).to_be_visible()
    assert not Ticket.objects.exists()
    assert_accessible(page)
    _shot(page, f"ticket-envio-falhou-{width}px")

    storage_fault.broken = False
    page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação registrada")
    ticket = Ticket.objects.get()
    assert ticket.title == "Erro 500 na consulta"
    assert [item.original_name for item in ticket.attachments.all()] == ["evidencia.txt"]
