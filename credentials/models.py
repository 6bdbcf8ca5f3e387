"""Chaves de Acesso: the consumer key and secret a company's systems use to call the customer API.

A credential belongs to one contract, and so to that contract's company. Its secret is shown once,
when it is created or rotated, and only its SHA-256 is kept: a secret is 256 random bits, so a fast
hash is as safe as a slow one and costs nothing per request. The key and secret are exchanged for a
short-lived bearer token (``AccessToken``, also kept only as a hash), which the API's requests carry.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Contract, Organization, User


class ApiCredentialQuerySet(models.QuerySet):
    def usable(self) -> "ApiCredentialQuerySet":
        """Not revoked, on a contract in force today."""
        return self.filter(revoked_at__isnull=True).filter(
            Contract.active_q(today=timezone.localdate(), prefix="contract__")
        )


class ApiCredential(models.Model):
    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="api_credentials", verbose_name=_("contrato")
    )
    name = models.CharField(
        _("nome"), max_length=80, help_text=_("Para reconhecer a chave depois, por exemplo: Sistema de cobrança.")
    )
    consumer_key = models.CharField(_("consumer key"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    #: After a rotation the previous secret keeps working until ``previous_secret_valid_until``, so the
    #: customer can switch their systems over without downtime.
    previous_secret_hash = models.CharField(max_length=64, blank=True, editable=False)
    previous_secret_valid_until = models.DateTimeField(_("segredo anterior válido até"), null=True, blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("criada por")
    )
    created_at = models.DateTimeField(_("criada em"), default=timezone.now)
    rotated_at = models.DateTimeField(_("renovada em"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revogada em"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("último uso"), null=True, blank=True)

    objects = ApiCredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("chave de acesso")
        verbose_name_plural = _("chaves de acesso")

    def __str__(self) -> str:
        return f"{self.name} ({self.consumer_key})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def previous_secret_active(self, *, now: datetime.datetime | None = None) -> bool:
        return bool(
            self.previous_secret_hash
            and self.previous_secret_valid_until
            and self.previous_secret_valid_until > (now or timezone.now())
        )


class AccessToken(models.Model):
    """A bearer token issued for a credential (OAuth2 client credentials); only its hash is kept."""

    credential = models.ForeignKey(
        ApiCredential, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("chave de acesso")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("emitido em"), default=timezone.now)
    expires_at = models.DateTimeField(_("expira em"))

    class Meta:
        verbose_name = _("token de acesso")
        verbose_name_plural = _("tokens de acesso")
        indexes = [models.Index(fields=["expires_at"], name="credentials_token_expiry")]

    def __str__(self) -> str:
        return f"{self.credential.name} — {self.expires_at:%Y-%m-%d %H:%M}"


class CredentialEvent(models.Model):
    """The audit trail of the company's keys: who created, rotated or revoked which, and when."""

    class Action(models.TextChoices):
        CREATED = "criada", _("Criou a chave")
        ROTATED = "renovada", _("Renovou o segredo")
        REVOKED = "revogada", _("Revogou a chave")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="credential_events", verbose_name=_("empresa")
    )
    credential = models.ForeignKey(
        ApiCredential, on_delete=models.CASCADE, related_name="events", verbose_name=_("chave de acesso")
    )
    action = models.CharField(_("ação"), max_length=10, choices=Action)
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("feito por")
    )
    #: The name at the time, kept if the account is later removed.
    actor_name = models.CharField(_("nome de quem fez"), max_length=150)
    #: Done by the portal's staff (through the admin), not by a gestor of the company.
    by_staff = models.BooleanField(_("pela equipe"), default=False)
    created_at = models.DateTimeField(_("em"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registro de chave de acesso")
        verbose_name_plural = _("registros de chaves de acesso")
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=["criada", "renovada", "revogada"]), name="credentials_event_action_valid"
            ),
        ]
        indexes = [models.Index(fields=["organization", "-created_at"], name="credentials_event_by_org")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.credential.name}"
