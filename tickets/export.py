"""CSV export of tickets for staff: only the chosen rows, formulas neutralised, CPFs redacted by default."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.identifiers import mask_cnpj, mask_cpf, redact_cpf

#: A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def tickets_csv(tickets, *, reveal_cpf: bool) -> str:
    """The rows as CSV text (UTF-8 with BOM, so spreadsheet programs read the accents)."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    writer.writerow(
        [
            _("Protocolo"),
            _("Assunto"),
            _("Produto ou assunto"),
            _("Situação"),
            _("Prioridade"),
            _("Solicitante"),
            _("CPF"),
            _("CNPJ"),
            _("E-mail"),
            _("Equipe"),
            _("Responsável"),
            _("Aberta em"),
            _("Prazo"),
        ]
    )
    for ticket in tickets:
        writer.writerow(
            [
                neutralise(value)
                for value in (
                    ticket.protocol,
                    ticket.title,
                    ticket.about,
                    ticket.get_status_display(),
                    ticket.get_priority_display(),
                    ticket.requester_name,
                    mask_cpf(ticket.requester_cpf) if reveal_cpf else redact_cpf(ticket.requester_cpf),
                    mask_cnpj(ticket.cnpj),
                    ticket.email,
                    ticket.team,
                    ticket.assignee or "",
                    _local(ticket.created_at),
                    _local(ticket.due_at),
                )
            ]
        )
    return output.getvalue()
