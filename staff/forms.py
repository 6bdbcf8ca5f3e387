import re

from django import forms
from django.utils.translation import gettext_lazy as _


class AppCodeForm(forms.Form):
    """The 6-digit code an authenticator app shows."""

    code = forms.CharField(
        label=_("Código de 6 dígitos"),
        help_text=_("O código que o aplicativo autenticador mostra agora; ele muda a cada 30 segundos."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
                "size": 8,
            }
        ),
    )

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Digite os 6 números que o aplicativo mostra, sem letras."))
        return code


class RecoveryCodeForm(forms.Form):
    """One of the ten single-use codes shown when the app was set up."""

    recovery_code = forms.CharField(
        label=_("Código de recuperação"),
        help_text=_("Um dos 10 códigos que você guardou. Cada um vale uma única vez."),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}),
    )

    def clean_recovery_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["recovery_code"]).lower()
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise forms.ValidationError(_("Um código de recuperação tem 8 letras e números, como “abcd2345”."))
        return code
