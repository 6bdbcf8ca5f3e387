from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.identifiers import normalize_cpf, validate_cpf
from portal.models import Membership

ROLE_FIELD_HELP = _("O gestor convida, altera papéis e desativa pessoas; o membro acompanha a empresa.")


class InvitationForm(forms.Form):
    empresa = forms.TypedChoiceField(label=_("Empresa"), coerce=int)
    name = forms.CharField(label=_("Nome completo"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), max_length=254, help_text=_("O convite será enviado para este e-mail."))
    role = forms.ChoiceField(
        label=_("Papel"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
        help_text=ROLE_FIELD_HELP,
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organizations = {organization.pk: organization for organization in organizations}
        self.fields["empresa"].choices = [(pk, org.display_name) for pk, org in self.organizations.items()]
        if len(self.organizations) == 1:
            self.fields["empresa"].initial = next(iter(self.organizations))
            self.fields["empresa"].widget = forms.HiddenInput()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Informe o nome da pessoa."))
        return name

    @property
    def organization(self):
        return self.organizations[self.cleaned_data["empresa"]]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Papel"), choices=Membership.Role.choices)


class CpfField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("CPF"))
        kwargs.setdefault("max_length", 14)
        kwargs.setdefault("help_text", _("Ex: 000.000.000-00"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        validate_cpf(value)
        return normalize_cpf(value)


class NewAccountForm(forms.Form):
    """The invited person without an account: who they are, and their password."""

    name = forms.CharField(label=_("Nome completo"), max_length=150)
    cpf = CpfField()
    password1 = forms.CharField(
        label=_("Senha"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Pelo menos 10 caracteres, sem ser só números nem parecida com o seu nome, e-mail ou CPF."),
    )
    password2 = forms.CharField(
        label=_("Confirme a senha"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", _("As duas senhas não são iguais."))
        return cleaned


class ConfirmCpfForm(forms.Form):
    cpf = CpfField(help_text=_("O CPF cadastrado na sua conta, para confirmar que o convite é para você."))
