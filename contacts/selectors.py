"""What the Contatos page shows, and to whom.

One scope: the companies the user belongs to (a ``portal.Membership``). Everyone reads their
companies' people; only a gestor of a company manages them and reads its history. Anything of
another company is simply not there (404). A membro does not see the e-mail of inactive people.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from contacts.models import ContactEvent, FormerMember, Invitation
from portal.identifiers import redact_cpf
from portal.models import Membership, Organization


def own_memberships(user) -> list[Membership]:
    """The user's places, with their companies, by company name (one query)."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user).select_related("organization").order_by("organization__legal_name")
    )


def managed_organization_ids(user) -> set[int]:
    """The companies in which the user is a gestor."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role=Membership.Role.MANAGER).values_list("organization_id", flat=True)
    )


def managed_organizations(user) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER).order_by(
        "legal_name"
    )


def visible_memberships(user) -> QuerySet[Membership]:
    """The memberships of the user's companies (everyone's, not only the user's)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(organization__memberships__user=user)


def visible_invitations(user) -> QuerySet[Invitation]:
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.filter(organization__memberships__user=user)


def visible_former_members(user) -> QuerySet[FormerMember]:
    if not user.is_authenticated:
        return FormerMember.objects.none()
    return FormerMember.objects.filter(organization__memberships__user=user)


def can_manage(user, organization_id: int) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organization_id=organization_id, role=Membership.Role.MANAGER).exists()
    )


@dataclass(frozen=True)
class PersonRow:
    """One line of a company's list: an active person, an invitation, or an inactive person."""

    state: str  # "ativo", "convidado", "inativo"
    name: str
    cpf: str  # redacted, or "" when unknown (an invitation)
    email: str  # "" when this reader may not see it
    role: str
    role_label: str
    membership: Membership | None = None
    invitation: Invitation | None = None
    former: FormerMember | None = None
    is_self: bool = False

    @property
    def expired(self) -> bool:
        return self.invitation is not None and self.invitation.is_expired


@dataclass(frozen=True)
class CompanySection:
    organization: Organization
    can_manage: bool
    rows: list[PersonRow]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    @property
    def active_count(self) -> int:
        return self.count("ativo")

    @property
    def invited_count(self) -> int:
        return self.count("convidado")

    @property
    def inactive_count(self) -> int:
        return self.count("inativo")


def contacts_page(user) -> list[CompanySection]:
    """Per company of the user: its active people, its open invitations, its inactive people.

    Four queries whatever the number of companies and people.
    """
    own = own_memberships(user)
    if not own:
        return []
    organization_ids = [membership.organization_id for membership in own]
    roles = Membership.Role
    role_labels = dict(roles.choices)

    active: dict[int, list[Membership]] = {}
    for membership in (
        Membership.objects.filter(organization_id__in=organization_ids)
        .select_related("user")
        .order_by("user__name", "pk")
    ):
        active.setdefault(membership.organization_id, []).append(membership)
    invited: dict[int, list[Invitation]] = {}
    for invitation in Invitation.objects.open().filter(organization_id__in=organization_ids).order_by("name", "pk"):
        invited.setdefault(invitation.organization_id, []).append(invitation)
    former: dict[int, list[FormerMember]] = {}
    for record in (
        FormerMember.objects.filter(organization_id__in=organization_ids)
        .select_related("user")
        .order_by("user__name", "pk")
    ):
        former.setdefault(record.organization_id, []).append(record)

    sections = []
    for mine in own:
        organization_id = mine.organization_id
        manager = mine.role == roles.MANAGER
        rows = [
            PersonRow(
                state="ativo",
                name=membership.user.name,
                cpf=redact_cpf(membership.user.cpf or ""),
                email=membership.user.email,
                role=membership.role,
                role_label=role_labels[membership.role],
                membership=membership,
                is_self=membership.user_id == user.pk,
            )
            for membership in active.get(organization_id, [])
        ]
        rows += [
            PersonRow(
                state="convidado",
                name=invitation.name,
                cpf="",
                email=invitation.email,
                role=invitation.role,
                role_label=role_labels[invitation.role],
                invitation=invitation,
            )
            for invitation in invited.get(organization_id, [])
        ]
        rows += [
            PersonRow(
                state="inativo",
                name=record.user.name,
                cpf=redact_cpf(record.user.cpf or ""),
                email=record.user.email if manager else "",
                role=record.role,
                role_label=role_labels[record.role],
                former=record,
            )
            for record in former.get(organization_id, [])
        ]
        sections.append(CompanySection(mine.organization, manager, rows))
    return sections


def history(user, *, organization_id: int | None = None) -> QuerySet[ContactEvent]:
    """The trail of the companies the user manages (or of one of them), newest first."""
    managed = managed_organization_ids(user)
    if organization_id is not None:
        managed &= {organization_id}
    return ContactEvent.objects.filter(organization_id__in=managed).select_related("organization")
