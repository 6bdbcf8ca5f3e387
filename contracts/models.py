import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import Contract
from tickets.models import get_private_storage


def _document_path(document: "ContractDocument", filename: str) -> str:
    # A server-made name: the uploaded file's name is only metadata (original_name).
    return f"contratos/{document.date:%Y}/{uuid.uuid4().hex}"


class ContractDocument(models.Model):
    """A signed document of a contract (the contract itself, an aditivo …), kept in private storage."""

    class Kind(models.TextChoices):
        CONTRACT = "contrato", _("Contrato")
        AMENDMENT = "aditivo", _("Termo aditivo")
        OTHER = "outro", _("Outro documento")

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="documents", verbose_name=_("contrato")
    )
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind, default=Kind.CONTRACT)
    title = models.CharField(_("título"), max_length=200)
    date = models.DateField(_("data"), help_text=_("Data de assinatura ou de publicação."))
    file = models.FileField(_("arquivo"), storage=get_private_storage, upload_to=_document_path, max_length=200)
    original_name = models.CharField(_("nome do arquivo"), max_length=255, editable=False)
    content_type = models.CharField(_("tipo de conteúdo"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("tamanho"), default=0, editable=False)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("documento do contrato")
        verbose_name_plural = _("documentos do contrato")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["contrato", "aditivo", "outro"]), name="contracts_document_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("contracts:document", kwargs={"number": self.contract.number, "pk": self.pk})
