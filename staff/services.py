"""Writes of the staff app: setting up, checking and resetting a staff member's second factors.

The factors are django-otp devices: an authenticator app (``TOTPDevice``), ten single-use
recovery codes (one ``StaticDevice`` holding ``StaticToken`` rows) and any number of passkeys
(``WebAuthnCredential``, from django-otp-webauthn).
"""

import datetime
import logging
from dataclasses import dataclass

import django_otp
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tickets.models import AccessLog
from tickets.permissions import is_supervisor
from tickets.services import log_access

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = _("Aplicativo autenticador")
RECOVERY_DEVICE_NAME = _("Códigos de recuperação")
#: Every kind of second factor a staff member may have.
FACTOR_MODELS = (TOTPDevice, StaticDevice, WebAuthnCredential)


def may_reset(by, colleague) -> bool:
    """A supervisor resets a colleague's factors; never their own, and only a superuser a superuser's."""
    if not is_supervisor(by) or by.pk == colleague.pk or not colleague.is_staff:
        return False
    return by.is_superuser or not colleague.is_superuser


def has_factor(user) -> bool:
    """Whether the user has set up a second factor (otherwise they set one up at their next login)."""
    return django_otp.user_has_device(user, confirmed=True)


def app_device_pending(user) -> TOTPDevice:
    """The authenticator app being set up, not confirmed yet.

    The same one until it is confirmed, so the QR code holds still when the page is reloaded.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(APP_DEVICE_NAME), confirmed=False)
    return device


@transaction.atomic
def app_confirm(*, device: TOTPDevice) -> list[str]:
    """The app gave a right code: it becomes the user's factor, with a fresh set of recovery codes."""
    TOTPDevice.objects.filter(user=device.user_id, confirmed=False).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_regenerate(user=device.user)


@transaction.atomic
def recovery_codes_regenerate(*, user) -> list[str]:
    """Ten new single-use codes; the old ones stop working. Returned once: only their rows keep them.

    The device stays the same, so a session verified with an old code stays verified.
    """
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=str(RECOVERY_DEVICE_NAME), confirmed=True)
    device.token_set.all().delete()
    codes: list[str] = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@dataclass(frozen=True)
class Check:
    """The outcome of checking a code: the device that accepted it, or when the next try is allowed."""

    device: Device | None = None
    locked_until: datetime.datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.device is not None


def code_check(*, device: Device, code: str) -> Check:
    """Checks ``code`` against one device, with django-otp's throttling.

    After n wrong codes in a row the device refuses every code, right or wrong, for 2^(n-1)
    seconds (``OTP_TOTP_THROTTLE_FACTOR``, ``OTP_STATIC_THROTTLE_FACTOR``). A TOTP code is
    accepted once; a recovery code is deleted when used.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return Check(locked_until=(details or {}).get("locked_until"))
    # Locks the device row while checking, so two requests cannot both use one code.
    verified = django_otp.verify_token(device.user, device.persistent_id, code)
    if verified is None:
        logger.warning("Wrong second-factor code for staff user %s (%s).", device.user_id, device.model_label())
    return Check(device=verified)


def passkey_remove(*, user, pk: int) -> bool:
    deleted, _rows = WebAuthnCredential.objects.filter(user=user, pk=pk).delete()
    return bool(deleted)


@transaction.atomic
def two_factor_reset(*, colleague, by) -> None:
    """A supervisor removes every factor of a colleague (a lost phone): they set up again at their
    next admin page, and a session they had open loses its verification at once. Recorded in the
    access log."""
    if not may_reset(by, colleague):
        raise PermissionDenied
    removed = []
    for model in FACTOR_MODELS:
        _total, per_model = model.objects.filter(user=colleague).delete()
        count = per_model.get(model._meta.label, 0)
        if count:
            removed.append(f"{model._meta.model_name}={count}")
    log_access(
        by,
        AccessLog.Action.RESET_TWO_FACTOR,
        detail=f"{colleague.name} <{colleague.email}> (#{colleague.pk}): {', '.join(removed) or '-'}",
    )
