"""Writes of Chaves de Acesso, and the exchange of a key and secret for a bearer token.

Only a gestor of the contract's company creates, rotates or revokes a key; each action is one
transaction with its audit record. Secrets and tokens are returned once, to the caller, and never
stored in clear.
"""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from credentials.models import AccessToken, ApiCredential, CredentialEvent
from portal.models import Contract, Membership, User

#: How long a bearer token lasts; clients ask for a new one when it expires (OAuth2 client credentials).
TOKEN_LIFETIME = datetime.timedelta(minutes=30)
#: After a rotation, the old secret keeps working this long, so systems can switch without downtime.
ROTATION_GRACE = datetime.timedelta(hours=24)
#: Keys in use per contract: enough for production, homologation and a spare.
MAX_ACTIVE_PER_CONTRACT = 5
#: ``last_used_at`` is written at most this often per key, so busy clients don't write on every call.
LAST_USE_RESOLUTION = datetime.timedelta(minutes=1)
MAX_TOKEN_LENGTH = 200


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_in: int  # seconds
    credential: ApiCredential


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits from the OS's CSPRNG


def can_manage(user: User, organization_id: int) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organization_id=organization_id, role=Membership.Role.MANAGER).exists()
    )


def _require_manager(user: User, organization_id: int) -> None:
    if not can_manage(user, organization_id):
        raise PermissionDenied


def _record(
    credential: ApiCredential, action: str, user: User, *, now: datetime.datetime, by_staff: bool = False
) -> None:
    CredentialEvent.objects.create(
        organization_id=credential.contract.organization_id,
        credential=credential,
        action=action,
        actor=user,
        actor_name=user.get_full_name() or user.get_username(),
        by_staff=by_staff,
        created_at=now,
    )


def credential_create(*, user: User, contract: Contract, name: str) -> tuple[ApiCredential, str]:
    """A new key for ``contract``. Returns the credential and its secret, which is never shown again."""
    _require_manager(user, contract.organization_id)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Dê um nome à chave, para reconhecê-la depois."), code="name")
    with transaction.atomic():
        # Lock the contract so two clicks can't both pass the count below.
        contract = Contract.objects.select_for_update().get(pk=contract.pk)
        if not Contract.objects.filter(Contract.active_q(today=timezone.localdate()), pk=contract.pk).exists():
            raise ValidationError(_("Só contratos ativos podem ter chaves de acesso."), code="contract")
        if contract.api_credentials.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_PER_CONTRACT:
            raise ValidationError(
                _("Este contrato já tem %(max)d chaves ativas. Revogue uma que não use mais para criar outra.")
                % {"max": MAX_ACTIVE_PER_CONTRACT},
                code="limit",
            )
        now = timezone.now()
        secret = new_secret()
        credential = ApiCredential(
            contract=contract,
            name=name,
            consumer_key=secrets.token_urlsafe(18),
            secret_hash=hash_secret(secret),
            created_by=user,
            created_at=now,
        )
        credential.full_clean(exclude=["contract", "created_by"])
        credential.save()
        _record(credential, CredentialEvent.Action.CREATED, user, now=now)
    return credential, secret


def credential_rotate(*, user: User, credential: ApiCredential) -> str:
    """A new secret for the key; the current one keeps working for ``ROTATION_GRACE``. Returns the new secret."""
    _require_manager(user, credential.contract.organization_id)
    with transaction.atomic():
        credential = ApiCredential.objects.select_for_update().select_related("contract").get(pk=credential.pk)
        if credential.is_revoked:
            raise ValidationError(_("Esta chave foi revogada e não pode ser renovada."), code="revoked")
        if not Contract.objects.active().filter(pk=credential.contract_id).exists():
            raise ValidationError(
                _("O contrato desta chave não está ativo; ela não pode ser renovada."), code="contract"
            )
        now = timezone.now()
        secret = new_secret()
        credential.previous_secret_hash = credential.secret_hash
        credential.previous_secret_valid_until = now + ROTATION_GRACE
        credential.secret_hash = hash_secret(secret)
        credential.rotated_at = now
        credential.save(
            update_fields=["previous_secret_hash", "previous_secret_valid_until", "secret_hash", "rotated_at"]
        )
        _record(credential, CredentialEvent.Action.ROTATED, user, now=now)
    return secret


def credential_revoke(*, user: User, credential: ApiCredential) -> ApiCredential:
    """Revoke the key at once: its secrets stop working and every token issued for it dies now."""
    _require_manager(user, credential.contract.organization_id)
    return _revoke(credential, user, by_staff=False)


def credential_revoke_by_staff(*, staff_user: User, credential: ApiCredential) -> ApiCredential:
    """The portal's staff revoke a key (a leaked secret reported to support); audited like a gestor's."""
    if not (staff_user.is_authenticated and staff_user.is_active and staff_user.is_staff):
        raise PermissionDenied
    return _revoke(credential, staff_user, by_staff=True)


def _revoke(credential: ApiCredential, actor: User, *, by_staff: bool) -> ApiCredential:
    with transaction.atomic():
        credential = ApiCredential.objects.select_for_update().select_related("contract").get(pk=credential.pk)
        if credential.is_revoked:
            return credential
        now = timezone.now()
        credential.revoked_at = now
        credential.previous_secret_hash = ""
        credential.previous_secret_valid_until = None
        credential.save(update_fields=["revoked_at", "previous_secret_hash", "previous_secret_valid_until"])
        credential.tokens.all().delete()
        _record(credential, CredentialEvent.Action.REVOKED, actor, now=now, by_staff=by_staff)
    return credential


def _secret_matches(credential: ApiCredential, secret: str, *, now: datetime.datetime) -> bool:
    digest = hash_secret(secret)
    if hmac.compare_digest(digest, credential.secret_hash):
        return True
    return credential.previous_secret_active(now=now) and hmac.compare_digest(digest, credential.previous_secret_hash)


def token_issue(*, consumer_key: str, consumer_secret: str) -> IssuedToken | None:
    """Exchange a key and secret for a bearer token; None when they don't match a usable key."""
    if not consumer_key or not consumer_secret or len(consumer_key) > 64 or len(consumer_secret) > MAX_TOKEN_LENGTH:
        return None
    credential = (
        ApiCredential.objects.usable()
        .select_related("contract__organization")
        .filter(consumer_key=consumer_key)
        .first()
    )
    now = timezone.now()
    if credential is None or not _secret_matches(credential, consumer_secret, now=now):
        return None
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        AccessToken.objects.create(
            credential=credential, token_hash=hash_secret(raw), created_at=now, expires_at=now + TOKEN_LIFETIME
        )
        ApiCredential.objects.filter(pk=credential.pk).update(last_used_at=now)
    credential.last_used_at = now
    return IssuedToken(access_token=raw, expires_in=int(TOKEN_LIFETIME.total_seconds()), credential=credential)


def credential_for_token(raw: str) -> ApiCredential | None:
    """The usable key a bearer token was issued for, with its contract and company; None otherwise.

    One query; a second one, at most once a minute per key, records the use.
    """
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
    now = timezone.now()
    token = (
        AccessToken.objects.select_related("credential__contract__organization")
        .filter(
            token_hash=hash_secret(raw),
            expires_at__gt=now,
            credential__revoked_at__isnull=True,
        )
        .filter(Contract.active_q(today=timezone.localdate(now), prefix="credential__contract__"))
        .first()
    )
    if token is None:
        return None
    credential = token.credential
    if credential.last_used_at is None or now - credential.last_used_at >= LAST_USE_RESOLUTION:
        ApiCredential.objects.filter(pk=credential.pk).update(last_used_at=now)
        credential.last_used_at = now
    return credential


def tokens_purge(*, now: datetime.datetime | None = None) -> int:
    """Forget tokens that have expired."""
    deleted, _detail = AccessToken.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
