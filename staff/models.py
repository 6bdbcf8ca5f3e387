"""Staff accounts as the two-factor admin sees them; the factors themselves are django-otp's devices."""

from typing import ClassVar

from django.db import models
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from portal.models import User


def _count(queryset, user_field: str) -> Coalesce:
    """How many rows of ``queryset`` belong to the outer user, as a subquery (no join, no GROUP BY outside)."""
    counted = queryset.filter(**{user_field: OuterRef("pk")}).values(user_field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class StaffMemberQuerySet(models.QuerySet):
    def with_factors(self) -> "StaffMemberQuerySet":
        """Each person with what they have set up: the app, how many passkeys and recovery codes are left."""
        return self.annotate(
            has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            passkey_count=_count(WebAuthnCredential.objects.filter(confirmed=True), "user"),
            recovery_codes_left=_count(StaticToken.objects.filter(device__confirmed=True), "device__user"),
        )


_StaffMemberManagerBase = models.Manager.from_queryset(StaffMemberQuerySet)


class StaffMemberManager(_StaffMemberManagerBase):
    def get_queryset(self):
        return super().get_queryset().filter(is_staff=True)


class StaffMember(User):
    """A member of staff, for the supervisors' page that resets a colleague's second factors."""

    # Deliberately not a UserManager: this proxy only lists staff (with their factors), it makes no accounts.
    objects: ClassVar[StaffMemberManager] = StaffMemberManager()  # type: ignore[assignment]

    class Meta:
        proxy = True
        verbose_name = _("verificação em duas etapas de um colega")
        verbose_name_plural = _("verificação em duas etapas da equipe")
