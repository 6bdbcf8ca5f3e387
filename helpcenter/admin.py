import datetime

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from helpcenter.models import Article, DocumentationPage, EmptySearch, FaqCategory, Product, SynonymGroup
from helpcenter.translation import TARGET_LANGUAGES, missing_in, missing_languages

LANGUAGE_NAMES = {"en": _("inglês"), "es": _("espanhol")}


class MissingTranslationFilter(admin.SimpleListFilter):
    """ "Tradução": the items still missing their English or Spanish version."""

    title = _("tradução")
    parameter_name = "traducao_faltando"

    def lookups(self, request, model_admin):
        return [
            (language, format_lazy(_("Falta em {language}"), language=LANGUAGE_NAMES[language]))
            for language in TARGET_LANGUAGES
        ]

    def queryset(self, request, queryset):
        if self.value() in TARGET_LANGUAGES:
            return queryset.filter(missing_in(queryset.model, self.value()))
        return queryset


class TranslatedContentAdmin(TranslationAdmin):
    """Content typed in pt-BR (required), en and es, side by side; the list says which translations are missing.

    modeltranslation's plain admin: each translated field becomes one input per language, no script.
    """

    @admin.display(description=_("traduções faltando"))
    def translations_missing(self, item):
        missing = missing_languages(item)
        return ", ".join(str(LANGUAGE_NAMES[language]) for language in missing) if missing else "—"

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translations_missing"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]


class DocumentationPageInline(TranslationStackedInline):
    model = DocumentationPage
    extra = 0
    fields = ["title", "slug", "order", "published", "body"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True


@admin.register(Product)
class ProductAdmin(TranslatedContentAdmin):
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    list_editable = ["active"]
    search_fields = ["name", "short_description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DocumentationPageInline]


@admin.register(FaqCategory)
class FaqCategoryAdmin(TranslatedContentAdmin):
    list_display = ["name", "slug", "order", "article_count"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_published_counts()

    @admin.display(description=_("perguntas publicadas"), ordering="published_articles")
    def article_count(self, category):
        return category.published_articles


@admin.action(description=_("Publicar os itens selecionados"))
def publish(modeladmin, request, queryset):
    # Through save(), one by one: the search index and rendered HTML stay in step.
    for item in queryset:
        item.published = True
        item.save(update_fields=["published", "updated_at"])


@admin.action(description=_("Despublicar os itens selecionados"))
def unpublish(modeladmin, request, queryset):
    for item in queryset:
        item.published = False
        item.save(update_fields=["published", "updated_at"])


@admin.register(Article)
class ArticleAdmin(TranslatedContentAdmin):
    list_display = ["question", "category", "order", "published", "featured", "helpful_yes", "helpful_no", "updated_at"]
    list_display_links = ["question"]
    list_editable = ["order", "published", "featured"]
    list_filter = ["published", "featured", "category"]
    list_select_related = ["category"]
    search_fields = ["question", "body"]
    prepopulated_fields = {"slug": ["question"]}
    readonly_fields = ["helpful_yes", "helpful_no", "updated_at"]
    fields = ["category", "question", "slug", "body", "order", "published", "featured", *readonly_fields]
    actions = [publish, unpublish]

    def view_on_site(self, article):
        return (
            article.get_absolute_url()
            if article.published
            else reverse("helpcenter:preview", args=["pergunta", article.pk])
        )


@admin.register(DocumentationPage)
class DocumentationPageAdmin(TranslatedContentAdmin):
    list_display = ["title", "product", "order", "published", "updated_at"]
    list_editable = ["order", "published"]
    list_filter = ["published", "product"]
    list_select_related = ["product"]
    search_fields = ["title", "body", "product__name"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["updated_at"]
    fields = ["product", "title", "slug", "body", "order", "published", "updated_at"]
    autocomplete_fields = ["product"]
    actions = [publish, unpublish]

    def view_on_site(self, page):
        return (
            page.get_absolute_url() if page.published else reverse("helpcenter:preview", args=["documentacao", page.pk])
        )


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    fields = ["terms", "note"]


class MonthFilter(admin.SimpleListFilter):
    """The current month unless another is chosen: what customers are looking for now."""

    title = _("mês")
    parameter_name = "mes"

    def lookups(self, request, model_admin):
        months = EmptySearch.objects.dates("month", "month", order="DESC")[:13]
        return [(month.isoformat(), date_format(month, "YEAR_MONTH_FORMAT")) for month in months]

    def choices(self, changelist):
        current = self.value() or timezone.localdate().replace(day=1).isoformat()
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        try:
            month = datetime.date.fromisoformat(self.value() or "")
        except ValueError:
            month = timezone.localdate().replace(day=1)
        return queryset.filter(month=month)


@admin.register(EmptySearch)
class EmptySearchAdmin(admin.ModelAdmin):
    """The month's searches that found nothing, most frequent first: write the answer, or add a synonym."""

    list_display = ["query", "count", "last_seen"]
    list_filter = [MonthFilter]
    search_fields = ["query"]
    ordering = ["-count", "query"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
