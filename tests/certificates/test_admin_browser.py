"""The Certificação Digital team works a request in the admin, in a real Chromium, axe on each page."""

import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from certificates.models import TEAM_NAME, CertificateRequest
from tests.a11y import assert_accessible
from tests.certificates.factories import CertificateRequestFactory
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.two_factor import app_device, code_for
from tickets.models import Team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SHOTS = Path(tempfile.gettempdir()) / "shots-admin"


def _shot(page: Page, name: str) -> None:
    for folder in (ARTIFACTS, SHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{name}.png", full_page=True)


def test_an_atendente_of_the_team_validates_and_refuses_a_request(live_server, page: Page):
    rafael = UserFactory(is_staff=True, name="Rafael Costa", email="rafael@atendimento.example")
    rafael.groups.add(Group.objects.get(name="Atendente"))
    Team.objects.get(name=TEAM_NAME).members.add(rafael)
    request = CertificateRequestFactory(holder_name="Marcos Vinícius Teixeira")
    device = app_device(rafael)

    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.get_by_label("E-mail").fill(rafael.email)
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Acessar").click()
    page.get_by_label("Código de 6 dígitos").fill(code_for(device))
    page.get_by_role("button", name="Confirmar", exact=True).click()
    expect(page).to_have_url(live_server.url + "/admin/")

    for width in (1366, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/admin/certificates/certificaterequest/")
        expect(page.locator("#result_list")).to_contain_text(request.protocol)
        assert_accessible(page)
        _shot(page, f"admin-certificados-lista-{width}")

    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("#result_list").get_by_role("checkbox").last.check()
    page.locator("select[name='action']").select_option("start_validation")
    page.get_by_role("button", name="Executar").click()
    expect(page.locator(".messagelist")).to_be_visible()
    request.refresh_from_db()
    assert request.status == CertificateRequest.Status.VALIDATING

    page.goto(live_server.url + f"/admin/certificates/certificaterequest/{request.pk}/change/")
    assert_accessible(page)
    _shot(page, "admin-certificado-detalhe-1366")
    page.get_by_role("link", name="Mudar situação").click()
    page.get_by_label("Recusado").check()
    page.get_by_role("button", name="Salvar situação").click()
    expect(page.locator(".errorlist")).to_contain_text("Informe o motivo da recusa")
    assert_accessible(page)
    _shot(page, "admin-certificado-situacao-erro-1366")
    page.get_by_label("Motivo da recusa").fill("O documento do titular está ilegível; envie uma cópia nítida.")
    page.get_by_role("button", name="Salvar situação").click()
    expect(page.locator(".messagelist")).to_contain_text("Situação atualizada")
    request.refresh_from_db()
    assert request.status == CertificateRequest.Status.REFUSED
    assert request.refusal_reason.startswith("O documento do titular")
