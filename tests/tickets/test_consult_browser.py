"""Consulting tickets and working on a ticket's page in a real Chromium.

Anonymous visitors get an e-mailed link, a company gestor sees colleagues' tickets (a membro does
not), and on the ticket page the customer replies with a file, closes, reopens and rates.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    OrganizationFactory,
    TicketFactory,
    UserFactory,
)
from tickets.models import Ticket

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CNPJ = "12ABC34501DE35"
GENERIC_ANSWER = "Se houver solicitações para este CPF, enviamos um link de acesso ao e-mail cadastrado."
# The smallest PDF a viewer opens: one empty page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def _shot_both_widths(page: Page, name: str) -> None:
    """Desktop and phone screenshots of the current page; the phone one must not scroll sideways."""
    _shot(page, f"{name}-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: {overflow}px of horizontal overflow at 375 px"
    assert_accessible(page)
    _shot(page, f"{name}-375px")
    page.set_viewport_size({"width": 1280, "height": 800})


def _log_in(page: Page, base_url: str, login: str, next_url: str) -> None:
    page.goto(f"{base_url}/entrar/?next={next_url}")
    page.get_by_label("CPF ou e-mail").fill(login)
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page).to_have_url(base_url + next_url)


def _results(page: Page):
    return page.get_by_role("region", name="Resultado da consulta")


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj=CNPJ)


@pytest.fixture
def gestor(company):
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    MembershipFactory(user=user, organization=company, role="gestor")
    return user


@pytest.fixture
def colleague(company):
    user = UserFactory(email="joao@cliente.example", cpf="11144477735", name="João Pereira")
    MembershipFactory(user=user, organization=company, role="membro")
    return user


def test_visitor_consults_by_cpf_follows_the_emailed_link_and_replies_with_a_file(live_server, page: Page, tmp_path):
    ticket = TicketFactory(
        requester_cpf="52998224725",
        requester_name="João Pereira",
        email="joao@empresa.example",
        title="Erro 500 na consulta de biometria",
        description="Desde ontem às 14h todas as consultas retornam erro 500.",
    )
    TicketFactory(requester_cpf="52998224725", email="outra.pessoa@empresa.example", title="De outro e-mail")

    page.goto(live_server.url + "/tickets/consultar/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consulta de Solicitação de Serviço")
    expect(page.get_by_role("textbox", name="Número da solicitação")).to_be_hidden()  # by CPF: the number is not asked
    assert_accessible(page)

    page.get_by_label("CPF do solicitante").fill("111.111.111-11")
    page.get_by_role("button", name="Enviar", exact=True).click()
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("Corrija os campos indicados para continuar.")
    expect(errors).to_contain_text("CPF inválido")
    cpf = page.get_by_label("CPF do solicitante")
    expect(cpf).to_have_attribute("aria-invalid", "true")
    expect(cpf).to_have_accessible_description(
        re.compile(r"^CPF inválido \(dígito verificador\)\. .* Ex: 000\.000\.000-00")
    )
    errors.get_by_role("link", name="CPF do solicitante").click()  # the summary leads to the field
    expect(cpf).to_be_focused()
    expect(page.get_by_text(GENERIC_ANSWER)).to_have_count(0)
    assert mail.outbox == []
    assert_accessible(page)
    _shot(page, "consulta-erro-desktop")

    page.get_by_label("CPF do solicitante").fill("529.982.247-25")
    page.get_by_role("button", name="Enviar", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=GENERIC_ANSWER)).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)  # never ticket data on the page
    assert_accessible(page)

    message = next(m for m in mail.outbox if m.to == ["joao@empresa.example"])
    link = re.search(r"https?://\S+?(/tickets/acesso/[^/\s]+/)", message.body).group(1)
    page.goto(live_server.url + link)
    expect(page.get_by_role("heading", name="Abrir suas solicitações")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ver minhas solicitações").click()
    expect(page).to_have_url(live_server.url + "/tickets/consultar/")
    granted = page.get_by_role("region", name="Suas solicitações")
    expect(granted.get_by_role("link", name=ticket.protocol)).to_be_visible()
    expect(granted.get_by_text("Erro 500 na consulta de biometria")).to_be_visible()
    expect(granted.get_by_text("De outro e-mail")).to_have_count(0)  # same CPF, another e-mail: private
    assert_accessible(page)
    _shot_both_widths(page, "consulta-liberada")

    page.get_by_label("CPF do solicitante").fill("529.982.247-25")  # asking again, with the list open
    page.get_by_role("button", name="Enviar", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=GENERIC_ANSWER)).to_be_visible()
    expect(granted.get_by_role("link", name=ticket.protocol)).to_be_visible()
    expect(page.locator("#resultado")).to_have_count(1)  # the page's fragment leads to one place
    assert_accessible(page)

    granted.get_by_role("link", name=ticket.protocol).click()
    expect(page).to_have_url(f"{live_server.url}/tickets/{ticket.year}SS/{ticket.number:05d}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Solicitação {ticket.protocol}")
    expect(page.get_by_text("Ainda não há mensagens.", exact=False)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Enviar mensagem").click()  # nothing written: an error, not a 500
    expect(page.get_by_role("alert")).to_contain_text("Corrija os campos indicados para continuar.")
    expect(page.get_by_label("Sua mensagem")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    evidence = tmp_path / "comprovante.pdf"
    evidence.write_bytes(PDF)
    page.get_by_label("Sua mensagem").fill("Segue o comprovante.\nO erro continua hoje.")
    page.get_by_label("Anexos").set_input_files(evidence)
    page.get_by_role("button", name="Enviar mensagem").click()

    expect(page.get_by_role("status").filter(has_text="Mensagem enviada.")).to_be_visible()
    conversation = page.get_by_role("region", name="Conversa")
    expect(conversation.get_by_text("Segue o comprovante.")).to_be_visible()
    expect(conversation.get_by_text("João Pereira")).to_be_visible()
    expect(conversation.get_by_role("link", name="comprovante.pdf")).to_be_visible()
    expect(page.locator(".ticket-page__head .status")).to_have_text("Aguardando atendimento")
    assert_accessible(page)
    _shot_both_widths(page, "ticket-pagina")

    with page.expect_download() as download:
        conversation.get_by_role("link", name="comprovante.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    assert ticket.attachments.get().original_name == "comprovante.pdf"


def test_gestor_sees_a_colleagues_ticket_and_a_membro_does_not(live_server, page: Page, browser, gestor, colleague):
    ticket = TicketFactory(
        requester_cpf=colleague.cpf,
        requester_name=colleague.name,
        email=colleague.email,
        cnpj=CNPJ,
        created_by=colleague,
        title="Certificado expirado no ambiente de produção",
    )
    member = UserFactory(email="ana@cliente.example", name="Ana Souza")
    MembershipFactory(user=member, organization=gestor.memberships.get().organization, role="membro")

    _log_in(page, live_server.url, "maria@cliente.example", "/tickets/consultar/")
    expect(page.get_by_role("textbox", name="Número da solicitação")).to_be_hidden()
    assert_accessible(page)
    page.get_by_role("textbox", name="CPF").fill("111.444.777-35")
    page.get_by_label("Abertas").check()
    page.get_by_role("button", name="Enviar", exact=True).click()

    results = _results(page)
    expect(results.get_by_text("1 solicitação encontrada.")).to_be_visible()
    expect(results.get_by_role("link", name=ticket.protocol)).to_be_visible()
    expect(results.get_by_text("João Pereira")).to_be_visible()
    expect(page.get_by_role("textbox", name="CPF")).to_have_value("111.444.777-35")  # criteria kept for paging
    assert_accessible(page)
    _shot_both_widths(page, "consulta-gestor")

    results.get_by_role("link", name=ticket.protocol).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Solicitação {ticket.protocol}")
    expect(page.get_by_text("Certificado expirado no ambiente de produção")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Você está em").get_by_role("link").click()
    page.get_by_label("Fechadas").check()  # nothing here: the ticket is still open
    page.get_by_role("button", name="Enviar", exact=True).click()
    expect(_results(page).get_by_text("Nenhuma solicitação encontrada com estes dados.")).to_be_visible()
    assert_accessible(page)

    other = browser.new_context(locale="pt-BR", viewport={"width": 1280, "height": 800})
    member_page = other.new_page()
    try:
        _log_in(member_page, live_server.url, "ana@cliente.example", "/tickets/consultar/")
        member_page.get_by_role("textbox", name="CPF").fill("111.444.777-35")
        member_page.get_by_label("Abertas").check()
        member_page.get_by_role("button", name="Enviar", exact=True).click()
        expect(_results(member_page).get_by_text("Nenhuma solicitação encontrada com estes dados.")).to_be_visible()
        expect(_results(member_page).get_by_role("table")).to_have_count(0)
        assert_accessible(member_page)

        response = member_page.goto(live_server.url + ticket.get_absolute_url())
        assert response.status == 404
        expect(member_page.get_by_role("heading", level=1)).to_have_text("Página não encontrada")
        expect(member_page.get_by_text("Certificado expirado")).to_have_count(0)
        assert_accessible(member_page)
    finally:
        other.close()


def test_customer_closes_reopens_and_rates_a_resolved_ticket(live_server, page: Page, gestor):
    ticket = TicketFactory(requester_cpf=gestor.cpf, cnpj=CNPJ, created_by=gestor, title="Boleto em duplicidade")
    resolved = TicketFactory(
        requester_cpf=gestor.cpf,
        cnpj=CNPJ,
        created_by=gestor,
        title="Lentidão na API",
        status="resolvido",
        closed_at=timezone.now() - datetime.timedelta(hours=2),
    )

    _log_in(page, live_server.url, "529.982.247-25", ticket.get_absolute_url())
    actions = page.get_by_role("region", name="O que você pode fazer")
    expect(page.locator(".ticket-page__head .status")).to_have_text("Aberto")
    expect(actions.get_by_role("button", name="Reabrir solicitação")).to_have_count(0)
    assert_accessible(page)

    actions.get_by_role("button", name="Fechar solicitação").click()
    expect(page.get_by_role("status").filter(has_text="Solicitação fechada.")).to_be_visible()
    expect(page.locator(".ticket-page__head .status")).to_have_text("Fechado")
    expect(page.get_by_label("Sua mensagem")).to_have_count(0)  # closed: no replies until reopened
    expect(page.get_by_text("Esta solicitação está fechada.", exact=False)).to_be_visible()
    expect(actions.get_by_role("button", name="Fechar solicitação")).to_have_count(0)
    # Closed by the customer before any answer: nothing to rate.
    expect(actions.get_by_role("group", name="Como você avalia o atendimento?")).to_have_count(0)
    assert_accessible(page)

    actions.get_by_role("button", name="Reabrir solicitação").click()  # without saying why
    expect(actions.get_by_text("Conte o que ainda falta resolver.")).to_be_visible()
    expect(page.locator(".ticket-page__head .status")).to_have_text("Fechado")
    assert_accessible(page)
    actions.get_by_label("O que ainda falta resolver?").fill("A segunda via saiu de novo em duplicidade.")
    actions.get_by_role("button", name="Reabrir solicitação").click()
    expect(page.get_by_role("status").filter(has_text="Solicitação reaberta.")).to_be_visible()
    expect(page.locator(".ticket-page__head .status")).to_have_text("Aguardando atendimento")
    expect(page.get_by_label("Sua mensagem")).to_be_visible()
    conversation = page.get_by_role("region", name="Conversa")
    expect(conversation.get_by_text("A segunda via saiu de novo em duplicidade.")).to_be_visible()
    history = page.get_by_role("region", name="Histórico")
    expect(history.get_by_role("listitem")).to_have_count(2)  # the factory records no opening event
    expect(history).to_contain_text("Fechada pelo cliente.")
    expect(history).to_contain_text("Reaberta pelo cliente.")
    assert_accessible(page)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    assert ticket.closed_at is None

    page.goto(live_server.url + resolved.get_absolute_url())
    expect(page.locator(".ticket-page__head .status")).to_have_text("Resolvido")
    rating = actions.get_by_role("group", name="Como você avalia o atendimento?")
    expect(rating).to_be_visible()
    assert_accessible(page)
    _shot(page, "ticket-avaliar-desktop")

    actions.get_by_role("button", name="Enviar avaliação").click()  # no grade chosen
    expect(actions.get_by_text("Escolha uma nota de 1 a 5.")).to_be_visible()
    assert_accessible(page)

    rating.get_by_label("4").check()
    actions.get_by_label("Comentário (opcional)").fill("Resolveram rápido, mas demorou a primeira resposta.")
    actions.get_by_role("button", name="Enviar avaliação").click()
    expect(page.get_by_role("status").filter(has_text="Obrigado pela avaliação!")).to_be_visible()
    expect(actions.get_by_text("Você avaliou o atendimento com nota 4 de 5. Obrigado!")).to_be_visible()
    expect(actions.get_by_role("button", name="Enviar avaliação")).to_have_count(0)
    assert_accessible(page)
    resolved.refresh_from_db()
    assert resolved.rating == 4
    assert resolved.rating_comment == "Resolveram rápido, mas demorou a primeira resposta."


def test_the_refusal_pages_explain_themselves_and_are_accessible(page: Page, live_server, monkeypatch, settings):
    """A spent link, too many lookups, too many failed logins: each says what happened and what to do."""

    page.goto(live_server.url + "/tickets/acesso/um-link-que-nao-existe/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Link inválido ou expirado")
    expect(page.get_by_role("link", name="Consultar solicitações")).to_be_visible()
    assert_accessible(page)

    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "consulta-ip": (1, 60)}
    for _ in range(2):
        page.goto(live_server.url + "/tickets/consultar/")
        page.get_by_label("CPF do solicitante").fill("529.982.247-25")
        page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Muitas tentativas")
    assert_accessible(page)

    customer = UserFactory(email="bloqueio@cliente.example")
    for _ in range(6):
        page.goto(live_server.url + "/entrar/")
        page.get_by_label("CPF ou e-mail").fill(customer.email)
        page.get_by_label("Senha").fill("senha-errada")
        page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Acesso bloqueado por alguns minutos")
    assert_accessible(page)
    _shot(page, "bloqueio")
