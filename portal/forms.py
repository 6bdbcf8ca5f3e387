from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("CPF ou e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
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
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class NoAutofocusMixin:
    """Django's password forms put the focus in their first field on load; we leave it at the top of
    the page, so a screen reader user hears the page from its title (WCAG 3.2.1, 2.4.3)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("autofocus", None)


class PasswordChangeForm(NoAutofocusMixin, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(NoAutofocusMixin, auth_forms.SetPasswordForm):
    pass
