"""What the customer API keeps of its own: the answers to requests sent with an Idempotency-Key."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from credentials.models import ApiCredential


class IdempotencyRecord(models.Model):
    """A POST done once for (key, Idempotency-Key): its fingerprint and its answer, kept for 24 hours.

    The row is written in the same transaction as the work it records, so another request with
    the same key waits on the unique index and then finds the finished answer; it never runs twice.
    """

    credential = models.ForeignKey(
        ApiCredential, on_delete=models.CASCADE, related_name="+", verbose_name=_("chave de acesso")
    )
    key = models.CharField(_("chave de idempotência"), max_length=255)
    #: SHA-256 of the method, path and parsed body: the same key with another request is refused.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(_("status da resposta"), null=True)
    body = models.JSONField(_("corpo da resposta"), null=True)
    created_at = models.DateTimeField(_("criado em"), default=timezone.now)
    expires_at = models.DateTimeField(_("expira em"))

    class Meta:
        verbose_name = _("requisição idempotente")
        verbose_name_plural = _("requisições idempotentes")
        constraints = [
            models.UniqueConstraint(fields=["credential", "key"], name="api_idempotency_one_per_key"),
        ]
        indexes = [models.Index(fields=["expires_at"], name="api_idempotency_expiry")]

    def __str__(self) -> str:
        return f"{self.credential_id} {self.key}"
