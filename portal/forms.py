from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("CPF ou e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Senha"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "CPF, e-mail ou senha incorretos. Confira os dados e tente de novo; "
            "se esqueceu a senha, use “Esqueci minha senha”."
        ),
        "inactive": _("Esta conta está desativada. Fale com o gestor da sua empresa."),
    }


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail cadastrado"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
