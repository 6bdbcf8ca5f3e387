"""Select and radio widgets whose options are content (WCAG 3.1.2, Language of Parts).

A subject, a product or a form field's choice is written by staff, in Portuguese unless a
translation is shown; on an English or Spanish page each such ``<option>`` says ``lang="pt-BR"``
so a screen reader pronounces it right. The empty "Escolha…" option is interface text: no mark.
"""

from collections.abc import Mapping

from django import forms

from helpcenter.templatetags.content_lang import lang_attribute, language_of


class ContentLanguageMixin:
    """Marks each option with its language when it is not the page's.

    ``languages`` maps an option's value to its language; a model choice's instance answers for
    itself (its ``content_language``); anything else is in ``default_language``.
    """

    def __init__(self, *args, languages: Mapping[str, str] | None = None, default_language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = dict(languages or {})
        self.default_language = default_language

    def __deepcopy__(self, memo):
        copied = super().__deepcopy__(memo)  # type: ignore[misc]
        copied.languages = dict(self.languages)
        return copied

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)  # type: ignore[misc]
        if value in (None, ""):
            return option
        instance = getattr(value, "instance", None)
        language = language_of(instance) if instance is not None else self.languages.get(str(value))
        if lang_attribute(language or language_of(self.default_language)):
            option["attrs"] = {**option["attrs"], "lang": language or language_of(self.default_language)}
        return option


class ContentLanguageSelect(ContentLanguageMixin, forms.Select):
    pass


class ContentLanguageRadioSelect(ContentLanguageMixin, forms.RadioSelect):
    pass


class ContentLanguageCheckboxSelectMultiple(ContentLanguageMixin, forms.CheckboxSelectMultiple):
    pass
