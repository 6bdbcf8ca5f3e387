"""Opening a ticket in a real Chromium: signed in from Suporte, and anonymous from the Central de Ajuda."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import (
    DEFAULT_PASSWORD,
    ArticleFactory,
    ContractFactory,
    FaqCategoryFactory,
    FormFieldFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    TicketFormFactory,
    TicketTypeFactory,
    UserFactory,
)
from tickets.models import FormField, Ticket

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def setup():
    TicketTypeFactory(name="Incidente")
    TicketTypeFactory(name="Dúvida")
    financeiro = FaqCategoryFactory(slug="financeiro", name="Financeiro")
    ArticleFactory(category=financeiro, question="Como emitir a segunda via do boleto?", body="Em Financeiro.")
    product = ProductFactory(name="Datavalid", slug="datavalid")
    form = TicketFormFactory(product=product, slug="datavalid", name="Datavalid")
    FormFieldFactory(form=form, label="Ambiente", kind=FormField.Kind.CHOICE, required=True, choices="Produção\nTeste")
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    ContractFactory(organization=organization, product=product)
    return user


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def test_customer_opens_a_ticket_from_suporte(live_server, page: Page, setup, tmp_path):
    page.goto(live_server.url + "/entrar/?next=/suporte/")
    page.get_by_label("CPF ou e-mail").fill("maria@cliente.example")
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suporte")
    expect(page.get_by_role("heading", name="Produtos Contratados")).to_be_visible()
    assert_accessible(page)
    _shot(page, "suporte-desktop")

    page.get_by_role("link", name="Criar novo").click()
    page.get_by_role("button", name="Abrir novo ticket").click()  # neither chosen: an error, not a 500
    expect(page.get_by_text("Escolha um assunto principal ou um produto contratado.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Produto ou serviço contratado").select_option(label="Datavalid")
    page.get_by_role("button", name="Abrir novo ticket").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Registro de pedido de serviço")
    expect(page.get_by_text("Passo 1 de 4")).to_be_visible()
    expect(page.get_by_text("Maria da Silva", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Próximo").click()

    expect(page.get_by_text("Passo 2 de 4")).to_be_visible()
    expect(page.get_by_label("E-mail")).to_have_value("maria@cliente.example")
    page.get_by_label("Telefone").fill("61 9876")
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_text("Telefone inválido").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Telefone").fill("(61) 99876-5432")
    page.get_by_role("button", name="Próximo").click()

    expect(page.get_by_text("Passo 3 de 4")).to_be_visible()
    page.get_by_label("Tipo").select_option(label="Incidente")
    page.get_by_label("Assunto").fill("Erro 500 na consulta de biometria")
    page.get_by_label("Descrição").fill("Desde ontem às 14h todas as consultas retornam erro 500.")
    page.get_by_label("Ambiente").select_option("Produção")
    evidence = tmp_path / "evidencia.txt"
    evidence.write_text("log: HTTP 500 às 14:02\n")
    page.get_by_label("Anexos").set_input_files(evidence)
    assert_accessible(page)
    _shot(page, "ticket-passo-3-desktop")
    page.get_by_role("button", name="Próximo").click()

    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    expect(page.get_by_text("evidencia.txt")).to_be_visible()
    expect(page.get_by_text("(61) 99876-5432")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Enviar").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação registrada")
    ticket = Ticket.objects.get()
    expect(page.get_by_text(ticket.protocol)).to_be_visible()
    assert ticket.attachments.get().original_name == "evidencia.txt"
    assert ticket.created_by == setup
    assert_accessible(page)
    _shot(page, "ticket-confirmacao-desktop")


def test_anonymous_visitor_fixes_a_cpf_error_and_sends_from_the_help_center(live_server, page: Page, setup):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/ajuda/produtos/")
    page.get_by_role("navigation", name="Lista de produtos").get_by_role("link", name="Datavalid").click()
    page.get_by_role("link", name="Abrir ticket de suporte").click()

    expect(page.get_by_text("Passo 1 de 4")).to_be_visible()
    page.get_by_label("CPF").fill("111.111.111-11")
    page.get_by_label("Nome do Solicitante").fill("João Pereira")
    page.get_by_label("CNPJ").fill("12.ABC.345/01DE-35")
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_text("CPF inválido").first).to_be_visible()
    expect(page.get_by_label("Nome do Solicitante")).to_have_value("João Pereira")
    assert_accessible(page)
    _shot(page, "ticket-passo-1-erro-375px")
    page.get_by_label("CPF").fill("529.982.247-25")
    page.get_by_role("button", name="Próximo").click()

    page.get_by_label("E-mail").fill("joao@empresa.example")
    page.get_by_role("button", name="Próximo").click()
    page.get_by_label("Tipo").select_option(label="Dúvida")
    page.get_by_label("Assunto").fill("Segunda via do boleto")
    suggestions = page.get_by_role("complementary", name="Estas respostas podem ajudar")
    expect(suggestions.get_by_role("link", name="Como emitir a segunda via do boleto?")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Descrição").fill("Quero a segunda via do boleto de março.")
    page.get_by_label("Ambiente").select_option("Teste")
    page.get_by_role("button", name="Próximo").click()

    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    _shot(page, "ticket-revisao-375px")
    page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação registrada")
    assert Ticket.objects.get().created_by is None
    assert_accessible(page)
