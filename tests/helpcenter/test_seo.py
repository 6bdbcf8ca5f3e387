"""What search engines see: robots.txt, the sitemap of the Central de Ajuda and a description per page."""

import datetime
import html
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from helpcenter.models import Article, DocumentationPage
from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://cliente.example.gov.br"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PRIVATE_PREFIXES = [
    "/tickets/", "/suporte/", "/contratos/", "/financeiro/", "/consumo/", "/chaves/", "/ateste/",
    "/certificado-digital/", "/compartilha-rfb/", "/contatos/", "/entrar/", "/sair/", "/senha/", "/admin/",
    "/api/", "/i18n/",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.PORTAL_BASE_URL = BASE_URL


def _descriptions(response) -> list[str]:
    assert response.status_code == 200
    return [html.unescape(m) for m in re.findall(r'<meta name="description" content="([^"]*)">', response.text)]


def _sitemap(client) -> dict[str, str | None]:
    """Each address in /sitemap.xml and its lastmod."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    urls = ET.fromstring(response.content).findall("sm:url", SITEMAP_NS)  # noqa: S314 (our own page)
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS) for url in urls
    }


def _set_updated_at(model, obj, day: datetime.date) -> None:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    model.objects.filter(pk=obj.pk).update(updated_at=moment)


# robots.txt


def test_robots_txt_keeps_crawlers_out_of_the_customer_area_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    for prefix in PRIVATE_PREFIXES:
        assert f"Disallow: {prefix}" in lines, prefix
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in lines
    # The help center stays open: nothing disallows /ajuda/ or the whole site.
    assert "Disallow: /ajuda/" not in lines
    assert "Disallow: /" not in lines


def test_robots_txt_is_public_and_cacheable_even_for_a_signed_in_customer(client):
    client.force_login(UserFactory())
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "User-agent: *" in response.text
    assert response["Cache-Control"] == "public, max-age=3600"


# The sitemap


def test_sitemap_lists_the_help_center_pages_active_products_and_categories_with_published_answers(client):
    datavalid = ProductFactory(slug="datavalid", name="Datavalid")
    ProductFactory(slug="consulta-cpf", name="Consulta CPF")
    ProductFactory(slug="antigo", name="Produto antigo", active=False)
    financeiro = FaqCategoryFactory(slug="financeiro", name="Financeiro")
    ArticleFactory(category=financeiro, slug="boleto")
    rascunhos = FaqCategoryFactory(slug="rascunhos", name="Rascunhos")
    ArticleFactory(category=rascunhos, published=False)
    FaqCategoryFactory(slug="vazia", name="Vazia")
    DocumentationPageFactory(product=datavalid)

    urls = _sitemap(client)

    assert set(urls) == {
        f"{BASE_URL}/ajuda/",
        f"{BASE_URL}/ajuda/produtos/",
        f"{BASE_URL}/ajuda/duvidas/",
        f"{BASE_URL}/ajuda/produtos/datavalid/",
        f"{BASE_URL}/ajuda/produtos/consulta-cpf/",
        f"{BASE_URL}/ajuda/duvidas/financeiro/",
        f"{BASE_URL}/ajuda/duvidas/financeiro/boleto/",  # each published question has its own page
    }


def test_sitemap_addresses_use_portal_base_url_whatever_the_request_host(client):
    ProductFactory(slug="datavalid")
    urls = _sitemap(client)  # the test client asks as http://testserver
    assert f"{BASE_URL}/ajuda/produtos/datavalid/" in urls
    assert not [url for url in urls if "testserver" in url or not url.startswith(BASE_URL + "/")]


def test_sitemap_lastmod_is_the_latest_published_content(client):
    datavalid = ProductFactory(slug="datavalid")
    ProductFactory(slug="sem-documentacao")
    _set_updated_at(DocumentationPage, DocumentationPageFactory(product=datavalid), datetime.date(2026, 3, 1))
    _set_updated_at(DocumentationPage, DocumentationPageFactory(product=datavalid), datetime.date(2026, 5, 2))
    hidden = DocumentationPageFactory(product=datavalid, published=False)
    _set_updated_at(DocumentationPage, hidden, datetime.date(2026, 9, 9))
    financeiro = FaqCategoryFactory(slug="financeiro")
    _set_updated_at(Article, ArticleFactory(category=financeiro), datetime.date(2026, 4, 7))

    urls = _sitemap(client)

    assert urls[f"{BASE_URL}/ajuda/produtos/datavalid/"] == "2026-05-02"
    assert urls[f"{BASE_URL}/ajuda/produtos/sem-documentacao/"] is None
    assert urls[f"{BASE_URL}/ajuda/duvidas/financeiro/"] == "2026-04-07"
    assert [lastmod for url, lastmod in urls.items() if url.startswith(f"{BASE_URL}/ajuda/duvidas/financeiro/")] == [
        "2026-04-07",
        "2026-04-07",
    ]


def test_sitemap_is_public_and_its_queries_do_not_grow_with_the_content(client, django_assert_num_queries):
    for n in range(5):
        product = ProductFactory(slug=f"produto-{n}")
        DocumentationPageFactory.create_batch(2, product=product)
        ArticleFactory.create_batch(2, category=FaqCategoryFactory(slug=f"categoria-{n}"))
    with django_assert_num_queries(6):  # count and page of the products, of the categories, of the questions
        urls = _sitemap(client)
    assert len(urls) == 3 + 5 + 5 + 10


# Meta descriptions


def test_help_center_pages_have_their_own_description(client):
    ArticleFactory(category=FaqCategoryFactory(slug="tributos", name="Tributos", description="Impostos e retenções."))
    ProductFactory(slug="datavalid", name="Datavalid", short_description="Validação de dados cadastrais com biometria.")
    expected = {
        "/ajuda/": "Encontre respostas sobre compras, a Área do Cliente, faturas e contratos, leia a documentação "
        "dos produtos ou abra um ticket de suporte.",
        "/ajuda/produtos/": "Em cada produto você encontra duas seções: Documentação, com o passo a passo para usar "
        "o produto, e Suporte, com o formulário para abrir um ticket.",
        "/ajuda/produtos/datavalid/": "Validação de dados cadastrais com biometria.",
        "/ajuda/duvidas/tributos/": "Impostos e retenções.",
        "/ajuda/busca/?q=boleto": "Busque nas dúvidas e na documentação dos produtos da Central de Ajuda.",
        "/tickets/consultar/": "Consulte a situação das suas solicitações de serviço pelo CPF ou pelo número da "
        "solicitação.",
        "/entrar/": "Entre na Área do Cliente com seu CPF ou e-mail para acompanhar contratos e tickets de suporte.",
    }
    for path, description in expected.items():
        assert _descriptions(client.get(path)) == [description], path


def test_product_and_category_without_a_text_of_their_own_get_one_from_their_name(client):
    ProductFactory(slug="datavalid", name="Datavalid", short_description="")
    ArticleFactory(category=FaqCategoryFactory(slug="tributos", name="Tributos", description=""))
    assert _descriptions(client.get("/ajuda/produtos/datavalid/")) == [
        "Documentação de Datavalid e como pedir suporte sobre o produto."
    ]
    assert _descriptions(client.get("/ajuda/duvidas/tributos/")) == ["Perguntas e respostas sobre Tributos."]


def test_description_from_content_is_escaped_in_its_attribute(client):
    ProductFactory(slug="datavalid", name="Datavalid", short_description='Consulta "rápida" <b>& segura</b>')
    response = client.get("/ajuda/produtos/datavalid/")
    assert '<meta name="description" content="Consulta &quot;rápida&quot; &lt;b&gt;&amp; segura&lt;/b&gt;">' in (
        response.text
    )
    assert _descriptions(response) == ['Consulta "rápida" <b>& segura</b>']


def test_other_pages_have_the_portal_description(client, settings):
    settings.PORTAL_BRAND = "SERPRO"
    descriptions = _descriptions(client.get("/senha/redefinir/"))
    assert descriptions == [
        "Área do Cliente do SERPRO: acompanhe contratos e tickets de suporte, leia a documentação dos produtos e "
        "encontre respostas na Central de Ajuda."
    ]
