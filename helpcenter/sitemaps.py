"""The sitemap of the Central de Ajuda (/sitemap.xml): its public pages, with only published content.

Addresses are absolute on PORTAL_BASE_URL's scheme and host, whatever Host the request came
with (the portal does not use django.contrib.sites).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse

from helpcenter.models import Article, FaqCategory, Product


class PortalSitemap(Sitemap):
    """A sitemap whose addresses start with PORTAL_BASE_URL."""

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.PORTAL_BASE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.PORTAL_BASE_URL).scheme


class HelpCenterPagesSitemap(PortalSitemap):
    """The help center's own pages: its home, the product list and the Dúvidas categories."""

    def items(self):
        return ["helpcenter:home", "helpcenter:products", "helpcenter:faq"]

    def location(self, item) -> str:
        return reverse(item)


class ProductSitemap(PortalSitemap):
    """Each active product: its documentation and its Suporte section."""

    def items(self):
        return (
            Product.objects.active()
            .annotate(lastmod=Max("documentation__updated_at", filter=Q(documentation__published=True)))
            .only("slug")
            .order_by("name")
        )

    def lastmod(self, product):
        return product.lastmod


class FaqCategorySitemap(PortalSitemap):
    """Each Dúvidas category with at least one published question."""

    def items(self):
        return (
            FaqCategory.objects.annotate(lastmod=Max("articles__updated_at", filter=Q(articles__published=True)))
            .filter(lastmod__isnull=False)
            .only("slug")
            .order_by("order", "name")
        )

    def lastmod(self, category):
        return category.lastmod


class QuestionSitemap(PortalSitemap):
    """Each published question, on its own page (/ajuda/duvidas/<categoria>/<pergunta>/)."""

    def items(self):
        return (
            Article.objects.published()
            .select_related("category")
            .only("slug", "updated_at", "category__slug")
            .order_by("category__order", "category__name", "order", "pk")
        )

    def lastmod(self, article):
        return article.updated_at


SITEMAPS = {
    "ajuda": HelpCenterPagesSitemap,
    "produtos": ProductSitemap,
    "duvidas": FaqCategorySitemap,
    "perguntas": QuestionSitemap,
}
