import datetime

import pytest

from tests.budgets import max_queries
from tests.factories import (
    ContractFactory,
    FaqCategoryFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    SubjectFactory,
    TicketFactory,
    TicketFormFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer():
    user = UserFactory(name="Maria da Silva")
    MembershipFactory(user=user, organization=OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda."))
    return user


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def _organization(user):
    return user.memberships.get().organization


def test_suporte_requires_login(client):
    response = client.get("/suporte/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def test_suporte_shows_the_three_boxes_with_faq_buttons(signed_in):
    FaqCategoryFactory(slug="financeiro", name="Financeiro")
    html = signed_in.get("/suporte/").content.decode()
    for heading in ["Dúvidas", "Meus Tickets", "Produtos Contratados"]:
        assert f">{heading}</h2>" in html
    assert 'href="/ajuda/duvidas/financeiro/"' in html
    assert 'href="/suporte/novo/"' in html
    assert 'aria-current="page">Suporte<' in html


def test_contracted_products_are_those_of_active_contracts_of_the_users_companies(signed_in, customer):
    mine = _organization(customer)
    ContractFactory(organization=mine, product=ProductFactory(name="Datavalid"))
    ContractFactory(organization=mine, product=ProductFactory(name="Biovalid"), status="encerrado")
    ContractFactory(
        organization=mine,
        product=ProductFactory(name="Consulta NF-e"),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1),
    )
    ContractFactory(product=ProductFactory(name="Produto de outra empresa"))
    html = signed_in.get("/suporte/").content.decode()
    assert "Datavalid" in html
    assert "Biovalid" not in html
    assert "Consulta NF-e" not in html
    assert "Produto de outra empresa" not in html
    assert "Ir para documentação" in html


def test_without_contracted_products_the_help_center_is_suggested(signed_in):
    html = signed_in.get("/suporte/").content.decode()
    assert "Caso não apareça o seu produto" in html
    assert 'href="/ajuda/produtos/"' in html


def test_recent_tickets_are_the_users_own_five_newest(signed_in, customer):
    for day in range(7):
        TicketFactory(
            created_by=customer,
            title=f"Meu ticket {day}",
            created_at=datetime.datetime(2026, 5, day + 1, tzinfo=datetime.UTC),
        )
    TicketFactory(created_by=UserFactory(), title="Ticket de outra pessoa")
    html = signed_in.get("/suporte/").content.decode()
    # The same five twice: a table for wide screens, cards for phones (CSS shows one of them).
    table = html[html.index('<table class="table table-sm recent-tickets">') : html.index("</table>")]
    cards = html[html.index('<ul class="recent-ticket-list">') :]
    cards = cards[: cards.index("</ul>")]
    for shown in (table, cards):
        assert shown.count("Meu ticket") == 5
        assert "Meu ticket 6" in shown
        assert "Meu ticket 0" not in shown
        assert "Aberto" in shown
    assert cards.count("<dt>Produto ou assunto</dt>") == 5
    assert "Ticket de outra pessoa" not in html


@pytest.mark.parametrize("rows", [1, 50])
def test_suporte_query_budget(signed_in, customer, rows):
    for _ in range(rows):
        ContractFactory(organization=_organization(customer))
        TicketFactory(created_by=customer)
    with max_queries(5):  # session, user, categories, recent tickets, contracted products with their RFB consent
        assert signed_in.get("/suporte/").status_code == 200


# Criar novo ------------------------------------------------------------------------------------


@pytest.fixture
def choices(customer):
    subject_form = TicketFormFactory(
        product=None, subject=SubjectFactory(name="Financeiro / 2ª via de boleto"), slug="assunto-financeiro"
    )
    product = ProductFactory(name="Datavalid")
    product_form = TicketFormFactory(product=product, slug="datavalid")
    ContractFactory(organization=_organization(customer), product=product)
    not_contracted = TicketFormFactory(product=ProductFactory(name="Biovalid"), slug="biovalid")
    return subject_form, product_form, not_contracted


def test_chooser_offers_subjects_and_only_contracted_products(signed_in, choices):
    html = signed_in.get("/suporte/novo/").content.decode()
    assert "Financeiro / 2ª via de boleto" in html
    assert "Datavalid" in html
    assert "Biovalid" not in html


@pytest.mark.parametrize(("field", "slug"), [("subject", "assunto-financeiro"), ("product", "datavalid")])
def test_choosing_one_opens_its_form(signed_in, choices, field, slug):
    response = signed_in.post("/suporte/novo/", {field: slug})
    assert response["Location"] == f"/tickets/novo/{slug}/"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Escolha um assunto principal ou um produto contratado."),
        ({"subject": "assunto-financeiro", "product": "datavalid"}, "Escolha só um"),
        ({"product": "biovalid"}, "Faça uma escolha válida"),
        ({"subject": "inventado"}, "Faça uma escolha válida"),
    ],
)
def test_choosing_both_neither_or_something_not_offered_is_an_error(signed_in, choices, data, message):
    response = signed_in.post("/suporte/novo/", data)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("rows", [1, 50])
def test_chooser_query_budget(signed_in, customer, choices, rows):
    for _ in range(rows):
        ContractFactory(organization=_organization(customer), product=TicketFormFactory().product)
    with max_queries(4):
        assert signed_in.get("/suporte/novo/").status_code == 200
    with max_queries(4):
        assert signed_in.post("/suporte/novo/", {}).status_code == 200


# Visitors find the forms too -----------------------------------------------------------------------


def test_a_visitor_reaches_the_subject_forms_and_any_product_without_an_account(client, choices):
    subject_form, product_form, other_product_form = choices
    response = client.get("/suporte/novo/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Abrir solicitação" in html
    for name in ("Financeiro / 2ª via de boleto", "Datavalid", "Biovalid"):
        assert name in html  # a visitor has no contracts: every product of the catalog
    assert "Produto ou serviço contratado" not in html
    chosen = client.post("/suporte/novo/", {"subject": subject_form.slug})
    assert chosen["Location"] == "/tickets/novo/assunto-financeiro/"
    assert client.get("/tickets/novo/assunto-financeiro/").status_code == 200


@pytest.mark.parametrize("rows", [1, 50])
def test_the_visitors_chooser_stays_within_budget(client, choices, rows):
    for _ in range(rows):
        TicketFormFactory()
    with max_queries(2):
        assert client.get("/suporte/novo/").status_code == 200


def test_the_help_center_links_to_opening_and_consulting_a_request(client):
    html = client.get("/ajuda/").content.decode()
    assert 'href="/suporte/novo/"' in html
    assert "Abrir solicitação" in html
    assert 'href="/tickets/consultar/"' in html
    assert "Consultar solicitação" in html


@pytest.mark.parametrize("path", ["/ajuda/", "/tickets/consultar/", "/suporte/novo/"])
def test_signed_in_pages_outside_the_customer_area_keep_its_sidebar(signed_in, path):
    html = signed_in.get(path).content.decode()
    assert 'aria-label="Menu da Área do Cliente"' in html
    assert 'href="/contratos/"' in html


def test_visitors_get_no_sidebar(client):
    html = client.get("/ajuda/").content.decode()
    assert "Central de Ajuda" in html
    assert 'aria-label="Menu da Área do Cliente"' not in html
