"""Help content staff write in three languages (django-modeltranslation).

Each registered field gains ``<field>_pt_br``, ``<field>_en`` and ``<field>_es`` columns. Reading
``article.question`` gives the reader's language, or Portuguese when that one is empty (settings:
MODELTRANSLATION_FALLBACK_LANGUAGES); the models' ``content_language`` (helpcenter.models.ContentLanguage)
says which one was shown, so pages can mark it (``lang``) and say "Conteúdo disponível apenas em português".

The original column always holds the Portuguese text (``keep_portuguese_original``): PostgreSQL reads
it directly, in the generated full-text columns and the search's SQL.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import pre_save
from modeltranslation.translator import TranslationOptions, register, translator
from modeltranslation.utils import build_localized_fieldname

from helpcenter.models import Article, DocumentationPage, FaqCategory, Product

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
#: The languages content is translated into; Portuguese is the source and always present.
TARGET_LANGUAGES = tuple(code for code in settings.MODELTRANSLATION_LANGUAGES if code != SOURCE_LANGUAGE)
#: Fields derived from another one (the rendered Markdown): never typed, never "missing" on their own.
DERIVED = {"body_html", "body_text"}


class PortugueseRequired(TranslationOptions):
    required_languages = (SOURCE_LANGUAGE,)


@register(Product)
class ProductTranslation(PortugueseRequired):
    fields = ("name", "short_description")


@register(FaqCategory)
class FaqCategoryTranslation(PortugueseRequired):
    fields = ("name", "description")


@register(Article)
class ArticleTranslation(PortugueseRequired):
    fields = ("question", "body", "body_html", "body_text")


@register(DocumentationPage)
class DocumentationPageTranslation(PortugueseRequired):
    fields = ("title", "body", "body_html", "body_text")


def localized(field: str, language: str) -> str:
    return build_localized_fieldname(field, language)


def translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)  # type: ignore[attr-defined]


def keep_portuguese_original(sender, instance, **kwargs) -> None:
    """Before every save: the original columns take the Portuguese text, whatever language was active."""
    for field in translated_fields(sender):
        instance.__dict__[field] = getattr(instance, localized(field, SOURCE_LANGUAGE))


def missing_languages(instance) -> list[str]:
    """The target languages in which some text the Portuguese version has is still empty."""
    typed = [field for field in translated_fields(type(instance)) if field not in DERIVED]
    return [
        language
        for language in TARGET_LANGUAGES
        if any(
            getattr(instance, localized(field, SOURCE_LANGUAGE)) and not getattr(instance, localized(field, language))
            for field in typed
        )
    ]


def missing_in(model, language: str) -> Q:
    """Rows of ``model`` with some text in Portuguese that is still empty in ``language`` (for the admin's filter)."""
    condition = Q()
    for field in translated_fields(model):
        if field in DERIVED:
            continue
        source, target = localized(field, SOURCE_LANGUAGE), localized(field, language)
        condition |= (
            ~Q(**{source: ""})
            & Q(**{f"{source}__isnull": False})
            & (Q(**{target: ""}) | Q(**{f"{target}__isnull": True}))
        )
    return condition


def connect(*models) -> None:
    for model in models:
        pre_save.connect(keep_portuguese_original, sender=model, dispatch_uid=f"keep_portuguese_{model._meta.label}")


connect(Product, FaqCategory, Article, DocumentationPage)
