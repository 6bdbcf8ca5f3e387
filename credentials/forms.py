from django import forms
from django.utils.translation import gettext_lazy as _

from credentials import selectors
from credentials.models import ApiCredential


class CredentialForm(forms.Form):
    """A new key: one of the user's managed contracts in force, and a name to recognise it by."""

    contract = forms.ModelChoiceField(
        label=_("Contrato"),
        queryset=None,
        to_field_name="number",
        empty_label=_("Escolha o contrato"),
        error_messages={
            "required": _("Escolha o contrato da chave."),
            "invalid_choice": _("Escolha um dos contratos ativos das empresas de que você é gestor."),
        },
    )
    name = forms.CharField(
        label=_("Nome da chave"),
        max_length=ApiCredential._meta.get_field("name").max_length,
        help_text=ApiCredential._meta.get_field("name").help_text,
        error_messages={"required": _("Dê um nome à chave, para reconhecê-la depois.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = selectors.managed_active_contracts(user)
        self.fields["contract"].label_from_instance = lambda contract: (
            f"{contract.number} · {contract.product.name} · {contract.organization.display_name}"
        )
