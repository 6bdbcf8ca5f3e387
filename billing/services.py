"""The 2ª via de boleto: the amount due today with fine and interest, and its issuance.

Rules (documented in the README):

- The new due date is today (the day the customer asks); no business-day roll-forward.
- Late by N days (new due date − original due date, when positive): the fine is the invoice's
  ``late_fee_percent`` of the principal, once; the interest is ``monthly_interest_percent`` a
  month pro rata die, over 30-day months: principal × rate / 100 / 30 × N.
- Each amount is rounded to cents on its own (half up), and the total is their sum, so the
  printed lines always add up.
- Every boleto handed out is recorded (``BoletoIssue``). Opening the page again on the same day
  shows the same boleto: it is recorded once per invoice, person and due date.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from billing import febraban, pix
from billing.models import BoletoIssue, Invoice

CENT = Decimal("0.01")

# The beneficiary (cedente) of the boletos: the company's collection agreement with its bank.
BANK_CODE = "001"  # Banco do Brasil
AGREEMENT = "3128557"  # convênio de 7 dígitos: campo livre "000000" + convênio + nosso número (10) + carteira
WALLET = "17"
BENEFICIARY_NAME = "Serpro"
BENEFICIARY_CNPJ = "33683111000107"
BENEFICIARY_CITY = "Brasilia"
PIX_KEY = "financeiro@serpro.example"


class NotReissuable(Exception):
    """The invoice is paid or cancelled: there is nothing to pay with a 2ª via."""


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Quote:
    principal: Decimal
    days_late: int
    fine: Decimal
    interest: Decimal
    due_date: datetime.date

    @property
    def total(self) -> Decimal:
        return self.principal + self.fine + self.interest


def reissue_quote(invoice: Invoice, *, on: datetime.date) -> Quote:
    """What the invoice costs when paid on ``on``."""
    days_late = max((on - invoice.due_date).days, 0)
    principal = invoice.amount
    fine = _cents(principal * invoice.late_fee_percent / 100) if days_late else Decimal("0.00")
    interest = _cents(principal * invoice.monthly_interest_percent / 100 / 30 * days_late)
    return Quote(principal=principal, days_late=days_late, fine=fine, interest=interest, due_date=on)


def free_field(*, our_number: str) -> str:
    """Banco do Brasil's campo livre for 7-digit agreements: zeros (6), agreement (7), the
    nosso número's complement (10) and the wallet (2)."""
    return f"000000{AGREEMENT}{our_number}{WALLET}"


@transaction.atomic
def boleto_issue(*, invoice: Invoice, user, today: datetime.date | None = None) -> BoletoIssue:
    """The updated boleto of an open or overdue invoice for paying today, recorded once a day."""
    if not invoice.can_reissue:
        raise NotReissuable(invoice.number)
    today = today or timezone.localdate()
    quote = reissue_quote(invoice, on=today)
    # Lock the invoice so two tabs asking at once get one boleto and distinct nossos números.
    Invoice.objects.select_for_update().filter(pk=invoice.pk).first()
    existing = (
        BoletoIssue.objects.filter(invoice=invoice, issued_by=user, due_date=today, total=quote.total)
        .order_by("-pk")
        .first()
    )
    if existing is not None:
        return existing
    sequence = BoletoIssue.objects.filter(invoice=invoice).count() + 1
    our_number = f"{invoice.pk % 10**7:07d}{sequence % 1000:03d}"
    code = febraban.barcode(bank=BANK_CODE, due=today, amount=quote.total, free_field=free_field(our_number=our_number))
    issue = BoletoIssue(
        invoice=invoice,
        issued_by=user,
        due_date=today,
        principal=quote.principal,
        fine=quote.fine,
        interest=quote.interest,
        total=quote.total,
        barcode=code,
        digitable_line=febraban.digitable_line(code),
        pix_payload=pix.payload(
            key=PIX_KEY,
            name=BENEFICIARY_NAME,
            city=BENEFICIARY_CITY,
            amount=quote.total,
            txid=f"{invoice.number}{our_number}",
        ),
    )
    issue.full_clean()
    issue.save()
    return issue
