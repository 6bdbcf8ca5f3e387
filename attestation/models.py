"""Ateste de Serviços: a gestor's declaration, for one closed billing period of one contract, that
the service was delivered (atestado) or not (contestado, with a reason and a ticket).

A record is a signed statement: it is never changed nor deleted. The model refuses ``save()`` on an
existing row and ``delete()``; its QuerySet refuses bulk ``update()``/``delete()``; and a database
trigger (migration 0002) refuses UPDATE and DELETE from any other path. One record per contract and
period (a unique constraint), so a period is attested or contested once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.identifiers import CPFField, mask_cpf
from portal.models import Contract

REASON_MAX_LENGTH = 5000


class ImmutableRecordError(Exception):
    """An attempt to change or delete a recorded attestation."""


class AttestationQuerySet(models.QuerySet):
    def of_contracts(self, contracts) -> "AttestationQuerySet":
        return self.filter(contract__in=contracts)

    def update(self, **kwargs):
        raise ImmutableRecordError("Um ateste registrado não pode ser alterado.")

    def delete(self):
        raise ImmutableRecordError("Um ateste registrado não pode ser excluído.")


class Attestation(models.Model):
    """The gestor's declaration about one closed billing period of a contract."""

    class Kind(models.TextChoices):
        ATTESTED = "atestado", _("Atestado")
        CONTESTED = "contestado", _("Contestado")

    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="attestations", verbose_name=_("contrato")
    )
    period = models.DateField(_("competência"), help_text=_("O primeiro dia do mês atestado."))
    invoice = models.ForeignKey(
        "billing.Invoice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attestations",
        verbose_name=_("fatura"),
    )
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("motivo da contestação"), max_length=REASON_MAX_LENGTH, blank=True)
    ticket = models.OneToOneField(
        "tickets.Ticket",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attestation",
        verbose_name=_("ticket"),
    )
    # The declarant as they were at the time: name and CPF are copied, not read through the account.
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("declarado por")
    )
    declarant_name = models.CharField(_("nome do declarante"), max_length=150)
    declarant_cpf = CPFField(_("CPF do declarante"))
    declared_at = models.DateTimeField(_("declarado em"), default=timezone.now)

    objects = AttestationQuerySet.as_manager()

    class Meta:
        ordering = ["-period", "contract__number"]
        verbose_name = _("ateste")
        verbose_name_plural = _("atestes")
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "period"],
                name="attestation_one_per_contract_period",
                violation_error_message=_("Este período já foi atestado ou contestado."),
            ),
            models.CheckConstraint(condition=Q(period__day=1), name="attestation_period_first_day"),
            models.CheckConstraint(
                condition=Q(kind="atestado", reason="", ticket__isnull=True)
                | (Q(kind="contestado", ticket__isnull=False) & ~Q(reason="")),
                name="attestation_kind_consistent",
                violation_error_message=_("Uma contestação tem motivo e ticket; um ateste não tem nenhum dos dois."),
            ),
        ]
        indexes = [models.Index(fields=["-period"], name="attestation_by_period")]

    def __str__(self) -> str:
        return f"{self.contract.number} — {self.period:%m/%Y} — {self.get_kind_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableRecordError("Um ateste registrado não pode ser alterado.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Um ateste registrado não pode ser excluído.")

    @property
    def declarant_cpf_masked(self) -> str:
        return mask_cpf(self.declarant_cpf)

    @property
    def is_contested(self) -> bool:
        return self.kind == self.Kind.CONTESTED
