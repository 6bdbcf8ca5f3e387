"""Mark content with the language it is written in (WCAG 3.1.2, Language of Parts).

Staff write the help center, product names, ticket forms and their fields in Portuguese. On an
English or Spanish page those words must carry ``lang="pt-BR"`` so that a screen reader reads
them with Portuguese pronunciation. The page's own language comes from ``<html lang>``; these
tags only speak up when the content's language differs from it.

A piece of content says which language it is in through a ``content_language`` attribute (a
future "content translations" feature sets it to the language actually shown, fallback included);
without one it is in ``CONTENT_LANGUAGE``, Portuguese.

    <h1{% content_lang category %}>{{ category.name }}</h1>
    {% blocktranslate with name=product.name|in_content_lang %}Suporte para {{ name }}{% endblocktranslate %}
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from helpcenter.models import SOURCE_LANGUAGE

register = template.Library()

#: The language staff write content in.
CONTENT_LANGUAGE = SOURCE_LANGUAGE


def language_of(item=None) -> str:
    """The language ``item`` is written in: a language code itself, its ``content_language``, else Portuguese."""
    if isinstance(item, str) and item:
        return item
    return getattr(item, "content_language", None) or CONTENT_LANGUAGE


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def lang_attribute(language: str) -> str:
    """' lang="pt-BR"' when ``language`` is not the page's language, else ''."""
    if _primary(language) == _primary(get_language() or CONTENT_LANGUAGE):
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag
def content_lang(item=None) -> str:
    """An attribute for the element holding ``item``'s text: ' lang="pt-BR"' on an en or es page."""
    return lang_attribute(language_of(item))


@register.filter
def in_content_lang(value, item=None) -> str:
    """``value`` wrapped in a <span lang> when its language is not the page's (for text inside sentences)."""
    attribute = lang_attribute(language_of(item))
    if not attribute or value in (None, ""):
        return value
    return format_html("<span{}>{}</span>", attribute, value)


@register.filter
def shown_in_portuguese(item) -> bool:
    """True when ``item`` is shown in Portuguese to a reader of another language (no translation yet)."""
    return _primary(language_of(item)) == _primary(CONTENT_LANGUAGE) != _primary(get_language() or CONTENT_LANGUAGE)
