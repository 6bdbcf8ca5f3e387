from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpcenter.templatetags.content_lang import language_of
from helpcenter.widgets import ContentLanguageSelect


class ChooserForm(forms.Form):
    """Criar novo: a main subject *or* one of the company's contracted products, never both."""

    subject = forms.ChoiceField(label=_("Assunto principal"), required=False, widget=ContentLanguageSelect)
    product = forms.ChoiceField(label=_("Produto ou serviço contratado"), required=False, widget=ContentLanguageSelect)

    def __init__(self, *args, subject_forms, product_forms, visitor=False, **kwargs):
        super().__init__(*args, **kwargs)
        if visitor:  # a visitor has no contracts: any product of the catalog
            self.fields["product"].label = _("Produto ou serviço")
        self.fields["subject"].choices = [
            ("", _("Escolha um assunto")),
            *((f.slug, f.subject.name) for f in subject_forms),
        ]
        self.fields["product"].choices = [
            ("", _("Escolha um produto")),
            *((f.slug, f.product.name) for f in product_forms),
        ]
        self.fields["subject"].widget.languages = {f.slug: language_of(f.subject) for f in subject_forms}
        self.fields["product"].widget.languages = {f.slug: language_of(f.product) for f in product_forms}

    def clean(self):
        cleaned = super().clean()
        subject, product = cleaned.get("subject"), cleaned.get("product")
        if subject and product:
            raise ValidationError(
                _("Escolha só um: o assunto principal ou o produto contratado. Deixe o outro em branco."),
                code="both",
            )
        if not subject and not product and not self.errors:
            raise ValidationError(_("Escolha um assunto principal ou um produto contratado."), code="neither")
        return cleaned

    @property
    def chosen_slug(self) -> str:
        # Once the form is valid, clean() has made sure exactly one of them was chosen.
        return self.cleaned_data.get("subject") or self.cleaned_data["product"]
