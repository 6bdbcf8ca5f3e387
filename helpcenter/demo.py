"""Demo catalog and help content: products, Dúvidas and documentation, in Portuguese, English and Spanish."""

from django.utils.text import slugify

from helpcenter.demo_content import DOCUMENTATION, FAQ
from helpcenter.demo_content_translations import (
    CATEGORY_TRANSLATIONS,
    DOCUMENTATION_TRANSLATIONS,
    FAQ_TRANSLATIONS,
    PRODUCT_TRANSLATIONS,
)
from helpcenter.models import Article, DocumentationPage, FaqCategory, Product
from helpcenter.query import refresh_word_list

CATEGORIES = {
    "processo-de-compra": "Processo de Compra",
    "area-do-cliente": "Área do Cliente",
    "financeiro": "Financeiro",
    "gestao-contratual": "Gestão Contratual",
}

PRODUCTS = [
    ("consulta-cpf", "Consulta CPF", "Situação cadastral de pessoas físicas na base da Receita Federal, por API."),
    ("consulta-cnpj", "Consulta CNPJ", "Dados cadastrais de empresas, incluindo o CNPJ alfanumérico, por API."),
    ("consulta-nfe", "Consulta NF-e", "Situação e dados de notas fiscais eletrônicas a partir da chave de acesso."),
    (
        "consulta-divida-ativa",
        "Consulta Dívida Ativa",
        "Inscrições em dívida ativa da União de pessoas físicas e jurídicas.",
    ),
    ("datavalid", "Datavalid", "Validação de dados cadastrais e biometria facial com bases oficiais do governo."),
    ("biovalid", "Biovalid", "Prova de vida e validação biométrica para aplicativos móveis e web."),
    ("serpro-id", "SERPRO ID", "Certificado digital em nuvem para pessoas e empresas, sem token físico."),
    (
        "escola-serpro-educa",
        "Escola Serpro Educa",
        "Cursos e trilhas de capacitação sobre os produtos para as equipes dos clientes.",
    ),
    ("nuvem-de-governo", "Nuvem de Governo", "Infraestrutura em nuvem para sistemas de órgãos públicos."),
    ("compartilha-rfb", "Compartilha RFB", "Compartilhamento de dados da Receita Federal autorizado pelo titular."),
]


LANGUAGES = ("en", "es")


def translate(instance, language: str, **values) -> None:
    """Set ``instance``'s ``<field>_<language>`` columns (helpcenter/translation.py); the caller saves."""
    for field, value in values.items():
        setattr(instance, f"{field}_{language}", value)


def seed(stdout) -> None:
    for slug, name, description in PRODUCTS:
        product, _ = Product.objects.update_or_create(
            slug=slug, defaults={"name": name, "short_description": description}
        )
        for language in LANGUAGES:
            if slug in PRODUCT_TRANSLATIONS[language]:
                name_translated, description_translated = PRODUCT_TRANSLATIONS[language][slug]
                translate(product, language, name=name_translated, short_description=description_translated)
        product.save()
    articles = pages = 0
    for order, (slug, name) in enumerate(CATEGORIES.items(), start=1):
        category, _ = FaqCategory.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
        for language in LANGUAGES:
            if slug in CATEGORY_TRANSLATIONS[language]:
                name_translated, description_translated = CATEGORY_TRANSLATIONS[language][slug]
                translate(category, language, name=name_translated, description=description_translated)
        category.save()
        for position, (question, answer) in enumerate(FAQ[slug], start=1):
            article = Article.objects.filter(category=category, slug=slugify(question)[:80]).first() or Article(
                category=category, slug=slugify(question)[:80]
            )
            article.question, article.body, article.order = question, answer, position
            article.featured = position == 1
            for language in LANGUAGES:
                if question in FAQ_TRANSLATIONS[language]:
                    question_translated, answer_translated = FAQ_TRANSLATIONS[language][question]
                    translate(article, language, question=question_translated, body=answer_translated)
            article.save()
            articles += 1
    for product_slug, documentation in DOCUMENTATION.items():
        product = Product.objects.get(slug=product_slug)
        for position, (title, body) in enumerate(documentation, start=1):
            page = DocumentationPage.objects.filter(product=product, slug=slugify(title)[:80]).first()
            page = page or DocumentationPage(product=product, slug=slugify(title)[:80])
            page.title, page.body, page.order = title, body, position
            for language in LANGUAGES:
                if (product_slug, title) in DOCUMENTATION_TRANSLATIONS[language]:
                    title_translated, body_translated = DOCUMENTATION_TRANSLATIONS[language][(product_slug, title)]
                    translate(page, language, title=title_translated, body=body_translated)
            page.save()
            pages += 1
    refresh_word_list()  # now, not after the seed's transaction: the demo searches at once
    stdout.write(
        f"  helpcenter: {len(PRODUCTS)} products, {articles} questions in {len(CATEGORIES)} categories, "
        f"{pages} documentation pages"
    )
