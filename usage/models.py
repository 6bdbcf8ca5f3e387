"""How much of each contract's product a company used: one row per contract and day, and the monthly allowance."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Contract


class UsageAllowance(models.Model):
    """What a contract's monthly allowance (franquia) is, and the unit its usage is counted in."""

    contract = models.OneToOneField(
        Contract, on_delete=models.CASCADE, related_name="usage_allowance", verbose_name=_("contrato")
    )
    unit = models.CharField(
        _("unidade"), max_length=60, default="chamadas de API", help_text=_("Por exemplo: chamadas de API.")
    )
    monthly_quantity = models.PositiveBigIntegerField(
        _("franquia mensal"),
        null=True,
        blank=True,
        help_text=_("Quantidade incluída por mês. Em branco: o contrato não tem franquia."),
    )

    class Meta:
        ordering = ["contract__number"]
        verbose_name = _("franquia de consumo")
        verbose_name_plural = _("franquias de consumo")

    def __str__(self) -> str:
        return f"{self.contract.number} — {self.unit}"


class UsageRecord(models.Model):
    """A contract's usage of its product on one day."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="usage_records", verbose_name=_("contrato")
    )
    day = models.DateField(_("dia"))
    quantity = models.PositiveBigIntegerField(_("quantidade"), validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["-day"]
        verbose_name = _("registro de consumo")
        verbose_name_plural = _("registros de consumo")
        constraints = [
            # One row per contract (and so per product: a contract is for one product) and day. Its
            # index, (contract, day) covering quantity, answers the page's monthly sums by itself
            # (an index-only scan: bench/usage.py shows it at 1M rows).
            models.UniqueConstraint(
                fields=["contract", "day"], include=["quantity"], name="usage_record_one_per_contract_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract_id} {self.day}: {self.quantity}"
