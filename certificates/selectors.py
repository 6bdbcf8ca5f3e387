"""What the certificate pages show, and to whom.

One scope: the requests of the user's companies (``CertificateRequest.objects.of_user``); a gestor
and a membro both read, only a gestor asks (``services.can_request``). Anything else is a 404.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.models import CertificateRequest, CertificateStatusEvent
from portal.models import Membership, Organization
from portal.reminders import Reminder


def visible_requests(user) -> QuerySet[CertificateRequest]:
    return CertificateRequest.objects.of_user(user).select_related("organization")


def managed_organizations(user) -> QuerySet[Organization]:
    """The companies in which the user is a gestor, by name."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER).order_by(
        "legal_name"
    )


@dataclass(frozen=True)
class CompanyRequests:
    organization: Organization
    can_manage: bool
    requests: list[CertificateRequest]


def requests_page(user) -> list[CompanyRequests]:
    """Per company of the user, its requests newest first, each with the date of its last change.
    Two queries whatever the number of companies and requests."""
    memberships = list(
        Membership.objects.of_user(user).select_related("organization").order_by("organization__legal_name")
    )
    last_change = CertificateStatusEvent.objects.filter(request=OuterRef("pk")).order_by("-at", "-pk").values("at")[:1]
    by_company: dict[int, list[CertificateRequest]] = {}
    for request in CertificateRequest.objects.filter(
        organization__in=[membership.organization_id for membership in memberships]
    ).annotate(changed_at=Subquery(last_change)):
        by_company.setdefault(request.organization_id, []).append(request)
    return [
        CompanyRequests(
            membership.organization,
            membership.role == Membership.Role.MANAGER,
            by_company.get(membership.organization_id, []),
        )
        for membership in memberships
    ]


def renewal_reminders(user, *, today: datetime.date | None = None) -> list[Reminder]:
    """For the home page: the issued certificates of the user's companies that expire within 30
    days or expired in the last 30, not yet renewed. One query."""
    today = today or timezone.localdate()
    certificates = (
        CertificateRequest.objects.of_user(user)
        .expiring(today=today)
        .annotate(role=F("organization__memberships__role"))
        .order_by("expires_at", "pk")
    )
    reminders = []
    for certificate in certificates:
        expires = timezone.localtime(certificate.expires_at).date()
        days = (expires - today).days
        values = {
            "label": certificate.label,
            "holder": certificate.holder_name,
            "days": days,
            "date": formats.date_format(expires, "SHORT_DATE_FORMAT"),
        }
        if days > 0:
            text = ngettext(
                "O certificado %(label)s de %(holder)s vence em %(days)d dia (%(date)s).",
                "O certificado %(label)s de %(holder)s vence em %(days)d dias (%(date)s).",
                days,
            )
        elif days == 0:
            text = _("O certificado %(label)s de %(holder)s vence hoje (%(date)s).")
        else:
            text = _("O certificado %(label)s de %(holder)s venceu em %(date)s.")
        if certificate.role == Membership.Role.MANAGER:
            url = reverse("certificates:new") + f"?renovar={certificate.pk}"
            label = _("Solicitar renovação")
        else:
            url = certificate.get_absolute_url()
            label = _("Ver o certificado")
        reminders.append(Reminder(text=text % values, url=url, link_label=label))
    return reminders
