"""Solicitação Certificado Digital: a company's request for an e-CPF or e-CNPJ certificate.

A gestor asks (``certificates.services.certificate_request``); the "Certificação Digital" team
(a ``tickets.Team``, created by migration 0002) validates it in the admin and either issues the
certificate or refuses the request with a reason the customer reads. Every change of status is
a ``CertificateStatusEvent``: the customer's timeline and the staff's history.

The rules that tie the fields together (which validity a medium allows, which delivery, which
document the holder has) live in ``CertificateRequest.clean()``, so the form, the admin and the
services all answer with the same message on the same field.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.identifiers import mask_cnpj, mask_cpf, normalize_cnpj, normalize_cpf, validate_cnpj, validate_cpf
from portal.models import Organization
from tickets.models import Team, Ticket

#: The team that works the requests (migration 0002 creates it).
TEAM_NAME = "Certificação Digital"
#: How long before (and after) the expiry the home page reminds the company to renew.
RENEWAL_WINDOW_DAYS = 30
REASON_MAX_LENGTH = 2000

VALIDITY_YEARS = {"a1": (1,), "a3": (1, 2, 3)}

SERVICE_UNITS = [
    ("brasilia", _("Brasília (DF) — SGAN 601, Módulo V")),
    ("sao-paulo", _("São Paulo (SP) — Rua Olímpio de Melo, 1301")),
    ("rio-de-janeiro", _("Rio de Janeiro (RJ) — Av. Presidente Vargas, 1012")),
    ("porto-alegre", _("Porto Alegre (RS) — Av. Augusto de Carvalho, 1133")),
    ("recife", _("Recife (PE) — Av. Parnamirim, 295")),
]

STATES = [
    (uf, uf)
    for uf in (
        "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split()  # noqa: SIM905
    )
]


class CertificateRequestQuerySet(models.QuerySet):
    def of_user(self, user) -> "CertificateRequestQuerySet":
        """The requests of the user's companies (gestor or membro); nothing for anyone else."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__memberships__user=user)

    def worked_by(self, user) -> "CertificateRequestQuerySet":
        """What a staff member works: their teams' requests; every request for supervisors."""
        from tickets.permissions import is_supervisor

        if is_supervisor(user):
            return self
        return self.filter(team__members=user)

    def expiring(self, *, today: datetime.date | None = None) -> "CertificateRequestQuerySet":
        """Issued certificates that expire within the renewal window, or expired within it, and
        for which no renewal is under way or done."""
        today = today or timezone.localdate()
        window = datetime.timedelta(days=RENEWAL_WINDOW_DAYS)
        renewed = CertificateRequest.objects.filter(renewal_of=models.OuterRef("pk")).exclude(
            status=CertificateRequest.Status.REFUSED
        )
        return self.filter(
            status=CertificateRequest.Status.ISSUED,
            expires_at__date__gte=today - window,
            expires_at__date__lte=today + window,
        ).exclude(models.Exists(renewed))


class CertificateRequest(models.Model):
    class Kind(models.TextChoices):
        ECPF = "e-cpf", _("e-CPF")
        ECNPJ = "e-cnpj", _("e-CNPJ")

    class Media(models.TextChoices):
        A1 = "a1", _("A1 — arquivo no computador")
        A3 = "a3", _("A3 — token ou cartão")

    class Delivery(models.TextChoices):
        DOWNLOAD = "download", _("Link para download enviado ao e-mail do titular")
        PICKUP = "retirada", _("Retirada em uma unidade de atendimento")
        MAIL = "correio", _("Envio pelos Correios")

    class Status(models.TextChoices):
        REQUESTED = "solicitado", _("Solicitado")
        VALIDATING = "em_validacao", _("Em validação")
        ISSUED = "emitido", _("Emitido")
        REFUSED = "recusado", _("Recusado")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="certificate_requests", verbose_name=_("empresa")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("solicitado por"),
    )
    # The requester as they were: the request keeps its author if the account goes away.
    requester_name = models.CharField(_("nome do solicitante"), max_length=150)
    requester_email = models.EmailField(_("e-mail do solicitante"))
    language = models.CharField(_("idioma"), max_length=5, choices=Ticket.Language, default=Ticket.Language.PORTUGUESE)

    kind = models.CharField(_("tipo"), max_length=6, choices=Kind.choices)
    media = models.CharField(_("mídia"), max_length=2, choices=Media.choices)
    validity_years = models.PositiveSmallIntegerField(_("validade (anos)"))
    holder_name = models.CharField(_("nome do titular"), max_length=200)
    holder_document = models.CharField(
        _("CPF ou CNPJ do titular"), max_length=14, help_text=_("CPF para e-CPF, CNPJ para e-CNPJ.")
    )
    holder_email = models.EmailField(_("e-mail do titular"))

    delivery = models.CharField(_("entrega"), max_length=10, choices=Delivery.choices)
    service_unit = models.CharField(_("unidade de atendimento"), max_length=20, choices=SERVICE_UNITS, blank=True)
    postal_code = models.CharField(_("CEP"), max_length=9, blank=True)
    street = models.CharField(_("logradouro"), max_length=200, blank=True)
    street_number = models.CharField(_("número"), max_length=20, blank=True)
    complement = models.CharField(_("complemento"), max_length=100, blank=True)
    district = models.CharField(_("bairro"), max_length=100, blank=True)
    city = models.CharField(_("cidade"), max_length=100, blank=True)
    state = models.CharField(_("UF"), max_length=2, choices=STATES, blank=True)

    status = models.CharField(_("situação"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    refusal_reason = models.TextField(_("motivo da recusa"), max_length=REASON_MAX_LENGTH, blank=True)
    serial_number = models.CharField(_("número de série"), max_length=64, blank=True)
    issued_at = models.DateTimeField(_("emitido em"), null=True, blank=True)
    expires_at = models.DateTimeField(_("válido até"), null=True, blank=True)

    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="certificate_requests", verbose_name=_("equipe")
    )
    renewal_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name=_("renovação de"),
    )
    created_at = models.DateTimeField(_("solicitado em"), default=timezone.now)
    updated_at = models.DateTimeField(_("atualizado em"), auto_now=True)

    objects = CertificateRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("solicitação de certificado digital")
        verbose_name_plural = _("solicitações de certificado digital")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["solicitado", "em_validacao", "emitido", "recusado"]),
                name="certificate_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(media="a1", validity_years=1, delivery="download")
                | Q(media="a3", validity_years__gte=1, validity_years__lte=3, delivery__in=["retirada", "correio"]),
                name="certificate_media_consistent",
                violation_error_message=_("A validade ou a entrega não combina com a mídia escolhida."),
            ),
            models.CheckConstraint(
                condition=~Q(status="recusado") | ~Q(refusal_reason=""),
                name="certificate_refusal_has_reason",
                violation_error_message=_("Informe o motivo da recusa."),
            ),
            models.CheckConstraint(
                condition=~Q(status="emitido")
                | Q(issued_at__isnull=False, expires_at__isnull=False) & ~Q(serial_number=""),
                name="certificate_issued_has_dates",
                violation_error_message=_("Um certificado emitido tem número de série, emissão e validade."),
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"], name="certificate_by_expiry")]

    def __str__(self) -> str:
        return f"{self.protocol} — {self.get_kind_display()} {self.media.upper()} — {self.holder_name}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:detail", args=[self.pk])

    @property
    def protocol(self) -> str:
        """The number the customer quotes: CD-2026-000123."""
        return f"CD-{self.created_at:%Y}-{self.pk or 0:06d}"

    @property
    def label(self) -> str:
        """'e-CNPJ A1', as customers name a certificate."""
        return f"{self.get_kind_display()} {self.media.upper()}"

    @property
    def holder_document_masked(self) -> str:
        if self.kind == self.Kind.ECPF:
            return mask_cpf(self.holder_document)
        return mask_cnpj(self.holder_document)

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.REQUESTED, self.Status.VALIDATING)

    @property
    def address_lines(self) -> list[str]:
        if self.delivery != self.Delivery.MAIL:
            return []
        first = ", ".join(part for part in (self.street, self.street_number, self.complement) if part)
        second = " — ".join(part for part in (self.district, f"{self.city}/{self.state}") if part)
        return [first, second, _("CEP %(cep)s") % {"cep": self.postal_code}]

    def clean(self) -> None:
        """The rules between fields, each error on the field the person should change."""
        errors: dict[str, list] = {}
        if self.kind == self.Kind.ECPF:
            self.holder_document = normalize_cpf(self.holder_document)
            validator = validate_cpf
        else:
            self.holder_document = normalize_cnpj(self.holder_document)
            validator = validate_cnpj
        if self.holder_document:
            try:
                validator(self.holder_document)
            except ValidationError as error:
                errors["holder_document"] = error.messages
        allowed = VALIDITY_YEARS.get(self.media, ())
        if self.media and self.validity_years and self.validity_years not in allowed:
            errors["validity_years"] = [
                _("O certificado A1 vale 1 ano.")
                if self.media == self.Media.A1
                else _("O certificado A3 vale de 1 a 3 anos.")
            ]
        if self.media == self.Media.A1 and self.delivery and self.delivery != self.Delivery.DOWNLOAD:
            errors["delivery"] = [_("O certificado A1 é um arquivo: ele é entregue por link no e-mail do titular.")]
        if self.media == self.Media.A3 and self.delivery == self.Delivery.DOWNLOAD:
            errors["delivery"] = [
                _("O certificado A3 vem num token ou cartão: retire numa unidade ou receba pelos Correios.")
            ]
        if self.delivery == self.Delivery.PICKUP and not self.service_unit:
            errors["service_unit"] = [_("Escolha a unidade de atendimento onde vai retirar o certificado.")]
        if self.delivery == self.Delivery.MAIL:
            required = ["postal_code", "street", "street_number", "district", "city", "state"]
            for name in required:
                if not getattr(self, name).strip():
                    errors[name] = [_("Informe este dado do endereço de entrega.")]
            cep = re.sub(r"[\s.-]", "", self.postal_code)
            if cep and not re.fullmatch(r"[0-9]{8}", cep):
                errors["postal_code"] = [_("CEP inválido. Informe os 8 dígitos, por exemplo 70000-000.")]
            elif cep:
                self.postal_code = f"{cep[:5]}-{cep[5:]}"
        else:
            # Only mail uses an address; only pick-up a unit. Nothing stale is kept.
            for name in ("postal_code", "street", "street_number", "complement", "district", "city", "state"):
                setattr(self, name, "")
        if self.delivery != self.Delivery.PICKUP:
            self.service_unit = ""
        if errors:
            raise ValidationError(errors)


class CertificateStatusEvent(models.Model):
    """One change of a request's status: when, by whom, and the note the customer reads."""

    request = models.ForeignKey(
        CertificateRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("solicitação")
    )
    from_status = models.CharField(_("de"), max_length=12, choices=CertificateRequest.Status.choices, blank=True)
    to_status = models.CharField(_("para"), max_length=12, choices=CertificateRequest.Status.choices)
    at = models.DateTimeField(_("em"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("por"),
    )
    note = models.TextField(_("observação"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("mudança de situação")
        verbose_name_plural = _("histórico de situações")

    def __str__(self) -> str:
        return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"
