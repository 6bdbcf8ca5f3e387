"""Invoices of the customers' contracts, and every 2ª via de boleto issued for them.

Status: staff store ``aberta``, ``paga`` or ``cancelada``. "Vencida" is never stored: an open
invoice whose due date has passed *is* overdue, on the day it happens, without a job to flip it
(``InvoiceQuerySet.in_situation`` and ``Invoice.situation`` derive it).

Late payment: each invoice carries its contract's terms, copied from the defaults when staff
create it (2% fine once, 1% a month of interest pro rata die over 30-day months), so changing the
defaults never changes what an old invoice owes.
"""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Contract
from tickets.models import get_private_storage

DEFAULT_LATE_FEE_PERCENT = Decimal("2.00")
DEFAULT_MONTHLY_INTEREST_PERCENT = Decimal("1.00")

INVOICE_NUMBER_PATTERN = r"[A-Za-z0-9-]+"


def _nota_fiscal_path(invoice, filename: str) -> str:
    # A server-made name: the uploaded file's name is not trusted.
    return f"notas-fiscais/{invoice.period:%Y/%m}/{secrets.token_urlsafe(16)}.pdf"


class InvoiceQuerySet(models.QuerySet):
    def of_user(self, user) -> "InvoiceQuerySet":
        """Invoices of the contracts of the user's companies (gestor and membro alike)."""
        return self.filter(contract__in=Contract.objects.of_user(user))

    def overdue_q(self, today: datetime.date) -> Q:
        return Q(status=Invoice.Status.OPEN, due_date__lt=today)

    def in_situation(self, situation: str, *, today: datetime.date | None = None) -> "InvoiceQuerySet":
        today = today or timezone.localdate()
        if situation == Invoice.OVERDUE:
            return self.filter(self.overdue_q(today))
        if situation == Invoice.Status.OPEN:
            return self.filter(status=Invoice.Status.OPEN, due_date__gte=today)
        return self.filter(status=situation)


class Invoice(models.Model):
    """A monthly invoice (fatura) of a contract."""

    class Status(models.TextChoices):
        OPEN = "aberta", _("Aberta")
        PAID = "paga", _("Paga")
        CANCELLED = "cancelada", _("Cancelada")

    #: Derived, never stored: an open invoice past its due date.
    OVERDUE = "vencida"
    SITUATIONS = {
        Status.OPEN.value: _("Aberta"),
        OVERDUE: _("Vencida"),
        Status.PAID.value: _("Paga"),
        Status.CANCELLED.value: _("Cancelada"),
    }

    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="invoices", verbose_name=_("contrato")
    )
    number = models.CharField(
        _("número"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(rf"\A{INVOICE_NUMBER_PATTERN}\Z", _("Use letras, algarismos e hífen."))],
    )
    period = models.DateField(_("competência"), help_text=_("O primeiro dia do mês faturado."))
    issue_date = models.DateField(_("emissão"))
    due_date = models.DateField(_("vencimento"))
    amount = models.DecimalField(
        _("valor"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    status = models.CharField(_("situação"), max_length=10, choices=Status.choices, default=Status.OPEN)
    paid_at = models.DateField(_("paga em"), null=True, blank=True)
    late_fee_percent = models.DecimalField(
        _("multa por atraso (%)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_LATE_FEE_PERCENT,
        validators=[MinValueValidator(Decimal("0"))],
    )
    monthly_interest_percent = models.DecimalField(
        _("juros ao mês (%)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_MONTHLY_INTEREST_PERCENT,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Cobrados pro rata die, sobre meses de 30 dias."),
    )
    nota_fiscal = models.FileField(
        _("nota fiscal"), storage=get_private_storage, upload_to=_nota_fiscal_path, max_length=200, blank=True
    )

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-period", "number"]
        verbose_name = _("fatura")
        verbose_name_plural = _("faturas")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["aberta", "paga", "cancelada"]), name="billing_invoice_status_valid"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="billing_invoice_amount_positive"),
            models.CheckConstraint(
                condition=Q(due_date__gte=models.F("issue_date")),
                name="billing_invoice_due_after_issue",
                violation_error_message=_("O vencimento não pode ser anterior à emissão."),
            ),
            models.CheckConstraint(
                condition=Q(period__day=1),
                name="billing_invoice_period_first_day",
                violation_error_message=_("A competência é o primeiro dia do mês."),
            ),
            models.CheckConstraint(
                condition=Q(status="paga", paid_at__isnull=False) | ~Q(status="paga"),
                name="billing_invoice_paid_has_date",
                violation_error_message=_("Informe a data de pagamento de uma fatura paga."),
            ),
        ]
        indexes = [models.Index(fields=["contract", "-period"], name="billing_invoice_by_contract")]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("billing:reissue", kwargs={"number": self.number})

    def situation_on(self, today: datetime.date) -> str:
        if self.status == self.Status.OPEN and self.due_date < today:
            return self.OVERDUE
        return self.status

    @property
    def situation(self) -> str:
        return self.situation_on(timezone.localdate())

    @property
    def situation_label(self) -> str:
        return self.SITUATIONS[self.situation]

    @property
    def can_reissue(self) -> bool:
        """A 2ª via is for what is still to be paid: open or overdue invoices."""
        return self.status == self.Status.OPEN


class BoletoIssue(models.Model):
    """One 2ª via de boleto, as it was issued: who asked, the amounts and the codes handed out."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="boleto_issues", verbose_name=_("fatura")
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("emitida por"),
    )
    issued_at = models.DateTimeField(_("emitida em"), default=timezone.now)
    due_date = models.DateField(_("novo vencimento"))
    principal = models.DecimalField(_("valor original"), max_digits=14, decimal_places=2)
    fine = models.DecimalField(_("multa"), max_digits=14, decimal_places=2)
    interest = models.DecimalField(_("juros"), max_digits=14, decimal_places=2)
    total = models.DecimalField(_("total"), max_digits=14, decimal_places=2)
    barcode = models.CharField(_("código de barras"), max_length=44)
    digitable_line = models.CharField(_("linha digitável"), max_length=54)
    pix_payload = models.TextField(_("PIX copia e cola"))

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("2ª via de boleto")
        verbose_name_plural = _("2ªs vias de boleto")
        constraints = [
            models.CheckConstraint(
                condition=Q(total=models.F("principal") + models.F("fine") + models.F("interest")),
                name="billing_boletoissue_total_adds_up",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invoice} — {self.issued_at:%Y-%m-%d %H:%M}"
