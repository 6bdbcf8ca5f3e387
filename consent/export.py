"""The consent history as CSV for Brazilian spreadsheets: ``;`` between fields, UTF-8 with BOM,
every cell that a spreadsheet would run as a formula neutralised."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from consent.models import ConsentEvent
from portal.models import Organization
from tickets.export import neutralise


def history_csv(organization: Organization, events) -> str:
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";")
    writer.writerow([_("Data e hora"), _("Empresa"), _("CNPJ"), _("Produto"), _("Ação"), _("Motivo"), _("Responsável")])
    for event in events:
        event: ConsentEvent
        writer.writerow(
            [
                neutralise(value)
                for value in (
                    timezone.localtime(event.created_at).strftime("%d/%m/%Y %H:%M:%S"),
                    organization.legal_name,
                    organization.cnpj_masked,
                    event.product.name,
                    event.get_action_display(),
                    event.reason,
                    event.actor_name,
                )
            ]
        )
    return output.getvalue()
