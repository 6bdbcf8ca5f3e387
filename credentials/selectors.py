"""What the Chaves de Acesso page shows, and to whom.

One scope: the companies the user belongs to. A gestor and a membro both read the keys of their
companies' contracts (never a secret: only its hash exists); only a gestor creates, rotates or
revokes them, and only a gestor reads the company's audit trail. A key or contract of another
company is simply not there (404).
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, ExpressionWrapper, QuerySet
from django.utils import timezone

from credentials.models import ApiCredential, CredentialEvent
from portal.models import Contract, Membership, Organization

AUDIT_PAGE_SIZE = 25


def visible_credentials(user) -> QuerySet[ApiCredential]:
    """The keys of the user's companies' contracts: the lookup every view starts from."""
    if not user.is_authenticated:
        return ApiCredential.objects.none()
    return ApiCredential.objects.filter(contract__organization__memberships__user=user)


def managed_organization_ids(user) -> set[int]:
    """The companies in which the user is a gestor."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role=Membership.Role.MANAGER).values_list("organization_id", flat=True)
    )


def managed_active_contracts(user, *, today: datetime.date | None = None) -> QuerySet[Contract]:
    """The contracts a key may be created for: in force, of a company the user is gestor of."""
    if not user.is_authenticated:
        return Contract.objects.none()
    return (
        Contract.objects.active(today=today)
        .filter(organization__memberships__user=user, organization__memberships__role=Membership.Role.MANAGER)
        .select_related("product", "organization")
        .order_by("organization__legal_name", "number")
    )


@dataclass(frozen=True)
class KeyRow:
    credential: ApiCredential
    state: str  # "ativa", "renovada" or "revogada"

    @property
    def previous_valid_until(self) -> datetime.datetime | None:
        return self.credential.previous_secret_valid_until if self.state == "renovada" else None


@dataclass
class ContractKeys:
    contract: Contract
    active: bool
    keys: list[KeyRow] = field(default_factory=list)

    @property
    def usable_count(self) -> int:
        return sum(1 for row in self.keys if row.state != "revogada")


@dataclass
class CompanyKeys:
    organization: Organization
    can_manage: bool
    contracts: list[ContractKeys] = field(default_factory=list)


def key_state(credential: ApiCredential, *, now: datetime.datetime | None = None) -> str:
    if credential.is_revoked:
        return "revogada"
    if credential.previous_secret_active(now=now):
        return "renovada"
    return "ativa"


def keys_page(user, *, now: datetime.datetime | None = None) -> list[CompanyKeys]:
    """Per company of the user (by name): its contracts in force, and any other contract that has
    keys, each with its keys (newest first). Three queries whatever the number of rows."""
    if not user.is_authenticated:
        return []
    now = now or timezone.now()
    today = timezone.localdate(now)
    memberships = list(
        Membership.objects.filter(user=user).select_related("organization").order_by("organization__legal_name")
    )
    if not memberships:
        return []
    organization_ids = [membership.organization_id for membership in memberships]
    keys: dict[int, list[ApiCredential]] = {}
    credentials = ApiCredential.objects.filter(contract__organization_id__in=organization_ids).select_related(
        "created_by"
    )
    # Keys in use first, then the revoked ones; newest first within each.
    for credential in sorted(credentials.order_by("-created_at", "-pk"), key=lambda item: item.is_revoked):
        keys.setdefault(credential.contract_id, []).append(credential)
    contracts = (
        Contract.objects.filter(organization_id__in=organization_ids)
        .select_related("product")
        .annotate(in_force=ExpressionWrapper(Contract.active_q(today=today), output_field=BooleanField()))
        .order_by("number")
    )
    by_company: dict[int, list[ContractKeys]] = {}
    for contract in contracts:
        is_active = contract.in_force
        if not is_active and contract.pk not in keys:
            continue
        rows = [KeyRow(credential, key_state(credential, now=now)) for credential in keys.get(contract.pk, [])]
        by_company.setdefault(contract.organization_id, []).append(ContractKeys(contract, is_active, rows))
    return [
        CompanyKeys(
            membership.organization,
            membership.role == Membership.Role.MANAGER,
            sorted(by_company.get(membership.organization_id, []), key=_in_force_first),
        )
        for membership in memberships
    ]


def _in_force_first(item: ContractKeys) -> tuple[bool, str]:
    return (not item.active, item.contract.number)


def audit_trail(user, *, page: str | int | None = 1) -> Page:
    """The audit records of the keys of the companies the user is gestor of, newest first."""
    events = (
        CredentialEvent.objects.filter(organization_id__in=managed_organization_ids(user))
        .select_related("organization", "credential__contract")
        .order_by("-created_at", "-pk")
    )
    return Paginator(events, AUDIT_PAGE_SIZE).get_page(page)
