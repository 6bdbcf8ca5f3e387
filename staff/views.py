"""The second step of the staff login (``/admin/2fa/…``): set up a factor, use it, manage them.

Every view is for staff (others go to the admin login). ``StaffTwoFactorMiddleware`` lets a
session that has not passed the second factor reach only ``verify`` and ``enrol``.
"""

import base64
import math
from functools import wraps

import django_otp
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from portal import qr
from staff import services
from staff.forms import AppCodeForm, RecoveryCodeForm
from staff.passkeys import passkey_config


def _next_url(request) -> str:
    """Where to go after the second step: the admin page that asked for it, never another site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("admin:index")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _admin_context(request, title: str, *, verified: bool) -> dict:
    """What the admin's base template needs. Before the second step: no menu of models, no links but "Sair"."""
    if verified:
        context = admin.site.each_context(request)
    else:
        context = {
            "site_title": admin.site.site_title,
            "site_header": admin.site.site_header,
            "site_url": admin.site.site_url,
            "has_permission": True,
            "is_nav_sidebar_enabled": False,
            "second_step": True,
        }
    return {**context, "title": title}


def verified_staff_required(view):
    """For pages that change one's factors: staff, and past the second step in this session."""

    @staff_member_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_verified():
            return redirect(_with_next("staff:verify", request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapper


def _refusal(check: services.Check) -> str:
    if check.locked_until is not None:
        seconds = max(1, math.ceil((check.locked_until - timezone.now()).total_seconds()))
        return ngettext(
            "Muitas tentativas erradas. Espere %(seconds)d segundo e tente de novo.",
            "Muitas tentativas erradas. Espere %(seconds)d segundos e tente de novo.",
            seconds,
        ) % {"seconds": seconds}
    return _("Código incorreto. Confira o código e tente de novo.")


@staff_member_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    """First login (or after a reset): scan the QR code, type a code, keep the recovery codes."""
    user = request.user
    next_url = _next_url(request)
    if services.has_factor(user):
        return redirect(next_url if user.is_verified() else _with_next("staff:verify", next_url))
    device = services.app_device_pending(user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        check = services.code_check(device=device, code=form.cleaned_data["code"])
        if check.accepted:
            codes = services.app_confirm(device=device)
            django_otp.login(request, device)
            return render(
                request,
                "staff/recovery_codes.html",
                {
                    **_admin_context(request, _("Códigos de recuperação"), verified=False),
                    "codes": codes,
                    "continue_url": next_url,
                    "first_time": True,
                },
            )
        form.add_error("code", _refusal(check))
    return render(
        request,
        "staff/enrol.html",
        {
            **_admin_context(request, _("Configurar a verificação em duas etapas"), verified=False),
            "form": form,
            "qr_svg": _qr_svg(device),
            "otpauth_url": device.config_url,
            "secret": _grouped_secret(device),
            "next_url": next_url,
        },
    )


def _qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG: black on white whatever the admin's theme, no styles."""
    label = _("QR code para o aplicativo autenticador")
    return qr.qr_svg(
        device.config_url, label=label, svgclass="qr-code", scale=5, dark="#000", light="#fff", title=label
    )


def _grouped_secret(device: TOTPDevice) -> str:
    """The key in base 32, as apps ask for it, in groups of four to type it without losing one's place."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@staff_member_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of every later login: a code from the app, a passkey or a recovery code."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    app = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    recovery = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    has_passkey = WebAuthnCredential.objects.devices_for_user(user, confirmed=True).exists()
    if app is None and recovery is None and not has_passkey:
        return redirect(_with_next("staff:enrol", next_url))

    method = request.POST.get("method") if request.method == "POST" else None
    app_form = AppCodeForm(request.POST if method == "app" else None)
    recovery_form = RecoveryCodeForm(request.POST if method == "recovery" else None)
    device, form, field = (app, app_form, "code") if method == "app" else (recovery, recovery_form, "recovery_code")
    if method in {"app", "recovery"} and device is not None and form.is_valid():
        check = services.code_check(device=device, code=form.cleaned_data[field])
        if check.accepted:
            django_otp.login(request, check.device)
            if method == "recovery":
                left = check.device.token_set.count()
                messages.warning(
                    request,
                    ngettext(
                        "Você usou um código de recuperação; resta %(count)d. Gere novos na página da "
                        "verificação em duas etapas.",
                        "Você usou um código de recuperação; restam %(count)d. Gere novos na página da "
                        "verificação em duas etapas se estiverem acabando.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url)
        form.add_error(field, _refusal(check))

    return render(
        request,
        "staff/verify.html",
        {
            **_admin_context(request, _("Verificação em duas etapas"), verified=False),
            "app_form": app_form if app is not None else None,
            "recovery_form": recovery_form if recovery is not None else None,
            "recovery_open": method == "recovery" or app is None,
            "passkey_config": passkey_config(request) if has_passkey else None,
            "next_url": next_url,
        },
    )


@verified_staff_required
@require_http_methods(["GET"])
def factors(request):
    """The staff member's own factors: the app, passkeys (add, remove) and the recovery codes left."""
    user = request.user
    recovery = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    return render(
        request,
        "staff/factors.html",
        {
            **_admin_context(request, _("Verificação em duas etapas"), verified=True),
            "app": TOTPDevice.objects.devices_for_user(user, confirmed=True).first(),
            "passkeys": WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("created_at"),
            "recovery_codes_left": recovery.token_set.count() if recovery else 0,
            "recovery_code_count": services.RECOVERY_CODE_COUNT,
            "passkey_config": passkey_config(request),
            "may_reset": services.is_supervisor(user),
        },
    )


@verified_staff_required
@require_POST
def recovery_codes(request):
    """Ten new recovery codes, shown once; the old ones stop working."""
    codes = services.recovery_codes_regenerate(user=request.user)
    return render(
        request,
        "staff/recovery_codes.html",
        {
            **_admin_context(request, _("Códigos de recuperação"), verified=True),
            "codes": codes,
            "continue_url": reverse("staff:factors"),
            "first_time": False,
        },
    )


@verified_staff_required
@require_POST
def passkey_remove(request, pk: int):
    if services.passkey_remove(user=request.user, pk=pk):
        messages.success(request, _("Passkey removida."))
    return redirect("staff:factors")
