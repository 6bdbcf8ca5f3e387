"""Demo invoices: one a month for each demo contract over the last 24 months (or since it began),
most paid, the current one open, a few overdue and one cancelled, with notas fiscais for the
latest months. Runs after portal's demo, which creates the contracts. Idempotent."""

import datetime
import hashlib
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from reportlab.pdfgen import canvas

from billing.models import Invoice
from portal.models import Contract

MONTHS = 24
WITH_NOTA_FISCAL = 3  # the latest months carry their nota fiscal


def _months(start: datetime.date, today: datetime.date) -> list[datetime.date]:
    year, month = today.year, today.month
    periods = []
    for _index in range(MONTHS):
        period = datetime.date(year, month, 1)
        if period < start.replace(day=1):
            break
        periods.append(period)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return periods


def _amount(contract: Contract, period: datetime.date) -> Decimal:
    """A stable, lived-in amount: each contract its own base, varying a little month to month."""
    digest = hashlib.sha256(f"{contract.number}:{period:%Y-%m}".encode()).digest()
    base = 2_000 + int.from_bytes(hashlib.sha256(contract.number.encode()).digest()[:2]) % 40_000
    return (Decimal(base) * (Decimal(90 + digest[0] % 21) / 100)).quantize(Decimal("0.01"))


def _nota_fiscal_pdf(invoice: Invoice) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, f"Nota fiscal de servicos - fatura {invoice.number}")
    pdf.drawString(72, 740, f"Contrato {invoice.contract.number} - competencia {invoice.period:%m/%Y}")
    pdf.drawString(72, 720, f"Valor: R$ {invoice.amount}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def seed(stdout) -> None:
    today = timezone.localdate()
    count = 0
    contracts = list(Contract.objects.order_by("number"))
    for position, contract in enumerate(contracts):
        last = min(today, contract.end_date) if contract.end_date else today
        periods = _months(contract.start_date, last)
        for age, period in enumerate(periods):
            issue_date = period + datetime.timedelta(days=4)
            due_date = period + datetime.timedelta(days=19)
            status, paid_at = Invoice.Status.PAID, due_date - datetime.timedelta(days=2)
            if due_date >= today or (age == 1 and position % 3 == 0):
                status, paid_at = Invoice.Status.OPEN, None  # the current month, and some left overdue
            elif age == 5 and position % 4 == 1:
                status, paid_at = Invoice.Status.CANCELLED, None
            number = f"{contract.number.replace('/', '-')}-{period:%Y%m}"
            invoice, _created = Invoice.objects.update_or_create(
                number=number,
                defaults={
                    "contract": contract,
                    "period": period,
                    "issue_date": min(issue_date, today),
                    "due_date": max(due_date, min(issue_date, today)),
                    "amount": _amount(contract, period),
                    "status": status,
                    "paid_at": paid_at,
                },
            )
            if age < WITH_NOTA_FISCAL and not invoice.nota_fiscal and status != Invoice.Status.CANCELLED:
                invoice.nota_fiscal.save("nota-fiscal.pdf", ContentFile(_nota_fiscal_pdf(invoice)), save=True)
            count += 1
    stdout.write(f"  billing: {count} faturas de {len(contracts)} contratos, {MONTHS} meses de histórico\n")
