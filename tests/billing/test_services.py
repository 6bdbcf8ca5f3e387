"""The 2ª via's arithmetic and its record."""

import datetime
from decimal import Decimal

import pytest

from billing import febraban, pix, services
from billing.models import BoletoIssue
from tests.billing.factories import InvoiceFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DUE = datetime.date(2026, 10, 20)


def _invoice(**kwargs):
    defaults = {"issue_date": datetime.date(2026, 10, 5), "due_date": DUE, "amount": Decimal("1000.00")}
    return InvoiceFactory.build(**{**defaults, **kwargs})


def test_paying_on_the_due_date_costs_the_original_amount():
    quote = services.reissue_quote(_invoice(), on=DUE)
    assert (quote.fine, quote.interest, quote.days_late) == (Decimal("0.00"), Decimal("0.00"), 0)
    assert quote.total == Decimal("1000.00")


def test_late_payment_adds_a_two_percent_fine_and_one_percent_a_month_pro_rata_die():
    quote = services.reissue_quote(_invoice(), on=DUE + datetime.timedelta(days=15))
    assert quote.days_late == 15
    assert quote.fine == Decimal("20.00")
    assert quote.interest == Decimal("5.00")  # 1000 × 1% / 30 × 15
    assert quote.total == Decimal("1025.00")


def test_each_amount_is_rounded_to_cents_half_up_and_the_total_adds_up():
    quote = services.reissue_quote(_invoice(amount=Decimal("1234.57")), on=DUE + datetime.timedelta(days=7))
    assert quote.fine == Decimal("24.69")  # 24.6914
    assert quote.interest == Decimal("2.88")  # 1234.57 × 0.01 / 30 × 7 = 2.88066…
    assert quote.total == Decimal("1262.14")
    assert quote.total.as_tuple().exponent == -2


def test_the_invoice_keeps_its_own_late_payment_terms():
    invoice = _invoice(late_fee_percent=Decimal("10"), monthly_interest_percent=Decimal("3"))
    quote = services.reissue_quote(invoice, on=DUE + datetime.timedelta(days=30))
    assert (quote.fine, quote.interest) == (Decimal("100.00"), Decimal("30.00"))


def test_issuing_records_the_boleto_with_valid_codes_for_today():
    user = UserFactory()
    invoice = InvoiceFactory(overdue=True, amount=Decimal("1000.00"))
    today = datetime.date.today()
    issue = services.boleto_issue(invoice=invoice, user=user)
    assert BoletoIssue.objects.get() == issue
    assert (issue.issued_by, issue.due_date, issue.principal) == (user, today, Decimal("1000.00"))
    assert (issue.fine, issue.interest, issue.total) == (Decimal("20.00"), Decimal("3.33"), Decimal("1023.33"))
    assert febraban.is_valid_barcode(issue.barcode)
    assert issue.barcode[:3] == "001"
    assert issue.barcode[5:9] == f"{febraban.due_factor(today):04d}"
    assert issue.barcode[9:19] == "0000102333"
    assert febraban.barcode_from_digitable_line(issue.digitable_line) == issue.barcode
    assert pix.is_valid(issue.pix_payload)
    assert "54071023.33" in issue.pix_payload


def test_asking_again_the_same_day_gives_the_same_boleto_and_another_day_a_new_one():
    user = UserFactory()
    invoice = InvoiceFactory(overdue=True)
    first = services.boleto_issue(invoice=invoice, user=user)
    assert services.boleto_issue(invoice=invoice, user=user) == first
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    second = services.boleto_issue(invoice=invoice, user=user, today=tomorrow)
    assert second != first
    assert second.barcode != first.barcode  # another nosso número, another amount
    assert BoletoIssue.objects.count() == 2


@pytest.mark.parametrize("trait", ["paid", "cancelled"])
def test_paid_or_cancelled_invoices_have_no_2a_via(trait):
    invoice = InvoiceFactory(**{trait: True})
    with pytest.raises(services.NotReissuable):
        services.boleto_issue(invoice=invoice, user=UserFactory())
    assert not BoletoIssue.objects.exists()
