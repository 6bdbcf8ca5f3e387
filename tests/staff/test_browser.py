"""Staff's second login step in a real Chromium: a new atendente sets up the app and signs in again;
a passkey (a virtual authenticator) is registered and then used. Every page passes axe (WCAG A/AA)."""

import base64
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.two_factor import app_device, code_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WIDTHS = {"desktop": 1366, "mobile": 375}


@pytest.fixture
def atendente():
    group, _ = Group.objects.get_or_create(name="Atendente")  # a transactional test's flush empties auth_group
    user = UserFactory(is_staff=True, name="Nara Atendente", email="nara@atendimento.example")
    group.user_set.add(user)
    return user


def _shots(page: Page, name: str) -> None:
    """Full-page screenshots at a desktop's and a phone's width; axe at both."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate("window.scrollTo(0, 0)")
        assert_accessible(page)
        page.screenshot(path=ARTIFACTS / f"{name}-{label}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})


def _password(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/admin/login/?next=/admin/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Acessar").click()


def _log_out(page: Page) -> None:
    page.locator("#logout-form").get_by_role("button").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_new_atendente_sets_up_the_app_keeps_the_codes_and_signs_in_again(live_server, page: Page, atendente):
    _password(page, live_server.url, atendente.email)
    expect(page).to_have_url(live_server.url + "/admin/2fa/configurar/?next=%2Fadmin%2F")
    expect(page.get_by_role("heading", level=1)).to_have_text("Configurar a verificação em duas etapas")
    expect(page.get_by_role("img", name="QR code para o aplicativo autenticador")).to_be_visible()
    _shots(page, "staff-2fa-enrol")

    key = page.locator(".two-factor-secret").inner_text().replace(" ", "")
    key = base64.b32decode(key + "=" * (-len(key) % 8))
    right = f"{totp(key):06d}"
    page.get_by_label("Código de 6 dígitos").fill(f"{(int(right) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Confirmar", exact=True).click()
    expect(page.get_by_text("Código incorreto. Confira o código e tente de novo.")).to_be_visible()
    expect(page.get_by_label("Código de 6 dígitos")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    time.sleep(1.1)  # after a wrong code the device waits a second; a person takes longer to retype
    page.get_by_label("Código de 6 dígitos").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Confirmar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Códigos de recuperação")
    codes = page.get_by_role("list", name="Códigos de recuperação").get_by_role("listitem")
    expect(codes).to_have_count(10)
    _shots(page, "staff-2fa-recovery-codes")
    page.get_by_role("link", name="Guardei os códigos: ir para o painel").click()
    expect(page).to_have_url(live_server.url + "/admin/")

    page.locator("#user-tools").get_by_role("link", name="Verificação em duas etapas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verificação em duas etapas")
    expect(page.get_by_text("Restam 10 de 10 códigos")).to_be_visible()
    _shots(page, "staff-2fa-factors")

    _log_out(page)
    _password(page, live_server.url, atendente.email)
    expect(page).to_have_url(live_server.url + "/admin/2fa/verificar/?next=%2Fadmin%2F")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verificação em duas etapas")
    page.locator("summary").click()  # the recovery code, behind "Sem o celular?"
    expect(page.get_by_label("Código de recuperação")).to_be_visible()
    page.locator("summary").click()
    _shots(page, "staff-2fa-verify")
    page.get_by_label("Código de 6 dígitos").fill(code_for(app_device(atendente)))
    page.get_by_role("button", name="Confirmar", exact=True).click()
    expect(page).to_have_url(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Painel da equipe")).to_be_visible()


def test_a_staff_member_registers_a_passkey_and_signs_in_with_it(live_server, page: Page, atendente, settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    assert live_server.url.startswith("http://localhost:")
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    device = app_device(atendente)
    _password(page, live_server.url, atendente.email)
    expect(page.get_by_role("button", name="Usar uma passkey")).to_have_count(0)  # none registered yet
    page.get_by_label("Código de 6 dígitos").fill(code_for(device))
    page.get_by_role("button", name="Confirmar", exact=True).click()
    expect(page).to_have_url(live_server.url + "/admin/")

    page.goto(live_server.url + "/admin/2fa/")
    expect(page.get_by_text("Nenhuma passkey cadastrada.")).to_be_visible()
    page.get_by_role("button", name="Cadastrar uma passkey").click()
    expect(page.get_by_role("button", name="Remover a passkey cadastrada em", exact=False)).to_have_count(1)
    assert_accessible(page)
    passkey = WebAuthnCredential.objects.get(user=atendente)
    assert passkey.last_used_at is None

    _log_out(page)
    _password(page, live_server.url, atendente.email)
    expect(page).to_have_url(live_server.url + "/admin/2fa/verificar/?next=%2Fadmin%2F")
    button = page.get_by_role("button", name="Usar uma passkey")
    expect(button).to_be_visible()
    assert_accessible(page)
    button.click()
    expect(page).to_have_url(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Painel da equipe")).to_be_visible()
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
