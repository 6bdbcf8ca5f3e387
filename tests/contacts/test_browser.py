"""Contatos in a real Chromium: axe on every page and state, no sideways scroll at 375 px, the whole
journey (invite, accept, change a role, deactivate) also without JavaScript."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from portal.models import OutboundEmail
from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow, log_in
from tests.contacts.factories import ContactEventFactory, FormerMemberFactory, InvitationFactory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    """Maria: gestora of Banco Horizonte (with people in every state), membro of Sicoob Vale Verde."""
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    banco = OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")
    coop = OrganizationFactory(legal_name="Cooperativa de Crédito Vale Verde", trade_name="Sicoob Vale Verde")
    MembershipFactory(user=user, organization=banco, role="gestor")
    MembershipFactory(user=user, organization=coop, role="membro")
    MembershipFactory(
        organization=banco,
        role="gestor",
        user__name="Marina Castro",
        user__email="marina.castro@bancohorizonte.example",
    )
    MembershipFactory(
        organization=banco, role="membro", user__name="Bruno Lima", user__email="bruno.lima@bancohorizonte.example"
    )
    InvitationFactory(
        organization=banco, name="Luciana Prado", email="luciana.prado@bancohorizonte.example", invited_by=user
    )
    InvitationFactory(organization=banco, name="Otávio Reis", email="otavio.reis@bancohorizonte.example", expired=True)
    FormerMemberFactory(
        organization=banco,
        user__name="Rafael Teixeira",
        user__email="rafael.teixeira@bancohorizonte.example",
        deactivated_by=user,
    )
    MembershipFactory(organization=coop, role="gestor", user__name="Carla Mendes")
    FormerMemberFactory(organization=coop, user__name="Sérgio Batista", user__email="sergio.batista@valeverde.example")
    for name, action, detail in [
        ("Bruno Lima", "convidou", "membro"),
        ("Bruno Lima", "aceitou", "membro"),
        ("Marina Castro", "alterou_papel", "membro → gestor"),
        ("Rafael Teixeira", "desativou", "membro"),
    ]:
        ContactEventFactory(organization=banco, actor=user, target_name=name, action=action, detail=detail)
    return user


def _shot(page: Page, name: str, width: int) -> None:
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"contacts-{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1366, 375])
def test_contatos_pages_are_accessible_and_fit_the_screen(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "maria@cliente.example")
    if width < 768:
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu da Área do Cliente").get_by_role("link", name="Contatos").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contatos")
    expect(page.get_by_role("heading", level=2)).to_have_count(2)
    expect(page.get_by_role("rowheader", name="Rafael Teixeira")).to_be_visible()
    expect(page.get_by_text("rafael.teixeira@bancohorizonte.example")).to_be_visible()
    # As a membro of Sicoob, Maria sees Sérgio (inactive) without his e-mail, and no actions there.
    expect(page.get_by_role("rowheader", name="Sérgio Batista")).to_be_visible()
    expect(page.get_by_text("sergio.batista@valeverde.example")).to_have_count(0)
    expect(page.get_by_text("convite expirado")).to_be_visible()
    _shot(page, "list", width)

    page.get_by_role("link", name="Desativar Bruno Lima").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Desativar Bruno Lima")
    _shot(page, "deactivate", width)
    page.get_by_role("link", name="Cancelar").click()

    page.get_by_role("link", name="Histórico de alterações").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Histórico de alterações")
    expect(page.get_by_text("Membro → Gestor")).to_be_visible()
    _shot(page, "history", width)

    page.goto(live_server.url + "/contatos/convidar/")
    page.get_by_role("button", name="Enviar convite").click()
    expect(page.get_by_text("Este campo é obrigatório.").first).to_be_visible()
    _shot(page, "invite-errors", width)
    page.get_by_label("Nome completo").fill("Nova Pessoa")
    page.get_by_label("E-mail").fill(f"nova.pessoa.{width}@bancohorizonte.example")
    page.get_by_role("button", name="Enviar convite").click()
    expect(page.get_by_text(f"Convite enviado para nova.pessoa.{width}@bancohorizonte.example")).to_be_visible()
    assert_accessible(page)

    # The invited person opens the e-mailed link in another browser.
    body = OutboundEmail.objects.get().body
    link = live_server.url + "/contatos/convite/" + body.split("/contatos/convite/")[1].split("/")[0] + "/"
    guest = page.context.browser.new_context(viewport={"width": width, "height": 900}, locale="pt-BR")
    other = guest.new_page()
    other.goto(link)
    expect(other.get_by_role("heading", level=1)).to_have_text("Convite para a Área do Cliente")
    assert other.url == live_server.url + "/contatos/convite/"
    expect(other.get_by_text("Banco Horizonte (")).to_be_visible()
    _shot(other, "accept", width)
    other.get_by_label("Nome completo").fill("Nova Pessoa")
    other.get_by_label("CPF").fill("529.982.247-25")  # Maria's: refused
    other.get_by_label(re.compile(r"Senha\*")).fill("uma senha longa 2026")
    other.get_by_label("Confirme a senha").fill("uma senha longa 2026")
    other.get_by_role("button", name="Criar conta e aceitar").click()
    expect(other.get_by_text("Este CPF já está cadastrado em outra conta")).to_be_visible()
    _shot(other, "accept-errors", width)
    other.get_by_label("CPF").fill("111.444.777-35")
    other.get_by_label(re.compile(r"Senha\*")).fill("uma senha longa 2026")
    other.get_by_label("Confirme a senha").fill("uma senha longa 2026")
    other.get_by_role("button", name="Criar conta e aceitar").click()
    expect(other.get_by_text("Convite aceito. Você agora faz parte de Banco Horizonte.")).to_be_visible()
    assert_accessible(other)
    other.goto(link)
    expect(other.get_by_role("heading", level=1)).to_have_text("Convite inválido ou expirado")
    _shot(other, "invalid", width)
    guest.close()


def test_gestor_manages_people_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900}, locale="pt-BR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server.url, "maria@cliente.example")
    page.goto(live_server.url + "/contatos/")
    page.get_by_label("Papel de Bruno Lima", exact=True).select_option("gestor")
    page.get_by_role("button", name="Alterar papel de Bruno Lima").click()
    expect(page.get_by_text("Bruno Lima agora é gestor.")).to_be_visible()

    page.get_by_role("link", name="Desativar Marina Castro").click()
    page.get_by_role("button", name="Desativar").click()
    expect(page.get_by_text("Marina Castro foi desativado(a) em Banco Horizonte")).to_be_visible()

    page.get_by_label("Papel de Rafael Teixeira ao reativar").select_option("membro")
    page.get_by_role("button", name="Reativar Rafael Teixeira").click()
    expect(page.get_by_text("Rafael Teixeira foi reativado(a) em Banco Horizonte.")).to_be_visible()

    page.get_by_role("button", name="Reenviar convite para Otávio Reis").click()
    expect(page.get_by_text("Novo convite enviado para otavio.reis@bancohorizonte.example")).to_be_visible()
    page.get_by_role("button", name="Cancelar convite para Luciana Prado").click()
    expect(page.get_by_text("Convite para luciana.prado@bancohorizonte.example cancelado.")).to_be_visible()

    page.get_by_role("link", name="Histórico de alterações").click()
    for action in ["Alterou papel", "Desativou", "Reativou", "Reenviou convite", "Cancelou convite"]:
        expect(page.get_by_role("cell", name=action, exact=True).first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "contacts-history-nojs.png", full_page=True)
    context.close()
