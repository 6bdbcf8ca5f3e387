import pytest

from helpcenter.models import Article
from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory, UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    return staff_client(UserFactory(is_staff=True, is_superuser=True), client)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/helpcenter/article/",
        "/admin/helpcenter/article/add/",
        "/admin/helpcenter/faqcategory/",
        "/admin/helpcenter/documentationpage/",
        "/admin/helpcenter/documentationpage/add/",
        "/admin/helpcenter/product/add/",
    ],
)
def test_staff_pages_render(staff, path):
    ArticleFactory()
    DocumentationPageFactory()
    assert staff.get(path).status_code == 200


def test_article_changelist_searches_and_filters(staff):
    ArticleFactory(question="Como pagar o boleto?", published=True)
    ArticleFactory(question="Rascunho sobre contratos", published=False)
    html = staff.get("/admin/helpcenter/article/", {"q": "boleto"}).content.decode()
    assert "Como pagar o boleto?" in html
    assert "Rascunho sobre contratos" not in html
    html = staff.get("/admin/helpcenter/article/", {"published__exact": "0"}).content.decode()
    assert "Rascunho sobre contratos" in html
    assert "Como pagar o boleto?" not in html


def test_staff_creates_an_article_and_its_answer_is_rendered(staff):
    category = FaqCategoryFactory()
    response = staff.post(
        "/admin/helpcenter/article/add/",
        {
            "category": category.pk,
            "question": "Como trocar o gestor?",
            "slug": "trocar-gestor",
            "body": "Peça pelo **Suporte**.",
            "order": 1,
            "published": "on",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="trocar-gestor")
    assert article.body_html == "<p>Peça pelo <strong>Suporte</strong>.</p>\n"
    assert article.body_text == "Peça pelo Suporte."


def test_unpublish_action_hides_the_article(staff):
    article = ArticleFactory()
    staff.post("/admin/helpcenter/article/", {"action": "unpublish", "_selected_action": [article.pk]}, follow=True)
    article.refresh_from_db()
    assert not article.published


def test_view_on_site_points_to_the_public_page_or_to_the_preview(staff):
    published = ArticleFactory(slug="publicada")
    draft = ArticleFactory(slug="rascunho", published=False)
    published_page = staff.get(f"/admin/helpcenter/article/{published.pk}/change/").content.decode()
    draft_page = staff.get(f"/admin/helpcenter/article/{draft.pk}/change/").content.decode()
    assert f'href="{published.get_absolute_url()}"' in published_page
    assert f'href="/ajuda/previa/pergunta/{draft.pk}/"' in draft_page


def test_documentation_pages_are_edited_inline_on_the_product(staff):
    product = ProductFactory()
    DocumentationPageFactory(product=product, title="Guia de início")
    html = staff.get(f"/admin/helpcenter/product/{product.pk}/change/").content.decode()
    assert "Guia de início" in html
