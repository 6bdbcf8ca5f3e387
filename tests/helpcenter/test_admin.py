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
            "question_pt_br": "Como trocar o gestor?",
            "question_en": "How do I change the manager?",
            "question_es": "",
            "slug": "trocar-gestor",
            "body_pt_br": "Peça pelo **Suporte**.",
            "body_en": "Ask through **Support**.",
            "body_es": "",
            "order": 1,
            "published": "on",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="trocar-gestor")
    assert article.body_html == "<p>Peça pelo <strong>Suporte</strong>.</p>\n"
    assert article.body_text == "Peça pelo Suporte."
    assert article.body_html_en == "<p>Ask through <strong>Support</strong>.</p>\n"
    assert article.question == "Como trocar o gestor?"


def test_the_portuguese_version_is_required_and_the_others_are_not(staff):
    category = FaqCategoryFactory()
    data = {"category": category.pk, "slug": "sem-texto", "order": 1, "question_en": "Only English", "body_en": "x"}
    response = staff.post("/admin/helpcenter/article/add/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.keys() >= {"question_pt_br", "body_pt_br"}
    assert not Article.objects.exists()


def test_the_list_says_which_translations_are_missing_and_filters_by_them(staff):
    complete = ArticleFactory(question="Completa?", question_en="Complete?", question_es="¿Completa?")
    complete.body_en = complete.body_es = "Texto."
    complete.save()
    ArticleFactory(question="Só em português?")
    spanish_missing = ArticleFactory(question="Falta o espanhol?", question_en="Spanish missing?")
    spanish_missing.body_en = "Text."
    spanish_missing.save()
    html = staff.get("/admin/helpcenter/article/").content.decode()
    assert "traduções faltando" in html.lower()
    assert "inglês, espanhol" in html
    filtered = staff.get("/admin/helpcenter/article/", {"traducao_faltando": "es"}).content.decode()
    assert "Falta o espanhol?" in filtered
    assert "Só em português?" in filtered
    assert "Completa?" not in filtered
    only_english = staff.get("/admin/helpcenter/article/", {"traducao_faltando": "en"}).content.decode()
    assert "Só em português?" in only_english
    assert "Falta o espanhol?" not in only_english


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
