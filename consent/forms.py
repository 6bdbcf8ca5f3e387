from django import forms
from django.utils.translation import gettext_lazy as _

from consent.models import REASON_MAX_LENGTH


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fica registrado no histórico, com o seu nome, a data e a hora (até 1000 caracteres)."),
    )
