"""Every page at 320 px wide (WCAG 1.4.10, reflow) in a real Chromium: nothing scrolls sideways,
each page passes axe, and every Bootstrap class a page uses is in our Bootstrap build
(assets/scss/portal-bootstrap.scss compiles only the parts the templates use)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import (
    DEFAULT_PASSWORD,
    ArticleFactory,
    ContractFactory,
    DocumentationPageFactory,
    FaqCategoryFactory,
    FormFieldFactory,
    MembershipFactory,
    MessageFactory,
    OrganizationFactory,
    ProductFactory,
    TicketFactory,
    TicketFormFactory,
    TicketTypeFactory,
    UserFactory,
)
from tickets.models import FormField, Message, Ticket

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NARROW = {"width": 320, "height": 720}
# What staff and customers really paste: a token, a URL, a word with no place to break.
LONG_WORD = "Pneumoultramicroscopicossilicovulcanoconiótico" * 2
LONG_URL = "https://gateway.exemplo.gov.br/consulta-cpf/v1/cpf/00000000191?campos=nome,situacao,nascimento"
CODE_BLOCK = (
    "```\n"
    'curl -H "Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb25zdW1lci1rZXkifQ" '
    f"{LONG_URL}\n"
    "```"
)


@pytest.fixture
def customer():
    """A customer of a company with a contracted product, its documentation, answers and tickets."""
    TicketTypeFactory(name="Incidente")
    financeiro = FaqCategoryFactory(slug="financeiro", name="Financeiro", description="Boletos e notas fiscais.")
    ArticleFactory(
        category=financeiro,
        question="Como emitir a segunda via do boleto?",
        body=f"Abra **Financeiro** e use `{LONG_URL}` para baixar o boleto. Código: {LONG_WORD}.",
        featured=True,
    )
    product = ProductFactory(name="Datavalid", slug="datavalid", short_description="Validação de dados cadastrais.")
    DocumentationPageFactory(
        product=product,
        title="Primeira consulta",
        slug="primeira-consulta",
        body=f"Envie o CPF apenas com números:\n\n{CODE_BLOCK}\n\nA resposta traz `{LONG_URL}` e {LONG_WORD}.",
    )
    form = TicketFormFactory(product=product, slug="datavalid", name="Datavalid")
    # Staff-defined fields of every kind, so that every crispy-forms widget is on the pages.
    FormFieldFactory(form=form, label="O problema impede o uso do produto?", kind=FormField.Kind.YES_NO, required=True)
    FormFieldFactory(form=form, label="Ambiente", kind=FormField.Kind.CHOICE, choices="Produção\nTeste")
    FormFieldFactory(form=form, label="Canais afetados", kind=FormField.Kind.MULTIPLE_CHOICE, choices="API\nPortal")
    FormFieldFactory(form=form, label="Data da ocorrência", kind=FormField.Kind.DATE)
    FormFieldFactory(form=form, label="Consultas por dia", kind=FormField.Kind.NUMBER)
    FormFieldFactory(form=form, label="Mensagem de erro", kind=FormField.Kind.LONG_TEXT)
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    ContractFactory(organization=organization, product=product)
    # Last year's, so the protocol counter of this year stays free for the ticket the form sends.
    ticket = TicketFactory(
        year=2025,
        form=form,
        created_by=user,
        requester_cpf=user.cpf,
        requester_name=user.name,
        email=user.email,
        cnpj=organization.cnpj,
        title=f"Erro {LONG_WORD}",
        description=f"Ao consultar {LONG_URL} recebo {LONG_WORD}.",
    )
    MessageFactory(ticket=ticket, body=f"Tente de novo com o token {LONG_WORD}{LONG_WORD}.")
    MessageFactory(ticket=ticket, kind=Message.Kind.CUSTOMER, author_name=user.name, body=f"Ainda falha: {LONG_URL}")
    TicketFactory.create_batch(3, year=2025, form=form, created_by=user, requester_cpf=user.cpf, cnpj=organization.cnpj)
    return user


CLASSES_ON_PAGE = "[...new Set([...document.querySelectorAll('[class]')].flatMap((e) => [...e.classList]))]"


class Pages:
    """Visits pages at the current width and remembers every class name they use."""

    def __init__(self, page: Page):
        self.page = page
        self.classes: set[str] = set()

    def check(self) -> None:
        """The current page, with every answer opened: no sideways scroll, no axe violation."""
        self.page.evaluate("document.querySelectorAll('details.faq').forEach((d) => { d.open = true; })")
        overflow = self.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{self.page.url}: {overflow}px of horizontal scroll at {self.page.viewport_size}"
        assert_accessible(self.page)
        self.classes.update(self.page.evaluate(CLASSES_ON_PAGE))

    def assert_bootstrap_classes_are_built(self) -> None:
        """A Bootstrap class used on a page but left out of our build would look unstyled."""
        bootstrap = _classes(Path(settings.BASE_DIR, "node_modules/bootstrap/dist/css/bootstrap.css"))
        ours = _classes(Path(finders.find("vendor/bootstrap/portal-bootstrap.min.css")))
        ours |= _classes(Path(finders.find("css/portal.css")))
        assert {"btn", "form-control", "visually-hidden"} <= self.classes  # the pages did use Bootstrap
        missing = (self.classes & bootstrap) - ours
        assert not missing, f"add these to assets/scss/portal-bootstrap.scss: {sorted(missing)}"


def _classes(css_file: Path) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css_file.read_text()))


def _log_in(page: Page, base_url: str) -> None:
    page.goto(base_url + "/entrar/")
    page.get_by_label("CPF ou e-mail").fill("maria@cliente.example")
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Olá, Maria")


def test_public_pages_reflow_at_320px(live_server, page: Page, customer):
    page.set_viewport_size(NARROW)
    pages = Pages(page)
    page.goto(live_server.url + "/ajuda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Central de Ajuda")
    pages.check()
    for path, heading in [
        ("/ajuda/produtos/", "Produtos"),
        ("/ajuda/produtos/datavalid/", "Datavalid"),
        ("/ajuda/duvidas/", "Dúvidas"),
        ("/ajuda/duvidas/financeiro/", "Financeiro"),
        ("/ajuda/busca/?q=boleto", "Buscar na Central de Ajuda"),
        ("/tickets/consultar/", "Consulta de Solicitação de Serviço"),
        ("/entrar/", "Entrar na Área do Cliente"),
        ("/senha/redefinir/", None),
    ]:
        page.goto(live_server.url + path)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        pages.check()
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    page.locator("summary", has_text="Como emitir a segunda via do boleto?").click()
    expect(page.get_by_text(LONG_WORD)).to_be_visible()  # what the check above measured with the answers open

    # The ticket form, each of its steps, as a visitor.
    page.goto(live_server.url + "/tickets/novo/datavalid/")
    expect(page.get_by_text("Passo 1 de 4")).to_be_visible()
    pages.check()
    page.get_by_role("button", name="Próximo").click()  # nothing typed: the errors
    expect(page.get_by_role("alert")).to_be_visible()
    pages.check()
    page.get_by_label("CPF").fill("529.982.247-25")
    page.get_by_label("Nome do Solicitante").fill(f"João {LONG_WORD}")
    page.get_by_label("CNPJ").fill("12.ABC.345/01DE-35")
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_text("Passo 2 de 4")).to_be_visible()
    pages.check()
    page.get_by_label("E-mail").fill("joao.com.um.endereco.muito.comprido@empresa-de-nome-longo.example")
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_text("Passo 3 de 4")).to_be_visible()
    pages.check()
    page.get_by_label("Tipo").select_option(label="Incidente")
    page.get_by_label("Assunto").fill(f"Erro {LONG_WORD}")
    page.get_by_label("Descrição").fill(f"A consulta a {LONG_URL} devolve {LONG_WORD}.")
    page.get_by_role("group", name="O problema impede o uso do produto?").get_by_label("Não").check()
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    expect(page.get_by_text(f"Erro {LONG_WORD}")).to_be_visible()
    pages.check()
    page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação registrada")
    pages.check()

    pages.assert_bootstrap_classes_are_built()


def test_signed_in_pages_reflow_at_320px(live_server, page: Page, customer):
    page.set_viewport_size(NARROW)
    pages = Pages(page)
    _log_in(page, live_server.url)
    pages.check()
    for path, heading in [
        ("/suporte/", "Suporte"),
        ("/suporte/novo/", None),
        ("/senha/alterar/", None),
    ]:
        page.goto(live_server.url + path)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        pages.check()

    # The ticket page, with long unbroken words in the title, the description and the messages.
    page.goto(live_server.url + Ticket.objects.get(title=f"Erro {LONG_WORD}").get_absolute_url())
    expect(page.get_by_text(f"Tente de novo com o token {LONG_WORD}{LONG_WORD}.")).to_be_visible()
    pages.check()

    # Consultation results of a signed-in customer: the ticket table, as cards on a phone.
    page.goto(live_server.url + "/tickets/consultar/")
    page.get_by_role("textbox", name="CPF").fill("529.982.247-25")
    page.get_by_role("button", name="Enviar", exact=True).click()
    expect(page.get_by_role("region", name="Resultado da consulta").get_by_text(f"Erro {LONG_WORD}")).to_be_visible()
    pages.check()

    pages.assert_bootstrap_classes_are_built()


@pytest.mark.parametrize("width", [320, 375, 1366])
def test_recent_tickets_are_cards_on_phones_and_a_table_on_wide_screens(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page, live_server.url)
    page.goto(live_server.url + "/suporte/")
    table = page.get_by_role("table", name="Seus tickets mais recentes")
    cards = page.locator(".recent-ticket-list")
    if width < 768:
        expect(table).to_be_hidden()
        expect(cards.get_by_role("listitem")).to_have_count(4)
        card = cards.get_by_role("listitem").filter(has_text=LONG_WORD)
        for label in ["Protocolo", "Assunto", "Produto ou assunto", "Situação", "Aberto em"]:
            expect(card.get_by_role("term").filter(has_text=re.compile(f"^{label}$"))).to_be_visible()
        expect(card.get_by_role("definition").filter(has_text="Datavalid")).to_be_visible()
        # Each card is as wide as the box: no column squeezed to a letter per line.
        box = page.locator(".recent-tickets-box").bounding_box()
        assert card.bounding_box()["width"] == pytest.approx(box["width"], abs=1)
    else:
        expect(table).to_be_visible()
        expect(table.get_by_role("row")).to_have_count(5)
        expect(cards).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"reflow-suporte-{width}px.png", full_page=True)


@pytest.mark.parametrize("width", [320, 375, 1366])
def test_a_long_code_block_scrolls_inside_its_box_and_with_the_keyboard(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/ajuda/produtos/datavalid/")
    code = page.locator(".rich-text pre")
    expect(code).to_contain_text(LONG_URL)
    expect(code).to_have_attribute("tabindex", "0")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert code.evaluate("(pre) => pre.scrollWidth > pre.clientWidth")  # the line is longer than the box

    page.get_by_role("navigation", name="Nesta documentação").get_by_role("link", name="Suporte").focus()
    page.keyboard.press("Tab")
    expect(code).to_be_focused()  # the next stop after the table of contents
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(pre) => pre.scrollLeft > 0", arg=code.element_handle())  # scrolling may be smooth
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"reflow-documentacao-{width}px.png", full_page=True)
