from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from helpcenter import markup

#: The language staff write content in, and the one shown when a translation is missing.
SOURCE_LANGUAGE = "pt-BR"


class ContentLanguage:
    """Content in three languages (helpcenter/translation.py): which one a reader is shown.

    ``content_language`` is the reader's language when ``LANGUAGE_FIELD`` has text in it, else
    Portuguese (the fallback); templates mark it with ``lang`` and, where Portuguese is shown to an
    English or Spanish reader, say "Conteúdo disponível apenas em português" (``|shown_in_portuguese``).
    """

    #: The field whose translation stands for the whole item (its title or name).
    LANGUAGE_FIELD = "name"

    @property
    def content_language(self) -> str:
        language = (get_language() or SOURCE_LANGUAGE).lower()
        translation: object = getattr(self, f"{self.LANGUAGE_FIELD}_{language.replace('-', '_')}", None)
        if not language.startswith("pt") and translation:
            return language
        return SOURCE_LANGUAGE


class ProductQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Product(ContentLanguage, models.Model):
    """A product or service of the catalog, documented and supported in the help center."""

    name = models.CharField(_("nome"), max_length=120, unique=True)
    slug = models.SlugField(_("identificador na URL"), max_length=120, unique=True)
    short_description = models.CharField(_("descrição curta"), max_length=300, blank=True)
    active = models.BooleanField(_("ativo"), default=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("produto")
        verbose_name_plural = _("produtos")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("helpcenter:product", args=[self.slug])


class RenderedMarkup(models.Model):
    """Fields shared by content written in Markdown: the source and what is derived from it.

    The rendered HTML and its plain text are kept beside the source, so pages never render
    Markdown on the fly and search indexes the text the reader sees.
    """

    #: The Markdown source: each subclass declares its own ``body`` field, with its own label and help.
    body: str
    body_html = models.TextField(editable=False, default="")
    body_text = models.TextField(editable=False, default="")
    published = models.BooleanField(_("publicado"), default=True)
    order = models.PositiveIntegerField(_("ordem"), default=0)
    updated_at = models.DateTimeField(_("atualizado em"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        rendered = self.refresh_rendered()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *rendered}
        super().save(*args, **kwargs)

    def refresh_rendered(self) -> list[str]:
        """Render the source of each language (helpcenter/translation.py); the names of the fields set."""
        suffixes = [""] + [f"_{code.replace('-', '_')}" for code in settings.MODELTRANSLATION_LANGUAGES]
        changed = []
        for suffix in suffixes:
            if not hasattr(self, f"body_html{suffix}") or (suffix and not hasattr(self, f"body{suffix}")):
                continue
            source = self.__dict__.get(f"body{suffix}") if suffix else self.body
            html = markup.render(source) if source else ""
            self.__dict__[f"body_html{suffix}"] = html
            self.__dict__[f"body_text{suffix}"] = markup.plain_text(html) if html else ""
            changed += [f"body_html{suffix}", f"body_text{suffix}"]
        return changed


class CategoryQuerySet(models.QuerySet):
    def with_published_counts(self):
        """Each category with ``published_articles``: read from the counters, not by counting the answers."""
        counted = PublishedCount.objects.filter(category_id=models.OuterRef("pk")).values("published")[:1]
        return self.annotate(published_articles=Coalesce(models.Subquery(counted), 0)).order_by("order", "name")


class FaqCategory(ContentLanguage, models.Model):
    """A group of Dúvidas (FAQ), e.g. "Financeiro"; its slug is part of the public URL."""

    name = models.CharField(_("nome"), max_length=80, unique=True)
    slug = models.SlugField(_("identificador na URL"), max_length=80, unique=True)
    description = models.CharField(_("descrição"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("ordem"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("categoria de dúvidas")
        verbose_name_plural = _("categorias de dúvidas")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("helpcenter:category", args=[self.slug])


class PublishedCount(models.Model):
    """How many published answers a category has, kept current by PostgreSQL itself.

    Statement-level triggers on the answers' table (migration 0011) add and subtract what each
    INSERT, UPDATE or DELETE changed, however it was made: the admin, a bulk import, plain SQL. The
    help index then reads a handful of rows instead of counting every answer (42 ms at 100k).
    Nothing in Python writes here. No foreign key, so that the triggers never depend on the order
    in which rows go: a deleted category (emptied first: its answers protect it) leaves a row at 0.
    """

    category_id = models.BigIntegerField(primary_key=True)
    published = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("contagem de perguntas publicadas")
        verbose_name_plural = _("contagens de perguntas publicadas")

    def __str__(self) -> str:
        return f"{self.category_id}: {self.published}"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def featured(self):
        return self.filter(featured=True).order_by("category__order", "order", "pk")


class Article(ContentLanguage, RenderedMarkup):
    """One question of the Dúvidas and its answer."""

    LANGUAGE_FIELD = "question"

    category = models.ForeignKey(
        FaqCategory, on_delete=models.PROTECT, related_name="articles", verbose_name=_("categoria")
    )
    question = models.CharField(_("pergunta"), max_length=200)
    slug = models.SlugField(_("âncora"), max_length=80, help_text=_("Usado no link direto para a pergunta."))
    body = models.TextField(_("resposta"), help_text=_("Markdown: **negrito**, listas, [links](https://…)."))
    featured = models.BooleanField(_("destaque"), default=False, help_text=_("Aparece na página inicial."))
    helpful_yes = models.PositiveIntegerField(_("votos úteis"), default=0, editable=False)
    helpful_no = models.PositiveIntegerField(_("votos não úteis"), default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "pk"]
        verbose_name = _("pergunta")
        verbose_name_plural = _("perguntas")
        constraints = [
            models.UniqueConstraint(fields=["category", "slug"], name="helpcenter_article_slug_unique_in_category"),
        ]
        indexes = [
            models.Index(fields=["category", "published", "order"], name="helpcenter_article_listing"),
            models.Index(
                fields=["order"], condition=models.Q(featured=True, published=True), name="helpcenter_article_featured"
            ),
        ]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        """The question's own page, its answer open (works without JavaScript)."""
        return reverse("helpcenter:question", args=[self.category.slug, self.slug])

    @property
    def heading(self) -> str:
        return self.question

    @property
    def anchor(self) -> str:
        return f"pergunta-{self.slug}"


class DocumentationPageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class DocumentationPage(ContentLanguage, RenderedMarkup):
    """A page of a product's documentation, shown in order on the product's page."""

    LANGUAGE_FIELD = "title"

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="documentation", verbose_name=_("produto")
    )
    title = models.CharField(_("título"), max_length=200)
    slug = models.SlugField(_("âncora"), max_length=80)
    body = models.TextField(_("conteúdo"), help_text=_("Markdown: títulos com ###, listas, [links](https://…)."))

    objects = DocumentationPageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("página de documentação")
        verbose_name_plural = _("páginas de documentação")
        constraints = [
            models.UniqueConstraint(fields=["product", "slug"], name="helpcenter_docpage_slug_unique_in_product"),
        ]
        indexes = [models.Index(fields=["product", "published", "order"], name="helpcenter_docpage_listing")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.product.get_absolute_url()}#{self.anchor}"

    @property
    def heading(self) -> str:
        return self.title

    @property
    def anchor(self) -> str:
        return f"doc-{self.slug}"


class SynonymGroup(models.Model):
    """Words and phrases the search treats as one: "2ª via, segunda via, reemissão".

    Staff keep this dictionary in the admin; ``helpcenter.query`` expands each query with it.
    """

    terms = models.TextField(
        _("termos equivalentes"),
        help_text=_(
            "Separados por vírgula, por exemplo: chamado, ticket, solicitação. Uma busca por qualquer um deles "
            "encontra também os outros. Escreva as formas que as pessoas usam, com ou sem acento."
        ),
    )
    note = models.CharField(_("observação"), max_length=200, blank=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("grupo de sinônimos")
        verbose_name_plural = _("sinônimos da busca")

    def __str__(self) -> str:
        return ", ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return [term for term in (" ".join(part.split()) for part in self.terms.split(",")) if term]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Informe pelo menos dois termos, separados por vírgula.")})
        self.terms = ", ".join(self.term_list)


class EmptySearch(models.Model):
    """A search that found nothing, counted per month: what staff should write or add as a synonym.

    Only the query's words are kept, with anything that looks like a document number, a phone or
    an e-mail address removed (``helpcenter.services.empty_search_record``).
    """

    month = models.DateField(_("mês"))
    query = models.CharField(_("busca"), max_length=100)
    count = models.PositiveIntegerField(_("vezes"), default=1)
    last_seen = models.DateTimeField(_("última vez"), auto_now=True)

    class Meta:
        ordering = ["-month", "-count", "query"]
        verbose_name = _("busca sem resultado")
        verbose_name_plural = _("buscas sem resultado")
        constraints = [models.UniqueConstraint(fields=["month", "query"], name="helpcenter_emptysearch_unique")]

    def __str__(self) -> str:
        return self.query
