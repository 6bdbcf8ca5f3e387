from django import forms
from django.utils.translation import gettext_lazy as _

from helpcenter.search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Buscar na Central de Ajuda"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": _("Use no máximo %(limit_value)d caracteres na busca. Tente com menos palavras.")
        },
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Ex: segunda via de boleto")}),
    )

    def clean_q(self) -> str:
        # Control characters never belong in a query, and PostgreSQL refuses NUL outright.
        return "".join(char for char in self.cleaned_data["q"] if char.isprintable()).strip()


class VoteForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("sim", _("Sim")), ("nao", _("Não"))], coerce=lambda value: value == "sim"
    )
