"""Compartilha RFB: a company's consent to share its Receita Federal (RFB) data with a product.

Three models:

- ``RfbDataUse`` marks a catalog product as one that reads the company's RFB data, with what it
  reads and why (staff write it; the customer reads it before deciding).
- ``ConsentEvent`` is the history: every grant and revocation, with its reason, who did it and
  when. It is append-only: the model refuses ``save()`` on an existing row and ``delete()``, its
  QuerySet refuses bulk ``update()``/``delete()``, and a database trigger (migration 0002) refuses
  UPDATE and DELETE from any other path.
- ``Consent`` is the current state of one company and product, kept by the services under a lock
  in the same transaction as the event, so pages read it in one query and a revocation is in
  effect as soon as it commits.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpcenter.models import Product
from portal.models import Organization

REASON_MAX_LENGTH = 1000
DESCRIPTION_MAX_LENGTH = 1000


class ImmutableEventError(Exception):
    """An attempt to change or delete a recorded consent event."""


class RfbDataUse(models.Model):
    """A product that reads the company's Receita Federal data, and so needs its consent."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="rfb_data_use", verbose_name=_("produto")
    )
    description = models.TextField(
        _("dados usados e finalidade"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_(
            "Em português, em uma ou duas frases: quais dados da Receita Federal o produto lê e para quê. "
            "O cliente lê este texto antes de conceder ou revogar o compartilhamento."
        ),
    )
    updated_at = models.DateTimeField(_("atualizado em"), auto_now=True)

    class Meta:
        ordering = ["product__name"]
        verbose_name = _("produto que usa dados da RFB")
        verbose_name_plural = _("produtos que usam dados da RFB")

    def __str__(self) -> str:
        return str(self.product)


class ConsentEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableEventError("O histórico de consentimentos não pode ser alterado.")

    def delete(self):
        raise ImmutableEventError("O histórico de consentimentos não pode ser excluído.")


class ConsentEvent(models.Model):
    """One grant or revocation, as it was made: never changed nor deleted."""

    class Action(models.TextChoices):
        GRANTED = "concedido", _("Concedido")
        REVOKED = "revogado", _("Revogado")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="rfb_consent_events", verbose_name=_("empresa")
    )
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="rfb_consent_events", verbose_name=_("produto")
    )
    action = models.CharField(_("ação"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("motivo"), max_length=REASON_MAX_LENGTH)
    # Who, as they were named at the time: the account may be renamed or removed later.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsável"),
    )
    actor_name = models.CharField(_("nome do responsável"), max_length=150)
    created_at = models.DateTimeField(_("data e hora"), default=timezone.now)

    objects = ConsentEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registro de consentimento")
        verbose_name_plural = _("histórico de consentimentos")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=["concedido", "revogado"]), name="consent_event_action_valid"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="consent_event_reason_required"),
        ]
        indexes = [models.Index(fields=["organization", "-created_at"], name="consent_event_by_company")]

    def __str__(self) -> str:
        return f"{self.organization.display_name} — {self.product} — {self.get_action_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableEventError("O histórico de consentimentos não pode ser alterado.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableEventError("O histórico de consentimentos não pode ser excluído.")

    @property
    def is_grant(self) -> bool:
        return self.action == self.Action.GRANTED


class Consent(models.Model):
    """The current state of one company's consent for one product: its latest event, in one row."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="rfb_consents", verbose_name=_("empresa")
    )
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="rfb_consents", verbose_name=_("produto")
    )
    granted = models.BooleanField(_("concedido"), default=False)
    last_event = models.OneToOneField(
        ConsentEvent, on_delete=models.PROTECT, related_name="+", verbose_name=_("última alteração")
    )
    updated_at = models.DateTimeField(_("atualizado em"), auto_now=True)

    class Meta:
        ordering = ["organization__legal_name", "product__name"]
        verbose_name = _("consentimento atual")
        verbose_name_plural = _("consentimentos atuais")
        constraints = [
            models.UniqueConstraint(fields=["organization", "product"], name="consent_one_per_company_product"),
        ]

    def __str__(self) -> str:
        state = _("concedido") if self.granted else _("revogado")
        return f"{self.organization.display_name} — {self.product} — {state}"
