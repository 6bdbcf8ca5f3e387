from django import forms
from django.utils.translation import gettext_lazy as _

from attestation.models import REASON_MAX_LENGTH


class ContestForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo da contestação"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Descreva o que não foi entregue ou o que está em desacordo (até 5000 caracteres)."),
    )
