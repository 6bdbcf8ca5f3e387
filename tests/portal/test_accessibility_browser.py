"""What axe does not catch, measured in Chromium: focus rings and borders, language of parts, focus
after a failed step, the eMAG access keys, Escape on the folded menu, high contrast, and a ticket
opened with the keyboard only. Each test measures, so a later stylesheet cannot bring a problem back."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from helpcenter.models import FaqCategory
from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow, log_in
from tests.contrast import border, focus_ring, low_contrast_text
from tests.factories import (
    DEFAULT_PASSWORD,
    ArticleFactory,
    ContractFactory,
    DocumentationPageFactory,
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
WIZARD = "/tickets/novo/datavalid/"


@pytest.fixture
def world():
    TicketTypeFactory(name="Incidente")
    financeiro = FaqCategoryFactory(
        slug="financeiro", name="Financeiro", description="Boletos, notas fiscais e pagamentos."
    )
    ArticleFactory(
        category=financeiro,
        slug="segunda-via",
        question="Como emitir a segunda via do boleto?",
        body="Em **Financeiro**, escolha a fatura e clique em *Segunda via*.",
    )
    ArticleFactory(category=financeiro, slug="nota-fiscal", question="Onde encontro a nota fiscal?")
    product = ProductFactory(name="Datavalid", slug="datavalid", short_description="Validação de dados cadastrais.")
    DocumentationPageFactory(product=product, title="Primeiros passos", body="Peça a sua chave de acesso ao gestor.")
    form = TicketFormFactory(product=product, slug="datavalid", name="Suporte ao Datavalid")
    FormFieldFactory(form=form, label="Ambiente", kind=FormField.Kind.CHOICE, required=True, choices="Produção\nTeste")
    FormFieldFactory(form=form, label="Afeta a produção?", kind=FormField.Kind.YES_NO, required=True)
    FormFieldFactory(form=form, label="Desde quando", kind=FormField.Kind.DATE)
    FormFieldFactory(form=form, label="Canais afetados", kind=FormField.Kind.MULTIPLE_CHOICE, choices="API\nPortal")
    FormFieldFactory(form=form, label="Detalhes técnicos", kind=FormField.Kind.LONG_TEXT)
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    return user


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def _to_step_3(page: Page, base_url: str) -> None:
    """As a visitor, through steps 1 and 2 of the ticket form (in any language: fields by name)."""
    page.goto(base_url + WIZARD)
    page.locator("input[name$='cpf']").fill("529.982.247-25")
    page.locator("input[name$='name']").fill("João Pereira")
    page.locator("input[name$='cnpj']").fill("12.ABC.345/01DE-35")
    page.locator(".wizard__buttons button[value='next']").click()
    page.locator("input[name$='email']").fill("joao@empresa.example")
    page.locator(".wizard__buttons button[value='next']").click()
    expect(page.locator("textarea[name$='description']")).to_be_visible()


# 1 and 2. Focus rings and borders ----------------------------------------------------------------


def test_every_kind_of_control_has_a_focus_ring_and_a_border_of_3_to_1(live_server, page: Page, world):
    page.set_viewport_size({"width": 1366, "height": 900})
    _to_step_3(page, live_server.url)
    controls = {
        "select": page.get_by_label("Tipo"),
        "text": page.get_by_label("Assunto"),
        "textarea": page.get_by_label("Descrição"),
        "date": page.get_by_label("Desde quando"),
        "file": page.get_by_label("Anexos"),
        "radio Sim": page.get_by_role("radio", name="Sim"),
        "radio Não": page.get_by_role("radio", name="Não"),
        "checkbox": page.get_by_role("checkbox", name="API"),
    }
    for name, control in controls.items():
        ring = focus_ring(control)
        assert ring.width >= 2, (name, ring)
        assert ring.ratio >= 3, (name, ring)
        edge = border(control)
        assert edge.ratio >= 3, (name, edge)
        assert border(control, inside=True).ratio >= 3, name

    for name in ("Próximo", "Voltar"):
        ring = focus_ring(page.get_by_role("button", name=name))
        assert ring.width >= 2, (name, ring)
        assert ring.ratio >= 3, (name, ring)
    assert border(page.get_by_role("button", name="Voltar")).ratio >= 3
    ring = focus_ring(page.get_by_role("link", name="Limpar"))
    assert ring.width >= 2, ring
    assert ring.ratio >= 3, ring

    language = page.locator(".menu > summary").first
    assert border(language).ratio >= 3
    ring = focus_ring(language)
    assert ring.width >= 2, ring
    assert ring.ratio >= 3, ring
    language.click()
    assert border(page.locator(".menu__panel").first).ratio >= 3

    # On the dark bars the ring turns yellow: still 3:1 there.
    page.goto(live_server.url + "/ajuda/")
    for control in (
        page.get_by_role("searchbox"),
        page.get_by_role("button", name="Buscar"),
        page.locator("#rodape a").first,
    ):
        ring = focus_ring(control)
        assert ring.width >= 2, ring
        assert ring.ratio >= 3, ring


def test_the_form_buttons_are_drawn_in_their_tab_order(live_server, page: Page, world):
    for width in (1366, 375):
        page.context.clear_cookies()  # a fresh form each time
        page.set_viewport_size({"width": width, "height": 900})
        _to_step_3(page, live_server.url)
        boxes = page.locator(".wizard__buttons > *").evaluate_all(
            "(items) => items.map((item) => {"
            " const box = item.getBoundingClientRect();"
            " return [Math.round(box.top), box.left, item.textContent.trim()]; })"
        )
        assert [text for _, _, text in boxes] == ["Próximo", "Voltar", "Limpar"]
        assert boxes == sorted(boxes), boxes  # top to bottom, then left to right: the DOM's order


# 3. Language of parts ---------------------------------------------------------------------------


def _lang_of(locator) -> str:
    return locator.evaluate("(element) => element.closest('[lang]').getAttribute('lang')")


@pytest.mark.parametrize("language", ["en", "es"])
def test_portuguese_content_is_marked_on_english_and_spanish_pages(live_server, page: Page, world, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])

    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    assert page.locator("html").get_attribute("lang") == language
    assert _lang_of(page.get_by_role("heading", level=1)) == "pt-BR"
    assert _lang_of(page.get_by_text("Como emitir a segunda via do boleto?").first) == "pt-BR"
    assert _lang_of(page.locator("main .lead")) == "pt-BR"  # the category's description
    assert _lang_of(page.get_by_role("navigation").get_by_role("link", name="Financeiro")) == "pt-BR"
    assert _lang_of(page.locator("footer")) == language  # the portal's own words stay in the page's language
    assert_accessible(page)

    page.goto(live_server.url + "/ajuda/duvidas/financeiro/segunda-via/")
    assert _lang_of(page.get_by_role("heading", level=1)) == "pt-BR"
    assert _lang_of(page.get_by_text("escolha a fatura")) == "pt-BR"

    page.goto(live_server.url + "/ajuda/produtos/datavalid/")
    assert _lang_of(page.get_by_role("heading", level=1)) == "pt-BR"
    assert _lang_of(page.get_by_text("Peça a sua chave de acesso ao gestor.")) == "pt-BR"
    assert _lang_of(page.get_by_role("heading", name="Primeiros passos")) == "pt-BR"

    page.goto(live_server.url + "/ajuda/busca/?q=boleto")
    hit = page.locator(".search-hit").first
    assert _lang_of(hit.get_by_role("link")) == "pt-BR"
    assert _lang_of(hit.locator(".search-hit__snippet")) == "pt-BR"

    _to_step_3(page, live_server.url)
    assert _lang_of(page.locator("label", has_text="Ambiente").locator("span[lang]")) == "pt-BR"
    assert _lang_of(page.locator(".wizard__about")) == "pt-BR"
    assert_accessible(page)


def test_portuguese_pages_do_not_repeat_the_language(live_server, page: Page, world):
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Financeiro")
    assert page.locator("html").get_attribute("lang") == "pt-br"
    assert page.locator("main [lang]").count() == 0


# 4. Focus and title after a failed step ---------------------------------------------------------


def test_after_a_failed_step_the_focus_is_on_the_error_summary(live_server, page: Page, world):
    page.goto(live_server.url + WIZARD)
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_role("alert")).to_contain_text("Corrija os campos indicados")
    assert page.title().startswith("Erro: ")
    assert page.evaluate("document.activeElement.id") == "erros"
    assert_accessible(page)

    page.goto(live_server.url + "/entrar/")
    assert page.evaluate("document.activeElement === document.body")  # no autofocus on arrival
    assert not page.title().startswith("Erro")
    page.get_by_label("CPF ou e-mail").fill("ninguem@exemplo.example")
    page.get_by_label("Senha").fill("errada-123456")
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("incorretos")
    assert page.title().startswith("Erro: ")
    assert page.evaluate("document.activeElement.id") == "erros"
    assert_accessible(page)

    page.goto(live_server.url + "/tickets/consultar/")
    page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.title().startswith("Erro: ")
    assert page.evaluate("document.activeElement.id") == "erros"


def test_without_javascript_the_title_announces_the_error(live_server, browser: Browser, world):
    context = browser.new_context(java_script_enabled=False, locale="pt-BR")
    page = context.new_page()
    page.goto(live_server.url + WIZARD)
    assert not page.title().startswith("Erro")
    page.get_by_role("button", name="Próximo").click()
    expect(page.get_by_role("alert")).to_contain_text("Corrija os campos indicados")
    assert page.title().startswith("Erro: ")

    page.goto(live_server.url + "/entrar/")
    page.get_by_role("button", name="Entrar", exact=True).click()
    assert page.title().startswith("Erro: ")
    page.goto(live_server.url + "/senha/redefinir/")
    page.get_by_role("button", name="Enviar link").click()
    assert page.title().startswith("Erro: ")
    context.close()


# 5. Access keys, Escape, FAQ links without JavaScript --------------------------------------------


def test_emag_access_keys_reach_content_menu_search_and_footer(live_server, page: Page, world):
    page.goto(live_server.url + "/ajuda/")
    bar = page.get_by_role("navigation", name="Atalhos de teclado")
    for name in ("Ir para o conteúdo 1", "Ir para o menu 2", "Ir para a busca 3", "Ir para o rodapé 4"):
        expect(bar.get_by_role("link", name=name)).to_be_visible()
    for key, target in (("1", "conteudo"), ("2", "menu-ajuda"), ("3", "busca-topo"), ("4", "rodape")):
        page.keyboard.press(f"Alt+{key}")
        assert page.evaluate("document.activeElement.id") == target, key

    # The first Tab reaches the shortcuts; following "Ir para o conteúdo" lands in <main>.
    page.goto(live_server.url + "/ajuda/")
    page.keyboard.press("Tab")
    expect(bar.get_by_role("link", name="Ir para o conteúdo 1")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#conteudo")).to_be_focused()

    log_in(page, live_server.url, "maria@cliente.example")
    page.keyboard.press("Alt+2")
    assert page.evaluate("document.activeElement.id") == "menu"  # the sidebar
    page.keyboard.press("Alt+3")
    expect(page).to_have_url(live_server.url + "/ajuda/busca/#id_q")
    expect(page.get_by_role("searchbox")).to_be_focused()


def test_access_keys_work_without_javascript(live_server, browser: Browser, world):
    context = browser.new_context(java_script_enabled=False, locale="pt-BR")
    page = context.new_page()
    page.goto(live_server.url + "/ajuda/")
    for key, target in (("1", "conteudo"), ("4", "rodape"), ("3", "busca-topo")):
        assert page.locator(f"[accesskey='{key}']").get_attribute("href") == f"#{target}"
    # Browsers map accesskey to their own chord (Alt, Alt+Shift, Ctrl+Option); the link itself works.
    page.locator("[accesskey='4']").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/ajuda/#rodape")
    context.close()


def test_escape_closes_the_folded_menu_and_returns_to_its_button(live_server, page: Page, world):
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, live_server.url, "maria@cliente.example")
    toggle = page.get_by_role("button", name="Menu")
    links = page.locator("#sidebar-itens")
    expect(links).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(links).to_be_visible()
    page.keyboard.press("Tab")
    expect(links.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(links).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_a_question_link_shows_its_answer_without_javascript(live_server, browser: Browser, world):
    context = browser.new_context(java_script_enabled=False, locale="pt-BR")
    page = context.new_page()
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    expect(page.get_by_text("escolha a fatura")).to_be_hidden()  # folded on the category page
    page.locator("summary", has_text="Como emitir a segunda via do boleto?").click()
    page.get_by_role("link", name="Link para esta pergunta").first.click()
    expect(page).to_have_url(live_server.url + "/ajuda/duvidas/financeiro/segunda-via/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Como emitir a segunda via do boleto?")
    expect(page.get_by_text("escolha a fatura")).to_be_visible()
    context.close()


# High contrast --------------------------------------------------------------------------------


HIGH_CONTRAST = re.compile(r"\balto-contraste\b")
HIGH_CONTRAST_PAGES = [
    "/ajuda/",
    "/ajuda/duvidas/financeiro/",
    "/ajuda/duvidas/financeiro/segunda-via/",
    "/acessibilidade/",
]


def test_high_contrast_without_javascript_reaches_7_to_1_and_passes_axe(live_server, browser: Browser, world):
    context = browser.new_context(java_script_enabled=False, locale="pt-BR")
    page = context.new_page()
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    switch = page.get_by_role("button", name="Alto contraste")
    expect(switch).to_have_attribute("aria-pressed", "false")
    switch.click()
    expect(page).to_have_url(live_server.url + "/ajuda/duvidas/financeiro/")  # back where it was
    expect(page.locator("html")).to_have_class(HIGH_CONTRAST)
    expect(page.get_by_role("button", name="Alto contraste")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_high_contrast_text_and_controls_are_at_least_7_to_1(live_server, page: Page, world):
    page.goto(live_server.url + "/ajuda/")
    page.get_by_role("button", name="Alto contraste").click()
    expect(page.locator("html")).to_have_class(HIGH_CONTRAST)
    for path in HIGH_CONTRAST_PAGES:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert low_contrast_text(page, 7) == [], path
        assert_accessible(page)

    page.goto(live_server.url + WIZARD)
    page.get_by_role("button", name="Próximo").click()  # an error state, in high contrast
    expect(page.get_by_role("alert")).to_be_visible()
    assert low_contrast_text(page, 7) == []
    assert_accessible(page)
    _to_step_3(page, live_server.url)
    assert low_contrast_text(page, 7) == []
    assert_accessible(page)
    for control in (page.get_by_label("Assunto"), page.get_by_label("Tipo"), page.get_by_role("radio", name="Sim")):
        assert border(control).ratio >= 7
        ring = focus_ring(control)
        assert ring.width >= 2, ring
        assert ring.ratio >= 7, ring
    ring = focus_ring(page.get_by_role("button", name="Próximo"))
    assert ring.ratio >= 7, ring

    log_in(page, live_server.url, "maria@cliente.example")
    assert low_contrast_text(page, 7) == []
    assert_accessible(page)

    page.get_by_role("button", name="Alto contraste").click()  # and off again
    expect(page.locator("html")).not_to_have_class(HIGH_CONTRAST)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(0, 0, 0)"


def test_the_system_preference_for_more_contrast_is_followed(live_server, page: Page, world):
    page.emulate_media(contrast="more")
    page.goto(live_server.url + "/ajuda/")
    expect(page.locator("html")).not_to_have_class(HIGH_CONTRAST)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert low_contrast_text(page, 7) == []
    assert_accessible(page)
    page.emulate_media(contrast="no-preference")
    page.reload()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(0, 0, 0)"


# A journey with the keyboard only ----------------------------------------------------------------


def _tab_to(page: Page, name: str, *, limit: int = 60) -> int:
    """Press Tab until the focused element is named ``name`` (its label, or its own text); the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " const label = e.labels && e.labels.length ? e.labels[0].innerText : e.innerText || '';"
            " return label.replace('*', '').trim(); }"
        )
        if focused == name:
            return presses
    raise AssertionError(f"Tab never reached {name!r}")


def _fill_step_3_with_the_keyboard(page: Page) -> None:
    """Passo 3 of the Datavalid form: type, subject, description, the form's own questions; Próximo."""
    expect(page.get_by_text("Passo 3 de 4")).to_be_visible()
    _tab_to(page, "Tipo")
    page.keyboard.press("ArrowDown")
    _tab_to(page, "Assunto")
    page.keyboard.type("Consulta lenta")
    _tab_to(page, "Descrição")
    page.keyboard.type("As consultas levam 30 segundos desde ontem.")
    _tab_to(page, "Ambiente")
    page.keyboard.press("ArrowDown")
    _tab_to(page, "Sim")
    page.keyboard.press("Space")
    _tab_to(page, "Próximo")
    page.keyboard.press("Enter")


def test_a_customer_signs_in_and_opens_a_ticket_from_suporte_with_the_keyboard_only(live_server, page: Page, world):
    """Log in, Suporte, Criar novo, a product, the four steps, send: key presses only, Tabs counted.

    The counts are pinned: a new link in the header or the sidebar that lengthens the way to the
    main action must be a decision, not an accident.
    """
    organization = world.memberships.get().organization
    ContractFactory(organization=organization, product=ProductFactory(slug="datavalid"))
    # The same page for every run: Suporte links each FAQ category, and the categories a data
    # migration made are there or not depending on whether an earlier test flushed the database.
    FaqCategory.objects.exclude(slug="financeiro").delete()
    presses = {}
    page.goto(live_server.url + "/entrar/")
    presses["login"] = _tab_to(page, "CPF ou e-mail")
    page.keyboard.type("maria@cliente.example")
    _tab_to(page, "Senha")
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Olá")

    presses["suporte"] = _tab_to(page, "Suporte")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Suporte")
    presses["criar"] = _tab_to(page, "Criar novo")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Criar novo ticket")
    presses["produto"] = _tab_to(page, "Produto ou serviço contratado")
    page.keyboard.press("ArrowDown")
    _tab_to(page, "Abrir novo ticket")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Passo 1 de 4")).to_be_visible()
    presses["passo1"] = _tab_to(page, "Próximo")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Passo 2 de 4")).to_be_visible()
    presses["passo2"] = _tab_to(page, "Próximo")
    page.keyboard.press("Enter")

    _fill_step_3_with_the_keyboard(page)

    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    presses["enviar"] = _tab_to(page, "Enviar")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação registrada")
    ticket = Ticket.objects.get()
    assert (ticket.title, ticket.created_by, ticket.product.slug) == ("Consulta lenta", world, "datavalid")
    assert presses == PINNED_TAB_PRESSES, presses


#: Tab presses from the top of each page to its main action, for the journey above.
#: The skip bar (4), the header (accessibility, contrast, language, account) and, once signed in,
#: the sidebar come first on every page; "Ir para o conteúdo" (Alt+1) skips them all.
PINNED_TAB_PRESSES = {
    "login": 9,
    "suporte": 18,
    "criar": 20,
    "produto": 20,
    "passo1": 22,
    "passo2": 24,
    "enviar": 24,
}


def test_a_visitor_opens_a_ticket_with_the_keyboard_only(live_server, page: Page, world):
    page.goto(live_server.url + WIZARD)
    _tab_to(page, "CPF")
    page.keyboard.type("529.982.247-25")
    _tab_to(page, "Nome do Solicitante")
    page.keyboard.type("João Pereira")
    _tab_to(page, "CNPJ")
    page.keyboard.type("12.ABC.345/01DE-35")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Passo 2 de 4")).to_be_visible()
    _tab_to(page, "E-mail")
    page.keyboard.type("joao@empresa.example")
    page.keyboard.press("Enter")

    _fill_step_3_with_the_keyboard(page)

    expect(page.get_by_text("Passo 4 de 4")).to_be_visible()
    _tab_to(page, "Enviar")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação registrada")
    ticket = Ticket.objects.get()
    assert ticket.title == "Consulta lenta"
    assert ticket.type.name == "Incidente"


# Screenshots: looked at by people ---------------------------------------------------------------


def test_screenshots_normal_and_high_contrast(live_server, page: Page, world):
    public = {
        "ajuda": "/ajuda/",
        "pergunta": "/ajuda/duvidas/financeiro/segunda-via/",
        "acessibilidade": "/acessibilidade/",
    }
    for contrast in ("normal", "alto"):
        page.context.clear_cookies()
        if contrast == "alto":
            page.context.add_cookies([{"name": "alto_contraste", "value": "1", "url": live_server.url}])
        for width in (1366, 375):
            page.set_viewport_size({"width": width, "height": 900})
            for name, path in public.items():
                page.goto(live_server.url + path)
                assert horizontal_overflow(page) <= 0, (name, width)
                _shot(page, f"a11y-{name}-{width}-{contrast}")
            page.goto(live_server.url + WIZARD)
            page.get_by_label("CPF").fill("111.111.111-11")
            page.get_by_role("button", name="Próximo").click()
            expect(page.get_by_role("alert")).to_be_visible()
            assert horizontal_overflow(page) <= 0
            _shot(page, f"a11y-formulario-erro-{width}-{contrast}")
        log_in(page, live_server.url, "maria@cliente.example")
        for width in (1366, 375):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(live_server.url + "/")
            assert horizontal_overflow(page) <= 0
            _shot(page, f"a11y-home-{width}-{contrast}")
