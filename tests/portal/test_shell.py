import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from portal.navigation import SIDEBAR
from tests.factories import (
    ArticleFactory,
    ContractFactory,
    DocumentationPageFactory,
    FaqCategoryFactory,
    MembershipFactory,
    OrganizationFactory,
    TicketFactory,
    TicketFormFactory,
    TicketTypeFactory,
    UserFactory,
)
from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step, request_data

pytestmark = pytest.mark.django_db

SIDEBAR_LABELS = [
    "Chaves de Acesso",
    "Compartilha RFB",
    "Solicitação Certificado Digital",
    "Ateste de Serviços",
    "Consultar Consumo",
    "Financeiro",
    "Meus Contratos",
    "Contatos",
    "Suporte",
]


def _sidebar_links(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<a class="sidebar__link" href="([^"]+)"( aria-current="page")?>([^<]+)</a>', html)


def test_home_shows_the_nine_sidebar_items_in_the_seed_order(client):
    client.force_login(UserFactory())
    links = _sidebar_links(client.get("/").content.decode())
    assert [label for _, _, label in links] == SIDEBAR_LABELS
    assert [href for href, _, _ in links] == [item.path for item in SIDEBAR]


@pytest.mark.parametrize(
    ("path", "label"),
    [("/suporte/", "Suporte"), ("/contratos/", "Meus Contratos"), ("/chaves/novo/", "Chaves de Acesso")],
)
def test_sidebar_marks_the_item_of_the_current_page(path, label):
    request = RequestFactory().get(path)
    request.user = UserFactory.build()
    html = render_to_string("portal/area.html", request=request)
    current = [link_label for _, marked, link_label in _sidebar_links(html) if marked]
    assert current == [label]


def test_home_marks_no_sidebar_item(client):
    client.force_login(UserFactory())
    assert 'aria-current="page"' not in client.get("/").content.decode()


BUILT = {
    "/suporte/",
    "/contratos/",
    "/consumo/",
    "/financeiro/",
    "/ateste/",
    "/contatos/",
    "/compartilha-rfb/",
    "/certificado-digital/",
    "/chaves/",
}


@pytest.mark.parametrize("path", [item.path for item in SIDEBAR if item.path not in BUILT])
def test_sidebar_pages_not_yet_built_answer_404_not_a_placeholder(client, path):
    client.force_login(UserFactory())
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", sorted(BUILT))
def test_built_sidebar_pages_answer(client, path):
    client.force_login(UserFactory())
    assert client.get(path).status_code == 200


def test_home_welcomes_the_user_and_lists_their_companies_with_active_contracts(client):
    user = UserFactory(name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    ContractFactory.create_batch(2, organization=organization)
    ContractFactory(organization=organization, status="encerrado")
    MembershipFactory(organization=OrganizationFactory(legal_name="Empresa de outra pessoa"))
    client.force_login(user)

    html = client.get("/").content.decode()

    assert "Olá, Maria" in html
    assert "Nova Rota Tecnologia Ltda." in html
    assert "12.ABC.345/01DE-35" in html
    assert "Gestor" in html
    assert "<dd>2</dd>" in html
    assert "Empresa de outra pessoa" not in html


def test_home_without_companies_explains_what_to_do(client):
    client.force_login(UserFactory())
    assert "ainda não está vinculada a nenhuma empresa" in client.get("/").content.decode()


@pytest.mark.parametrize("companies", [1, 10])
def test_home_query_count_stays_flat_as_companies_grow(client, django_assert_max_num_queries, companies):
    user = UserFactory()
    for membership in MembershipFactory.create_batch(companies, user=user):
        ContractFactory.create_batch(2, organization=membership.organization)
    client.force_login(user)
    # session, user, memberships with organizations and contract counts, reminders (certificates)
    with django_assert_max_num_queries(4):
        response = client.get("/")
    assert response.content.decode().count('class="org-card"') == companies


@pytest.mark.parametrize(
    ("language", "heading", "logout"),
    [("en", "Your companies", "Log out"), ("es", "Sus empresas", "Salir"), ("pt-br", "Suas empresas", "Sair")],
)
def test_language_switch_changes_the_interface(client, language, heading, logout):
    client.force_login(UserFactory())
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
    assert response["Location"] == "/"
    html = client.get("/").content.decode()
    assert heading in html
    assert logout in html
    assert f'<html lang="{language}">' in html


def test_language_switch_works_on_the_login_page_without_an_account(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/entrar/"})
    assert "Sign in to the Customer Area" in client.get("/entrar/").content.decode()


def test_language_switch_ignores_a_next_pointing_to_another_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/entrar/")["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|nonce)=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=|<style\b", re.IGNORECASE)


def _pages_of_the_url_contract(client) -> list[tuple[str, object]]:
    """Every page of the URL contract, visited as a visitor and as a customer, with what it shows."""
    category = FaqCategoryFactory(slug="financeiro")
    ArticleFactory(category=category, question="Como emito a 2ª via?")
    page = DocumentationPageFactory(title="Primeiros passos")
    TicketTypeFactory(name="Incidente")
    form = TicketFormFactory(product=page.product, slug="datavalid")
    customer = UserFactory()
    ticket = TicketFactory(created_by=customer, requester_cpf=customer.cpf, form=form)
    visited = []
    public = ["/entrar/", "/senha/redefinir/", "/tickets/consultar/", "/suporte/novo/", "/ajuda/", "/ajuda/duvidas/",
              "/ajuda/produtos/", f"/ajuda/produtos/{page.product.slug}/", "/ajuda/duvidas/financeiro/",
              "/ajuda/busca/?q=via", "/pagina-que-nao-existe/"]  # fmt: skip
    for path in public:
        visited.append((path, client.get(path)))
    for step, data in [("identificacao", ANONYMOUS_IDENTIFICATION), ("contato", CONTACT), ("solicitacao", None)]:
        visited.append((f"/tickets/novo/datavalid/ ({step})", client.get("/tickets/novo/datavalid/")))
        post_step(client, "datavalid", step, data or request_data())
    visited.append(("/tickets/novo/datavalid/ (revisao)", client.get("/tickets/novo/datavalid/")))
    client.force_login(customer)
    for path in ["/", "/suporte/", "/suporte/novo/", "/senha/alterar/", ticket.get_absolute_url(), "/ajuda/"]:
        visited.append((path, client.get(path)))
    return visited


def test_no_page_of_the_url_contract_uses_inline_scripts_handlers_or_styles(client):
    pages = _pages_of_the_url_contract(client)
    assert len(pages) >= 20
    for path, response in pages:
        html = response.content.decode()
        assert response.status_code in {200, 404}, path
        assert "</html>" in html, path  # a whole page…
        assert 'src="/static/js/portal.js"' in html, path  # …with our script, from a file
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html))
        assert not INLINE_HANDLER.search(html), (path, INLINE_HANDLER.search(html))
        assert not INLINE_STYLE.search(html), (path, INLINE_STYLE.search(html))


def test_customer_pages_are_not_cached(client):
    client.force_login(UserFactory())
    assert "no-store" in client.get("/")["Cache-Control"]


def test_unknown_page_gets_our_404_in_portuguese(client):
    response = client.get("/nao-existe/")
    assert response.status_code == 404
    assert "Página não encontrada" in response.content.decode()


def test_home_shows_the_legal_name_under_the_trade_name_only_when_they_differ(client):
    user = UserFactory()
    with_trade_name = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", trade_name="Nova Rota")
    without_trade_name = OrganizationFactory(legal_name="Ponte Dados S.A.", trade_name="")
    MembershipFactory(user=user, organization=with_trade_name)
    MembershipFactory(user=user, organization=without_trade_name)
    client.force_login(user)

    html = client.get("/").content.decode()

    assert html.count("Nova Rota Tecnologia Ltda.") == 1
    assert html.count("Ponte Dados S.A.") == 1
    assert html.count("<dt>Razão social</dt>") == 1


def test_favicon_ico_points_anonymous_browsers_to_the_portal_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_every_page_names_its_icon(client):
    assert 'rel="icon"' in client.get("/entrar/").content.decode()
