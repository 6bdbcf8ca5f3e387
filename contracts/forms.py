from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Contract


class ContractFilterForm(forms.Form):
    """Filters of the contract list, read from the query string (company-level data only)."""

    situacao = forms.ChoiceField(
        label=_("Situação"), required=False, choices=[("", _("Todas")), *Contract.Status.choices]
    )
    empresa = forms.ChoiceField(label=_("Empresa"), required=False)

    def __init__(self, *args, companies: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["empresa"].choices = [("", _("Todas")), *companies]

    def filters(self) -> dict[str, str]:
        """What to filter by; an invalid value (a stale link) filters by nothing rather than failing."""
        if not self.is_valid():
            return {"status": "", "cnpj": ""}
        return {"status": self.cleaned_data["situacao"], "cnpj": self.cleaned_data["empresa"]}
