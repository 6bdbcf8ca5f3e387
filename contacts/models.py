"""Contatos: invitations to a company, the people who left it, and the trail of every change.

Access to a company is the existence of its ``portal.Membership`` row, everywhere in the portal.
So deactivating a person deletes that row (their access ends at once, on every page) and keeps a
``FormerMember`` so the list still shows them as inactive; reactivating recreates the row.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Membership, Organization

ROLE_CHOICES = Membership.Role.choices


class InvitationQuerySet(models.QuerySet):
    def open(self) -> "InvitationQuerySet":
        """Neither accepted nor cancelled (it may have expired)."""
        return self.filter(accepted_at__isnull=True, cancelled_at__isnull=True)

    def usable(self, *, now: datetime.datetime | None = None) -> "InvitationQuerySet":
        return self.open().filter(expires_at__gt=now or timezone.now())


class Invitation(models.Model):
    """A gestor's invitation of a person, by e-mail, to one company. Only the token's hash is kept."""

    LIFETIME = datetime.timedelta(days=7)

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("empresa")
    )
    name = models.CharField(_("nome"), max_length=150)
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("papel"), max_length=10, choices=ROLE_CHOICES, default=Membership.Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("convidado por"),
    )
    created_at = models.DateTimeField(_("enviado em"), default=timezone.now)
    expires_at = models.DateTimeField(_("expira em"))
    accepted_at = models.DateTimeField(_("aceito em"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aceito por"),
    )
    cancelled_at = models.DateTimeField(_("cancelado em"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("convite")
        verbose_name_plural = _("convites")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                "organization",
                Lower("email"),
                condition=Q(accepted_at__isnull=True, cancelled_at__isnull=True),
                name="contacts_invitation_one_open_per_email",
                violation_error_message=_("Já há um convite pendente para este e-mail nesta empresa."),
            ),
            models.CheckConstraint(condition=Q(role__in=["gestor", "membro"]), name="contacts_invitation_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.cancelled_at is None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class FormerMember(models.Model):
    """A person deactivated in a company: no Membership any more, listed as inactive."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="former_members", verbose_name=_("empresa")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("usuário")
    )
    role = models.CharField(_("último papel"), max_length=10, choices=ROLE_CHOICES)
    deactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("desativado por"),
    )
    deactivated_at = models.DateTimeField(_("desativado em"), default=timezone.now)

    class Meta:
        verbose_name = _("pessoa inativa")
        verbose_name_plural = _("pessoas inativas")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="contacts_formermember_unique"),
            models.CheckConstraint(condition=Q(role__in=["gestor", "membro"]), name="contacts_formermember_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization}"


class ContactEvent(models.Model):
    """One change to a company's people, as it was: who did it, to whom, what changed. Never edited."""

    class Action(models.TextChoices):
        INVITED = "convidou", _("Convidou")
        RESENT = "reenviou", _("Reenviou convite")
        CANCELLED = "cancelou", _("Cancelou convite")
        ACCEPTED = "aceitou", _("Aceitou convite")
        ROLE_CHANGED = "alterou_papel", _("Alterou papel")
        DEACTIVATED = "desativou", _("Desativou")
        REACTIVATED = "reativou", _("Reativou")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="contact_events", verbose_name=_("empresa")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("autor"),
    )
    actor_name = models.CharField(_("nome do autor"), max_length=150)
    action = models.CharField(_("ação"), max_length=20, choices=Action.choices)
    target_name = models.CharField(_("pessoa"), max_length=150)
    target_email = models.EmailField(_("e-mail da pessoa"))
    detail = models.CharField(_("detalhe"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("quando"), default=timezone.now)

    class Meta:
        verbose_name = _("registro de contatos")
        verbose_name_plural = _("histórico de contatos")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organization", "-created_at"], name="contacts_event_by_org")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    action__in=["convidou", "reenviou", "cancelou", "aceitou", "alterou_papel", "desativou", "reativou"]
                ),
                name="contacts_event_action_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor_name}: {self.get_action_display()} — {self.target_name}"

    @property
    def detail_display(self) -> str:
        """The detail in the reader's language: role codes ("membro → gestor") become their labels."""
        labels = dict(ROLE_CHOICES)
        return " → ".join(str(labels.get(part, part)) for part in self.detail.split(" → ")) if self.detail else ""
