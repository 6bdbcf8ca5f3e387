"""Staff's second login step: nothing of the admin opens with a password alone; set-up, codes,
recovery codes, throttling, a supervisor's reset, the demo command."""

import base64
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from staff import services
from tests.factories import DEFAULT_PASSWORD, AttachmentFactory, TeamFactory, TicketFactory, UserFactory
from tests.two_factor import app_device, code_for, staff_client
from tickets.models import AccessLog, Ticket

pytestmark = pytest.mark.django_db

VERIFY = "/admin/2fa/verificar/"
ENROL = "/admin/2fa/configurar/"
FACTORS = "/admin/2fa/"
TEAM_ADMIN = "/admin/staff/staffmember/"
CHANGELIST = "/admin/tickets/ticket/"


def log_in_with_password(user) -> Client:
    """The admin's own login form, as a person types it: only the first step."""
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    return client


def atendente(**extra):
    user = UserFactory(**{"is_staff": True, "name": "Rafael Atendente", **extra})
    Group.objects.get(name="Atendente").user_set.add(user)
    return user


def supervisor(**extra):
    user = UserFactory(**{"is_staff": True, "name": "Sofia Supervisora", **extra})
    Group.objects.get(name="Supervisor").user_set.add(user)
    return user


def secret_on_page(html: str) -> bytes:
    """The key the set-up page shows for typing into an app, back to bytes."""
    shown = re.search(r'<code class="two-factor-secret"[^>]*>([A-Z2-7 ]+)</code>', html).group(1)
    secret = shown.replace(" ", "")
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def recovery_codes_on_page(html: str) -> list[str]:
    listing = html[html.index('class="recovery-codes"') : html.index("</ol>", html.index('class="recovery-codes"'))]
    return re.findall(r"<code>([a-z2-7]{8})</code>", listing)


# A password alone opens nothing


@pytest.fixture
def ticket_of_the_team():
    user = atendente()
    team = TeamFactory()
    team.members.add(user)
    ticket = TicketFactory(form__team=team)
    return user, ticket


def test_a_staff_member_with_a_password_only_reaches_no_admin_page(ticket_of_the_team):
    user, ticket = ticket_of_the_team
    app_device(user)
    attachment = AttachmentFactory(ticket=ticket)
    client = log_in_with_password(user)
    for path in [
        "/admin/",
        CHANGELIST,
        f"{CHANGELIST}{ticket.pk}/change/",
        f"{CHANGELIST}{ticket.pk}/anexos/{attachment.token}/",
        "/admin/portal/user/",
        "/admin/tickets/team/",
        "/admin/password_change/",
        FACTORS,
        "/admin/nao-existe/",
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(VERIFY + "?next="), path
    assert not AccessLog.objects.exists()  # not even the "opened the ticket" entry: nothing was shown


def test_without_a_factor_set_up_every_admin_page_leads_to_the_set_up(ticket_of_the_team):
    user, _ticket = ticket_of_the_team
    response = log_in_with_password(user).get(CHANGELIST)
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2Ftickets%2Fticket%2F"


def test_an_unverified_post_to_an_admin_action_is_refused(ticket_of_the_team):
    user, ticket = ticket_of_the_team
    app_device(user)
    client = log_in_with_password(user)
    for action in ["assign_to_me", "export_csv"]:
        response = client.post(CHANGELIST, {"action": action, "_selected_action": [ticket.pk], "index": 0})
        assert response.status_code == 403, action
        assert "text/csv" not in response["Content-Type"]
    response = client.post(f"{CHANGELIST}{ticket.pk}/change/", {"status": "em_atendimento", "priority": "normal"})
    assert response.status_code == 403
    ticket.refresh_from_db()
    assert (ticket.assignee, ticket.status) == (None, Ticket.Status.OPEN)
    assert not AccessLog.objects.exists()


def test_customers_and_anonymous_people_are_sent_to_the_admin_login():
    customer = UserFactory()
    assert Client().get(VERIFY)["Location"] == f"/admin/login/?next={VERIFY}"
    client = Client()
    client.force_login(customer)
    for path in [VERIFY, ENROL, FACTORS]:
        assert client.get(path)["Location"].startswith("/admin/login/?next="), path
    assert not TOTPDevice.objects.exists()


# Setting up the app at the first login


def test_first_login_sets_up_the_app_shows_ten_recovery_codes_once_and_opens_the_admin():
    user = atendente()
    client = log_in_with_password(user)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [(f"{ENROL}?next=%2Fadmin%2F", 302)]
    html = response.content.decode()
    assert "<svg" in html[html.index('class="qr-code-box"') :]
    assert 'class="qr-code"' in html
    assert 'style="' not in html[html.index('class="qr-code-box"') : html.index("</svg>", html.index("qr-code-box"))]
    assert all("nonce=" in tag for tag in re.findall(r"<script\b[^>]*>", html)), "a script without the CSP nonce"
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    key = secret_on_page(html)
    device = TOTPDevice.objects.get(user=user)
    assert (device.bin_key, device.confirmed) == (key, False)

    wrong = f"{(totp(key) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong, "next": "/admin/"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Código incorreto" in html
    assert 'class="qr-code"' in html
    assert secret_on_page(html) == key  # the same app still: the QR code holds still
    assert client.get("/admin/")["Location"].startswith(ENROL)

    device.throttle_reset()  # the person takes a few seconds to read the right code
    response = client.post(ENROL, {"code": f"{totp(key):06d}", "next": "/admin/"})
    assert response.status_code == 200
    codes = recovery_codes_on_page(response.content.decode())
    assert len(codes) == len(set(codes)) == 10
    assert sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == sorted(codes)
    assert 'href="/admin/"' in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200

    # Shown once: neither the set-up page nor the page of one's factors shows them again.
    assert client.get(ENROL)["Location"] == "/admin/"
    factors_page = client.get(FACTORS).content.decode()
    assert "Restam 10 de 10" in factors_page
    assert not any(code in factors_page for code in codes)


def test_the_set_up_page_refuses_a_code_that_is_not_six_digits():
    client = log_in_with_password(atendente())
    client.get(ENROL)
    response = client.post(ENROL, {"code": "12ab56"})
    assert "Digite os 6 números" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


# Later logins


def test_a_later_login_asks_for_the_code_refuses_a_wrong_one_and_accepts_the_right_one():
    user = atendente()
    device = app_device(user)
    client = log_in_with_password(user)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [(f"{VERIFY}?next=%2Fadmin%2F", 302)]
    html = response.content.decode()
    assert "Código de 6 dígitos" in html
    assert 'autocomplete="one-time-code"' in html

    right = code_for(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"method": "app", "code": wrong, "next": "/admin/"})
    assert response.status_code == 200
    assert "Código incorreto" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get(CHANGELIST).status_code == 302

    device.throttle_reset()
    response = client.post(VERIFY, {"method": "app", "code": right, "next": "/admin/tickets/ticket/"})
    assert response["Location"] == CHANGELIST
    assert client.get(CHANGELIST).status_code == 200
    # The same code twice is refused (someone who saw it over a shoulder).
    other = log_in_with_password(user)
    response = other.post(VERIFY, {"method": "app", "code": right, "next": "/admin/"})
    assert "Código incorreto" in response.content.decode()


def test_the_second_step_never_sends_to_another_site():
    user = atendente()
    device = app_device(user)
    client = log_in_with_password(user)
    response = client.post(VERIFY, {"method": "app", "code": code_for(device), "next": "https://evil.example/admin/"})
    assert response["Location"] == "/admin/"


def test_throttling_is_on_and_too_many_wrong_codes_lock_even_the_right_one(settings):
    assert settings.OTP_TOTP_THROTTLE_FACTOR > 0
    assert settings.OTP_STATIC_THROTTLE_FACTOR > 0
    user = atendente()
    device = app_device(user)
    client = log_in_with_password(user)
    right = code_for(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for _ in range(5):
        # A patient attacker: waits out each delay, so every try counts.
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=timezone.now() - datetime.timedelta(hours=1)
        )
        client.post(VERIFY, {"method": "app", "code": wrong})
    device.refresh_from_db()
    assert device.throttling_failure_count == 5

    response = client.post(VERIFY, {"method": "app", "code": right, "next": "/admin/"})
    assert response.status_code == 200
    assert re.search(r"Muitas tentativas erradas. Espere 1[56] segundos", response.content.decode())
    assert client.get("/admin/").status_code == 302  # not verified

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(seconds=17)
    )
    response = client.post(VERIFY, {"method": "app", "code": right, "next": "/admin/"})
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_a_recovery_code_works_once_and_only_once():
    user = atendente()
    app_device(user)
    codes = services.recovery_codes_regenerate(user=user)
    client = log_in_with_password(user)
    page = client.get(VERIFY).content.decode()
    assert "código de recuperação" in page
    response = client.post(VERIFY, {"method": "recovery", "recovery_code": codes[3].upper(), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9

    again = log_in_with_password(user)
    response = again.post(VERIFY, {"method": "recovery", "recovery_code": codes[3], "next": "/admin/"})
    assert response.status_code == 200
    assert "Código incorreto" in response.content.decode()
    assert again.get("/admin/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones():
    user = atendente()
    old = services.recovery_codes_regenerate(user=user)
    client = staff_client(user)
    response = client.post("/admin/2fa/codigos-de-recuperacao/")
    new = recovery_codes_on_page(response.content.decode())
    assert len(new) == 10
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)
    assert client.get("/admin/").status_code == 200  # the session stays verified
    assert client.get("/admin/2fa/codigos-de-recuperacao/").status_code == 405  # POST only


def test_the_page_of_ones_factors_is_linked_from_the_admin_header():
    user = atendente()
    client = staff_client(user)
    assert f'href="{FACTORS}"' in client.get("/admin/").content.decode()
    page = client.get(FACTORS).content.decode()
    assert "<h1>Verificação em duas etapas</h1>" in page
    assert "Aplicativo autenticador" in page
    assert "Cadastrar uma passkey" in page
    assert "Redefinir a verificação em duas etapas de um colega" not in page  # supervisors only


@pytest.mark.parametrize("tokens", [0, 10])
def test_the_verify_page_stays_within_budget(django_assert_max_num_queries, tokens):
    user = atendente()
    app_device(user)
    if tokens:
        services.recovery_codes_regenerate(user=user)
    client = log_in_with_password(user)
    client.get(VERIFY)  # the first request of a session writes "last seen"
    with django_assert_max_num_queries(6):
        response = client.get(VERIFY)
    assert response.status_code == 200


# A supervisor resets a colleague's factors


def _passkey(user) -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user, name="Passkey", credential_id=b"credential-" + str(user.pk).encode(), public_key=b"key", aaguid=""
    )


def test_a_supervisor_resets_an_atendentes_factors_and_they_set_up_again():
    boss, colleague = supervisor(), atendente()
    device = app_device(colleague)
    services.recovery_codes_regenerate(user=colleague)
    _passkey(colleague)
    colleague_session = log_in_with_password(colleague)
    colleague_session.post(VERIFY, {"method": "app", "code": code_for(device)})
    assert colleague_session.get("/admin/").status_code == 200

    client = staff_client(boss)
    listing = client.get(TEAM_ADMIN).content.decode()
    assert colleague.email in listing
    chosen = {"action": "reset_two_factor", "_selected_action": [colleague.pk], "index": 0}
    confirm = client.post(TEAM_ADMIN, chosen)
    assert confirm.status_code == 200
    assert "Redefinir verificação em duas etapas?" in confirm.content.decode()
    assert TOTPDevice.objects.filter(user=colleague).exists()  # nothing happens before confirming

    response = client.post(TEAM_ADMIN, {**chosen, "post": "yes"})
    assert response.status_code == 302
    for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
        assert not model.objects.filter(user=colleague).exists(), model
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action) == (boss, AccessLog.Action.RESET_TWO_FACTOR)
    assert colleague.email in entry.detail
    assert client.get("/admin/").status_code == 200  # the supervisor's own factors are untouched

    # The colleague's open session lost its second factor; they set up a new app.
    assert colleague_session.get("/admin/")["Location"] == f"{ENROL}?next=%2Fadmin%2F"
    assert log_in_with_password(colleague).get(CHANGELIST)["Location"].startswith(ENROL)


def test_an_atendente_cannot_reset_anyone():
    colleague, other = atendente(), atendente(name="Outra Atendente")
    app_device(other)
    client = staff_client(colleague)
    assert client.get(TEAM_ADMIN).status_code == 403
    response = client.post(TEAM_ADMIN, {"action": "reset_two_factor", "_selected_action": [other.pk], "post": "yes"})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=other).exists()
    assert not AccessLog.objects.exists()
    with pytest.raises(PermissionDenied):
        services.two_factor_reset(colleague=other, by=colleague)
    assert TEAM_ADMIN not in client.get("/admin/").content.decode()  # not in the admin's menu either


def test_a_supervisor_cannot_reset_their_own_or_a_superusers_factors():
    boss = supervisor()
    root = UserFactory(is_staff=True, is_superuser=True, name="Administração")
    app_device(root)
    client = staff_client(boss)
    response = client.post(
        TEAM_ADMIN, {"action": "reset_two_factor", "_selected_action": [boss.pk, root.pk], "index": 0, "post": "yes"}
    )
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=boss).exists()
    assert TOTPDevice.objects.filter(user=root).exists()
    assert not AccessLog.objects.exists()
    assert services.may_reset(root, boss)  # a superuser may


# The demo command


def test_the_totp_code_command_prints_the_current_code_in_debug_and_it_opens_the_admin(settings):
    settings.DEBUG = True
    user = atendente(email="rafael@atendimento.example")
    device = app_device(user)
    out = io.StringIO()
    call_command("totp_code", "Rafael@Atendimento.example", stdout=out, stderr=io.StringIO())
    code = out.getvalue().strip()
    assert code == code_for(device)
    client = log_in_with_password(user)
    assert client.post(VERIFY, {"method": "app", "code": code})["Location"] == "/admin/"


def test_the_totp_code_command_refuses_without_debug(settings):
    settings.DEBUG = False
    app_device(atendente(email="rafael@atendimento.example"))
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("totp_code", "rafael@atendimento.example", stdout=io.StringIO())


def test_the_totp_code_command_names_an_unknown_or_unset_staff_member(settings):
    settings.DEBUG = True
    atendente(email="sem-app@atendimento.example")
    with pytest.raises(CommandError, match="No staff member"):
        call_command("totp_code", "ninguem@atendimento.example", stdout=io.StringIO())
    with pytest.raises(CommandError, match="no authenticator app"):
        call_command("totp_code", "sem-app@atendimento.example", stdout=io.StringIO())


def test_demo_staff_get_an_app_once(settings):
    from tickets.demo import STAFF

    call_command("seed_demo", "--force", stdout=io.StringIO())
    keys = dict(TOTPDevice.objects.filter(confirmed=True).values_list("user__email", "key"))
    assert set(keys) == {"admin@areadocliente.example", *(email for email, *_ in STAFF)}
    call_command("seed_demo", "--force", stdout=io.StringIO())
    assert dict(TOTPDevice.objects.filter(confirmed=True).values_list("user__email", "key")) == keys


# Passkeys: the JSON views are for staff past the second step


def test_registering_a_passkey_needs_the_second_step_first():
    user = atendente()
    app_device(user)
    client = log_in_with_password(user)
    response = client.post("/admin/2fa/passkeys/api/cadastro/inicio/", content_type="application/json")
    assert response.status_code == 403
    verified = staff_client(user)
    response = verified.post("/admin/2fa/passkeys/api/cadastro/inicio/", content_type="application/json")
    assert response.status_code == 200
    assert response.json()["rp"]["id"] == "localhost"


def test_customers_cannot_use_the_passkey_views():
    client = Client()
    client.force_login(UserFactory())
    response = client.post("/admin/2fa/passkeys/api/verificacao/inicio/", content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"
