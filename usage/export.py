"""Usage as CSV for Brazilian spreadsheets: ``;`` between fields, decimal comma, UTF-8 with BOM."""

import csv
import io

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tickets.export import neutralise
from usage.selectors import ContractUsage


def _decimal(value) -> str:
    return "" if value is None else number_format(value, decimal_pos=1, use_l10n=False).replace(".", ",")


def usage_csv(usages: list[ContractUsage]) -> str:
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";")
    writer.writerow(
        [
            _("Contrato"),
            _("Produto"),
            _("Empresa"),
            _("Mês"),
            _("Consumo"),
            _("Unidade"),
            _("Mesmo mês do ano anterior"),
            _("Variação (%)"),
            _("Franquia mensal"),
            _("Acima da franquia"),
        ]
    )
    for usage in usages:
        contract = usage.contract
        for month in usage.months:
            writer.writerow(
                [
                    neutralise(value)
                    for value in (
                        contract.number,
                        contract.product.name,
                        contract.organization.display_name,
                        month.month.strftime("%m/%Y"),
                        month.quantity,
                        usage.unit,
                        month.previous_year,
                        _decimal(month.variation),
                        "" if usage.allowance is None else usage.allowance,
                        _("Sim") if month.above_allowance else _("Não"),
                    )
                ]
            )
    return output.getvalue()
