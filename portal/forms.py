from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from portal.tasks import send_email


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


class PasswordResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail cadastrado"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Render now, in the visitor's language, and send from a background task."""
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = loader.render_to_string(html_email_template_name, context) if html_email_template_name else ""
        send_email.enqueue(subject=subject, body=body, to=[to_email], html_body=html_body)
