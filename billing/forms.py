from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from billing.models import Invoice


class InvoiceFilterForm(forms.Form):
    """The list's filters; anything unknown in the query string is ignored, never an error page."""

    situacao = forms.ChoiceField(label=_("Situação"), required=False)
    periodo = forms.ChoiceField(label=_("Competência"), required=False)
    contrato = forms.ChoiceField(label=_("Contrato"), required=False)

    def __init__(self, data, *, periods, contract_numbers):
        super().__init__(data)
        self.fields["situacao"].choices = [("", _("Todas")), *Invoice.SITUATIONS.items()]
        self.fields["periodo"].choices = [("", _("Todas"))] + [
            (f"{period:%Y-%m}", formats.date_format(period, "YEAR_MONTH_FORMAT")) for period in periods
        ]
        self.fields["contrato"].choices = [("", _("Todos")), *((number, number) for number in contract_numbers)]

    def filters(self) -> dict:
        """The valid filters; an invalid value is dropped alone."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields if self.cleaned_data.get(name)}
