"""Writes of Contatos: invite, resend, cancel, accept, change a role, deactivate, reactivate.

Each is one transaction that also writes its ``ContactEvent``. Changes to a company's people
first lock that company's memberships (``_lock_company``), so two gestores acting at once cannot
both remove themselves and leave the company without a gestor.
"""

import hashlib
import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contacts import notifications
from contacts.models import ContactEvent, FormerMember, Invitation
from portal.identifiers import normalize_cpf, validate_cpf
from portal.models import Membership, Organization, User

MANAGER = Membership.Role.MANAGER
MEMBER = Membership.Role.MEMBER


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    raw = secrets.token_urlsafe(32)  # 256 bits from the OS's CSPRNG
    return raw, hash_token(raw)


def _lock_company(organization_id: int) -> list[Membership]:
    """Lock the company's memberships (and the company row, so that a company without any also serialises)."""
    Organization.objects.select_for_update().filter(pk=organization_id).first()
    return list(Membership.objects.select_for_update().filter(organization_id=organization_id).order_by("pk"))


def _require_manager(actor: User, memberships: list[Membership]) -> None:
    if not any(m.user_id == actor.pk and m.role == MANAGER for m in memberships):
        raise PermissionDenied


def _record(
    *, organization_id: int, actor: User | None, action: str, name: str, email: str, detail: str = ""
) -> ContactEvent:
    return ContactEvent.objects.create(
        organization_id=organization_id,
        actor=actor,
        actor_name=actor.name if actor else "",
        action=action,
        target_name=name,
        target_email=email,
        detail=detail,
    )


def _other_active_manager(memberships: list[Membership], membership: Membership) -> bool:
    return any(m.role == MANAGER and m.pk != membership.pk for m in memberships)


# Invitations -----------------------------------------------------------------------------------


@transaction.atomic
def invitation_send(*, organization: Organization, actor: User, name: str, email: str, role: str) -> Invitation:
    """Invite ``email`` to the company with ``role``, and e-mail the link in the actor's language.

    Refused when the person is already active in the company, is inactive there (reactivate
    instead), or already has a pending invitation. An expired invitation to the same address is
    renewed rather than duplicated.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    name = " ".join(name.split())
    if role not in (MANAGER, MEMBER):
        raise ValidationError(_("Escolha um papel: gestor ou membro."))
    memberships = _lock_company(organization.pk)
    _require_manager(actor, memberships)
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError(_("Esta pessoa já está ativa nesta empresa."), code="already_active")
    if FormerMember.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError(
            _("Esta pessoa está inativa nesta empresa. Para devolver o acesso, use Reativar na lista."),
            code="inactive",
        )
    raw, token_hash = _new_token()
    now = timezone.now()
    invitation = Invitation.objects.open().filter(organization=organization, email__iexact=email).first()
    if invitation is not None and not invitation.is_expired:
        raise ValidationError(
            _("Já há um convite pendente para este e-mail. Para mandar um novo link, use Reenviar na lista."),
            code="pending",
        )
    if invitation is None:
        invitation = Invitation(organization=organization)
    invitation.name = name
    invitation.email = email
    invitation.role = role
    invitation.token_hash = token_hash
    invitation.invited_by = actor
    invitation.created_at = now
    invitation.expires_at = now + Invitation.LIFETIME
    invitation.full_clean()
    invitation.save()
    _record(
        organization_id=organization.pk,
        actor=actor,
        action=ContactEvent.Action.INVITED,
        name=name,
        email=email,
        detail=role,
    )
    notifications.invitation(invitation=invitation, token=raw, language=translation.get_language())
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, actor: User) -> Invitation:
    """A new link (the old one stops working at once), valid for a full lifetime again."""
    memberships = _lock_company(invitation.organization_id)
    _require_manager(actor, memberships)
    invitation = Invitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("Este convite já foi aceito ou cancelado."), code="closed")
    raw, invitation.token_hash = _new_token()
    now = timezone.now()
    invitation.created_at = now
    invitation.expires_at = now + Invitation.LIFETIME
    invitation.invited_by = actor
    invitation.save(update_fields=["token_hash", "created_at", "expires_at", "invited_by"])
    _record(
        organization_id=invitation.organization_id,
        actor=actor,
        action=ContactEvent.Action.RESENT,
        name=invitation.name,
        email=invitation.email,
    )
    notifications.invitation(invitation=invitation, token=raw, language=translation.get_language())
    return invitation


@transaction.atomic
def invitation_cancel(*, invitation: Invitation, actor: User) -> Invitation:
    memberships = _lock_company(invitation.organization_id)
    _require_manager(actor, memberships)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("Este convite já foi aceito ou cancelado."), code="closed")
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    _record(
        organization_id=invitation.organization_id,
        actor=actor,
        action=ContactEvent.Action.CANCELLED,
        name=invitation.name,
        email=invitation.email,
    )
    return invitation


def invitation_for_token(raw: str) -> Invitation | None:
    """The usable invitation a link names, without spending it (opening the link spends nothing)."""
    if not raw or len(raw) > 100:
        return None
    return Invitation.objects.usable().select_related("organization").filter(token_hash=hash_token(raw)).first()


def _lock_usable(raw: str) -> Invitation:
    if not raw or len(raw) > 100:
        raise Invitation.DoesNotExist
    return (
        Invitation.objects.select_for_update(of=("self",))
        .usable()
        .select_related("organization")
        .get(token_hash=hash_token(raw))
    )


def _join(*, invitation: Invitation, user: User) -> None:
    """Give ``user`` the invitation's place in the company and spend the invitation."""
    _lock_company(invitation.organization_id)
    Membership.objects.get_or_create(
        user=user, organization_id=invitation.organization_id, defaults={"role": invitation.role}
    )
    FormerMember.objects.filter(user=user, organization_id=invitation.organization_id).delete()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _record(
        organization_id=invitation.organization_id,
        actor=user,
        action=ContactEvent.Action.ACCEPTED,
        name=user.name,
        email=user.email,
        detail=invitation.role,
    )


CPF_TAKEN = gettext_lazy(
    "Este CPF já está cadastrado em outra conta da Área do Cliente. Se a conta é sua, entre com ela; "
    "se não, fale com o atendimento."
)


@transaction.atomic
def invitation_accept_new_account(*, token: str, name: str, cpf: str, password: str) -> User:
    """Create the invited person's account (e-mail from the invitation) and their place in the company.

    Raises ``Invitation.DoesNotExist`` when the link is no longer usable, ``ValidationError``
    (by field) for a CPF already in use or a password the validators refuse.
    """
    invitation = _lock_usable(token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("Já existe uma conta com este e-mail: entre com ela para aceitar o convite."))
    cpf = normalize_cpf(cpf)
    validate_cpf(cpf)
    if User.objects.filter(cpf=cpf).exists():
        raise ValidationError({"cpf": CPF_TAKEN})
    user = User(email=invitation.email, cpf=cpf, name=" ".join(name.split()))
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    user.set_password(password)
    user.full_clean(exclude=["password"])
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # the same CPF or e-mail, registered a moment ago
        raise ValidationError({"cpf": CPF_TAKEN}) from error
    _join(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_accept_existing(*, token: str, user: User, cpf: str) -> Invitation:
    """Link the signed-in account the invitation was sent to, once its CPF is confirmed."""
    invitation = _lock_usable(token)
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied
    if not user.cpf or normalize_cpf(cpf) != user.cpf:
        raise ValidationError({"cpf": _("O CPF não confere com o cadastrado na sua conta.")})
    _join(invitation=invitation, user=user)
    return invitation


# Roles, deactivation, reactivation -------------------------------------------------------------


LAST_MANAGER = gettext_lazy(
    "%(name)s é o único gestor ativo de %(company)s. Antes, torne outra pessoa gestora: a empresa "
    "não pode ficar sem gestor."
)


@transaction.atomic
def role_change(*, membership: Membership, actor: User, role: str) -> Membership:
    if role not in (MANAGER, MEMBER):
        raise ValidationError(_("Escolha um papel: gestor ou membro."))
    memberships = _lock_company(membership.organization_id)
    _require_manager(actor, memberships)
    current = next((m for m in memberships if m.pk == membership.pk), None)
    if current is None:
        raise ValidationError(_("Esta pessoa não está mais ativa na empresa."), code="gone")
    if current.role == role:
        return current
    if current.role == MANAGER and not _other_active_manager(memberships, current):
        raise ValidationError(
            LAST_MANAGER % {"name": membership.user.name, "company": membership.organization.display_name},
            code="last_manager",
        )
    previous = current.role
    current.role = role
    current.save(update_fields=["role"])
    _record(
        organization_id=current.organization_id,
        actor=actor,
        action=ContactEvent.Action.ROLE_CHANGED,
        name=membership.user.name,
        email=membership.user.email,
        detail=f"{previous} → {role}",
    )
    return current


@transaction.atomic
def member_deactivate(*, membership: Membership, actor: User) -> FormerMember:
    """End the person's access to the company at once (their Membership goes) and list them as inactive."""
    memberships = _lock_company(membership.organization_id)
    _require_manager(actor, memberships)
    current = next((m for m in memberships if m.pk == membership.pk), None)
    if current is None:
        raise ValidationError(_("Esta pessoa não está mais ativa na empresa."), code="gone")
    if current.role == MANAGER and not _other_active_manager(memberships, current):
        raise ValidationError(
            LAST_MANAGER % {"name": membership.user.name, "company": membership.organization.display_name},
            code="last_manager",
        )
    current.delete()
    former, _created = FormerMember.objects.update_or_create(
        organization_id=membership.organization_id,
        user_id=membership.user_id,
        defaults={"role": current.role, "deactivated_by": actor, "deactivated_at": timezone.now()},
    )
    _record(
        organization_id=membership.organization_id,
        actor=actor,
        action=ContactEvent.Action.DEACTIVATED,
        name=membership.user.name,
        email=membership.user.email,
        detail=current.role,
    )
    return former


@transaction.atomic
def member_reactivate(*, former: FormerMember, actor: User, role: str) -> Membership:
    if role not in (MANAGER, MEMBER):
        raise ValidationError(_("Escolha um papel: gestor ou membro."))
    memberships = _lock_company(former.organization_id)
    _require_manager(actor, memberships)
    if not FormerMember.objects.filter(pk=former.pk).delete()[0]:
        raise ValidationError(_("Esta pessoa já foi reativada."), code="gone")
    membership, _created = Membership.objects.get_or_create(
        user_id=former.user_id, organization_id=former.organization_id, defaults={"role": role}
    )
    _record(
        organization_id=former.organization_id,
        actor=actor,
        action=ContactEvent.Action.REACTIVATED,
        name=former.user.name,
        email=former.user.email,
        detail=role,
    )
    return membership
