"""The staff workspace in a real Chromium: an atendente answers from "Meus tickets", a supervisor
reassigns and exports, and every admin page on the way passes axe (WCAG A/AA).

The customer then reads the answer on their own ticket page, in another browser context: the
public reply is there, the internal note is not.
"""

import csv
import datetime
import importlib
import io
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from portal.models import User
from tests.a11y import assert_accessible
from tests.factories import DEFAULT_PASSWORD, TeamFactory, TicketFactory, TicketFormFactory, UserFactory
from tests.two_factor import app_device, code_for
from tickets.models import AccessLog, Message, Ticket

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SHOTS = Path(tempfile.gettempdir()) / "shots-admin"  # where the staff pages are reviewed by eye
CHANGELIST = "/admin/tickets/ticket/"
NOTE = "Cliente antigo; conferir o contrato antes de prometer prazo."
REPLY = "Corrigimos a configuração do certificado.\nPode testar de novo?"


def _shot(page: Page, name: str, width: str = "desktop") -> None:
    """A full-page screenshot (at 1280 px: "desktop"), in test-artifacts/ like the other browser tests and in SHOTS."""
    page.evaluate("window.scrollTo(0, 0)")  # else the sticky app menu is drawn where the page was scrolled to
    for folder in (ARTIFACTS, SHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)


def _staff_groups() -> None:
    """The groups of the data migration, again: a transactional test's flush empties auth_group.

    Permissions come back after a flush (post_migrate), groups do not; so whichever test runs
    first, "Atendente" and "Supervisor" have exactly the permissions the migration grants.
    """
    migration = importlib.import_module("tickets.migrations.0005_staff_groups")
    for name, grants in migration.GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, actions in grants:
            codenames = [migration._codename(action, model) for action in actions]
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


class Desk:
    """Two teams; Ana and Bruno attend team A, Carla team B; Sofia supervises; Maria is a customer."""


@pytest.fixture
def desk():
    _staff_groups()
    now = timezone.now()
    d = Desk()
    d.team_a = TeamFactory(name="Equipe Certificação", email="certificacao@atendimento.example")
    d.team_b = TeamFactory(name="Equipe Financeiro", email="financeiro@atendimento.example")
    d.ana = UserFactory(is_staff=True, name="Ana Atendente", email="ana@atendimento.example", cpf="39053344705")
    d.bruno = UserFactory(is_staff=True, name="Bruno Atendente", email="bruno@atendimento.example")
    d.carla = UserFactory(is_staff=True, name="Carla Atendente", email="carla@atendimento.example")
    d.sofia = UserFactory(is_staff=True, name="Sofia Supervisora", email="sofia@atendimento.example", cpf="11144477735")
    Group.objects.get(name="Atendente").user_set.add(d.ana, d.bruno, d.carla)
    Group.objects.get(name="Supervisor").user_set.add(d.sofia)
    d.team_a.members.add(d.ana, d.bruno)
    d.team_b.members.add(d.carla)
    form_a = TicketFormFactory(team=d.team_a)
    form_b = TicketFormFactory(team=d.team_b)
    d.customer = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    d.mine = TicketFactory(
        form=form_a,
        assignee=d.ana,
        created_by=d.customer,
        requester_cpf=d.customer.cpf,
        requester_name=d.customer.name,
        email=d.customer.email,
        title="Certificado expirado no ambiente de produção",
        description="Desde hoje cedo a API recusa o certificado.",
        created_at=now - datetime.timedelta(hours=30),
        response_due_at=now - datetime.timedelta(hours=2),  # overdue: first in the list, with the mark
        resolution_due_at=now + datetime.timedelta(days=3),
    )
    Message.objects.create(
        ticket=d.mine,
        kind=Message.Kind.CUSTOMER,
        body="O erro começou às 8h.\nSegue o horário exato: 08:02.",
        author=d.customer,
        author_name=d.customer.name,
        created_at=now - datetime.timedelta(hours=29),
    )
    d.unassigned = TicketFactory(
        form=form_a,
        title="Dúvida sobre limite de consultas",
        requester_cpf="74682489070",
        requester_name="João Pereira",
        response_due_at=now + datetime.timedelta(hours=6),
    )
    d.brunos = TicketFactory(
        form=form_a,
        assignee=d.bruno,
        title="Lentidão na consulta de biometria",
        requester_cpf="15350946056",
        requester_name="Paula Souza",
        response_due_at=now + datetime.timedelta(hours=8),
    )
    d.team_b_ticket = TicketFactory(
        form=form_b,
        assignee=d.carla,
        title="Boleto em duplicidade",
        requester_cpf="86288366757",
        requester_name="Rita Lima",
        response_due_at=now + datetime.timedelta(hours=4),
    )
    return d


def _admin_log_in(page: Page, base_url: str, login: str) -> None:
    """The password, then the second step with the code the person's authenticator app shows."""
    device = app_device(User.objects.find_for_login(login))
    page.goto(base_url + "/admin/login/?next=/admin/")
    expect(page.get_by_role("button", name="Acessar")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("E-mail").fill(login)
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Acessar").click()
    expect(page).to_have_url(base_url + "/admin/2fa/verificar/?next=%2Fadmin%2F")
    assert_accessible(page)
    page.get_by_label("Código de 6 dígitos").fill(code_for(device))
    page.get_by_role("button", name="Confirmar", exact=True).click()
    expect(page).to_have_url(base_url + "/admin/")


def _results(page: Page):
    return page.locator("#result_list")


def _row(page: Page, ticket: Ticket):
    return _results(page).get_by_role("row").filter(has_text=ticket.title)


def _messages(page: Page):
    return page.locator("ul.messagelist")


def test_atendente_answers_from_my_tickets_and_the_customer_sees_the_reply_not_the_note(
    live_server, page: Page, browser, desk
):
    _admin_log_in(page, live_server.url, "ana@atendimento.example")
    dashboard = page.get_by_role("region", name="Atendimento agora")
    expect(dashboard.get_by_role("link", name="3 em aberto")).to_be_visible()  # team A only
    expect(dashboard.get_by_role("link", name="1 atrasados")).to_be_visible()
    expect(dashboard.get_by_role("table", name="Por equipe")).to_contain_text("Equipe Certificação")
    expect(dashboard.get_by_text("Equipe Financeiro")).to_have_count(0)
    assert_accessible(page)
    _shot(page, "admin-home")

    page.goto(live_server.url + CHANGELIST)
    expect(_results(page).get_by_role("row")).to_have_count(4)  # the header and team A's three
    expect(_row(page, desk.team_b_ticket)).to_have_count(0)
    page.locator("#changelist-filter").get_by_role("link", name="Meus tickets").click()
    expect(page).to_have_url(live_server.url + CHANGELIST + "?responsavel=meus")
    expect(_results(page).get_by_role("row")).to_have_count(2)
    row = _row(page, desk.mine)
    expect(row.locator(".ticket-overdue")).to_contain_text("atrasado")
    expect(row.locator(".ticket-overdue")).to_be_in_viewport()  # the last column, not scrolled out of sight
    expect(row).to_contain_text("***.982.247-**")  # an atendente sees the CPF redacted
    assert_accessible(page)
    _shot(page, "admin-ticket-list")

    row.get_by_role("link", name=desk.mine.protocol).click()
    expect(page).to_have_url(
        f"{live_server.url}{CHANGELIST}{desk.mine.pk}/change/?_changelist_filters=responsavel%3Dmeus"
    )
    expect(page.get_by_role("heading", name=desk.mine.protocol)).to_be_visible()
    expect(page.get_by_text("O erro começou às 8h.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Nota interna (só a equipe vê)").check()
    page.get_by_label("Mensagem:", exact=True).fill(NOTE)
    page.get_by_role("button", name="Salvar e continuar editando").click()
    expect(_messages(page)).to_contain_text("foi alterado com sucesso")
    note = page.locator(".ticket-message--nota")
    expect(note).to_contain_text(NOTE)
    expect(note).to_contain_text("não visível ao cliente")
    expect(note).to_contain_text("Ana Atendente")
    expect(page.get_by_label("Mensagem:", exact=True)).to_have_value("")  # the note is not written twice
    assert mail.outbox == []  # a note e-mails nobody
    assert_accessible(page)

    page.get_by_label("Resposta pública (o cliente recebe por e-mail)").check()
    page.get_by_label("Mensagem:", exact=True).fill(REPLY)
    page.get_by_role("button", name="Salvar e continuar editando").click()
    expect(_messages(page)).to_contain_text("foi alterado com sucesso")
    reply = page.locator(".ticket-message--resposta")
    expect(reply).to_contain_text("Corrigimos a configuração do certificado.")
    expect(page.locator(".ticket-conversation > li")).to_have_count(3)
    assert_accessible(page)
    _shot(page, "admin-ticket-change")
    page.emulate_media(color_scheme="dark")  # the admin follows the system's theme: the marks must still read
    # The admin's links fade to their new colour (a CSS transition): check once it has finished.
    page.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")
    assert_accessible(page)
    page.emulate_media(color_scheme="light")

    page.get_by_role("button", name="Salvar", exact=True).click()  # nothing new: back to "Meus tickets"
    expect(page).to_have_url(live_server.url + CHANGELIST + "?responsavel=meus")
    expect(_row(page, desk.mine).locator(".ticket-overdue")).to_have_count(0)  # answered: not late anymore
    assert_accessible(page)

    desk.mine.refresh_from_db()
    assert desk.mine.first_response_at is not None
    assert [(m.kind, m.author) for m in desk.mine.messages.order_by("created_at", "pk")] == [
        (Message.Kind.CUSTOMER, desk.customer),
        (Message.Kind.NOTE, desk.ana),
        (Message.Kind.REPLY, desk.ana),
    ]
    assert [email.to for email in mail.outbox] == [["maria@cliente.example"]]
    assert desk.mine.protocol in mail.outbox[0].subject
    assert "Corrigimos a configuração do certificado." in mail.outbox[0].body
    assert NOTE not in mail.outbox[0].body

    context = browser.new_context(locale="pt-BR", viewport={"width": 1280, "height": 800})
    customer = context.new_page()
    try:
        url = desk.mine.get_absolute_url()
        customer.goto(f"{live_server.url}/entrar/?next={url}")
        customer.get_by_label("CPF ou e-mail").fill("529.982.247-25")
        customer.get_by_label("Senha").fill(DEFAULT_PASSWORD)
        customer.get_by_role("button", name="Entrar", exact=True).click()
        expect(customer).to_have_url(live_server.url + url)
        conversation = customer.get_by_role("region", name="Conversa")
        expect(conversation.get_by_text("Corrigimos a configuração do certificado.")).to_be_visible()
        expect(conversation.get_by_text("O erro começou às 8h.")).to_be_visible()
        expect(customer.get_by_text("conferir o contrato")).to_have_count(0)
        expect(customer.get_by_text("não visível ao cliente")).to_have_count(0)
        assert NOTE not in customer.content()
        assert_accessible(customer)
    finally:
        context.close()


def test_supervisor_reassigns_a_ticket_and_exports_the_selected_ones(live_server, page: Page, desk):
    _admin_log_in(page, live_server.url, "111.444.777-35")  # by CPF, formatted as people type it
    dashboard = page.get_by_role("region", name="Atendimento agora")
    expect(dashboard.get_by_role("link", name="4 em aberto")).to_be_visible()  # every team
    expect(dashboard.get_by_role("table", name="Por equipe")).to_contain_text("Equipe Financeiro")
    assert_accessible(page)

    page.goto(live_server.url + CHANGELIST)
    expect(_results(page).get_by_role("row")).to_have_count(5)
    expect(_row(page, desk.mine)).to_contain_text("529.982.247-25")  # supervisors see the whole CPF
    assert_accessible(page)

    # Ana's ticket goes to Bruno, with the action bar's "Responsável".
    _row(page, desk.mine).get_by_role("checkbox").check()
    actions = page.locator("div.actions")
    actions.get_by_role("combobox", name="Ação:", exact=True).select_option(label="Atribuir ao responsável escolhido")
    actions.get_by_role("combobox", name="Responsável", exact=True).select_option(label="Bruno Atendente")
    expect(page.locator(".action-counter")).to_have_text("1 de 4 selecionado")
    assert_accessible(page)  # with a row selected and the action bar filled in
    page.get_by_role("button", name="Executar").click()
    expect(_messages(page)).to_contain_text("1 ticket atribuído.")
    expect(_row(page, desk.mine)).to_contain_text("Bruno Atendente")
    assert_accessible(page)
    desk.mine.refresh_from_db()
    assert desk.mine.assignee == desk.bruno

    # On the change page: the unassigned ticket to Bruno too; Carla is refused (not in team A).
    _row(page, desk.unassigned).get_by_role("link", name=desk.unassigned.protocol).click()
    expect(page.get_by_role("heading", name=desk.unassigned.protocol)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Responsável:", exact=True).select_option(label="Carla Atendente")
    page.get_by_role("button", name="Salvar e continuar editando").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_text("Esta pessoa não faz parte da equipe escolhida.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Responsável:", exact=True).select_option(label="Bruno Atendente")
    page.get_by_role("button", name="Salvar", exact=True).click()
    expect(page).to_have_url(live_server.url + CHANGELIST)
    expect(_messages(page)).to_contain_text("foi alterado com sucesso")
    desk.unassigned.refresh_from_db()
    assert desk.unassigned.assignee == desk.bruno

    # Export two of the four.
    chosen = [desk.mine, desk.team_b_ticket]
    for ticket in chosen:
        _row(page, ticket).get_by_role("checkbox").check()
    actions.get_by_role("combobox", name="Ação:", exact=True).select_option(label="Exportar os selecionados (CSV)")
    with page.expect_download() as download:
        page.get_by_role("button", name="Executar").click()
    assert download.value.suggested_filename == f"tickets-{timezone.localdate():%Y-%m-%d}.csv"
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    assert rows[0][:7] == ["Protocolo", "Assunto", "Produto ou assunto", "Situação", "Prioridade", "Solicitante", "CPF"]
    by_protocol = {row[0]: row for row in rows[1:]}
    assert sorted(by_protocol) == sorted(ticket.protocol for ticket in chosen)  # only the selected rows
    assert by_protocol[desk.mine.protocol][6] == "529.982.247-25"  # supervisors have the reveal permission
    assert by_protocol[desk.mine.protocol][10] == "Bruno Atendente"
    assert by_protocol[desk.team_b_ticket.protocol][6] == "862.883.667-57"
    log = AccessLog.objects.get(action=AccessLog.Action.EXPORT)
    assert (log.user, set(log.detail.split(", "))) == (desk.sofia, {ticket.protocol for ticket in chosen})
    assert_accessible(page)  # a download leaves the list as it was

    # Resolving in bulk sends the customers no reply: a page between asks why, keeping the selection.
    _row(page, desk.mine).get_by_role("checkbox").uncheck()
    expect(actions.get_by_role("combobox", name="Ação:", exact=True).locator("option").first).to_have_text(
        "— Escolha uma ação —"
    )
    actions.get_by_role("combobox", name="Ação:", exact=True).select_option(label="Mudar a situação para a escolhida")
    actions.get_by_role("combobox", name="Situação", exact=True).select_option(label="Resolvido")
    page.get_by_role("button", name="Executar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mudar a situação para “Resolvido”")
    expect(page.get_by_role("listitem").filter(has_text=desk.team_b_ticket.protocol)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Mudar a situação para “Resolvido”").click()  # no reason given
    expect(page.get_by_text("Informe o motivo: resolvidos em lote")).to_be_visible()
    assert_accessible(page)
    _shot(page, "admin-bulk-resolve-reason")
    page.get_by_label("Motivo:").fill("Estorno do boleto em duplicidade feito pelo financeiro.")
    page.get_by_role("button", name="Mudar a situação para “Resolvido”").click()
    expect(page).to_have_url(live_server.url + CHANGELIST)
    expect(_messages(page)).to_contain_text("1 ticket mudou de situação.")
    assert_accessible(page)
    desk.team_b_ticket.refresh_from_db()
    assert desk.team_b_ticket.status == Ticket.Status.RESOLVED
    assert desk.team_b_ticket.events.get().note == "Estorno do boleto em duplicidade feito pelo financeiro."


def test_a_ticket_waiting_on_the_customer_shows_its_pause_and_resolving_it_needs_a_word(live_server, page: Page, desk):
    now = timezone.now()
    waiting = TicketFactory(
        form=desk.mine.form,
        assignee=desk.ana,
        title="Aguardando o horário exato do erro",
        requester_cpf="74682489070",
        requester_name="João Pereira",
        status=Ticket.Status.WAITING_CUSTOMER,
        sla_paused_at=now - datetime.timedelta(days=2),
        sla_paused=datetime.timedelta(hours=3),
        response_due_at=now - datetime.timedelta(days=1),  # would be late, if the clock were running
        resolution_due_at=now + datetime.timedelta(days=2),
    )
    page.set_viewport_size({"width": 1366, "height": 800})
    _admin_log_in(page, live_server.url, "ana@atendimento.example")
    dashboard = page.get_by_role("region", name="Atendimento agora")
    expect(dashboard.get_by_role("link", name="1 atrasados")).to_be_visible()  # desk.mine only
    expect(dashboard.get_by_role("link", name="1 aguardando o cliente")).to_be_visible()

    page.goto(live_server.url + CHANGELIST)
    row = _row(page, waiting)
    expect(row.locator(".ticket-paused")).to_contain_text("pausado há")
    expect(row.locator(".ticket-paused")).to_be_in_viewport()
    expect(row.locator(".ticket-overdue")).to_have_count(0)
    rows = _results(page).locator("tbody tr")
    expect(rows.first).to_contain_text(desk.mine.title)  # the overdue one first…
    expect(rows.last).to_contain_text(waiting.title)  # …the paused one after those whose clock runs
    assert_accessible(page)
    _shot(page, "admin-ticket-list", "1366px")

    row.get_by_role("link", name=waiting.protocol).click()
    expect(page.locator(".field-sla_pause_display")).to_contain_text("Pausado há")
    expect(page.locator(".field-sla_pause_display")).to_contain_text("total pausado")
    assert_accessible(page)
    _shot(page, "admin-ticket-paused", "1366px")

    page.get_by_label("Situação:", exact=True).select_option(label="Resolvido")
    page.get_by_label("Nota interna (só a equipe vê)").check()
    page.get_by_label("Mensagem:", exact=True).fill("Cliente confirmou por telefone.")
    page.get_by_role("button", name="Salvar e continuar editando").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_text("Para marcar como “Resolvido”, escreva uma resposta pública")).to_be_visible()
    expect(page.get_by_label("Mensagem:", exact=True)).to_have_value("Cliente confirmou por telefone.")  # kept
    assert_accessible(page)
    waiting.refresh_from_db()
    assert waiting.status == Ticket.Status.WAITING_CUSTOMER

    page.get_by_label("Observação da mudança de situação:").fill("Confirmado por telefone com o cliente.")
    page.get_by_role("button", name="Salvar e continuar editando").click()
    expect(_messages(page)).to_contain_text("foi alterado com sucesso")
    expect(page.locator(".field-sla_pause_display")).to_contain_text("Total pausado")
    expect(page.locator(".ticket-message--nota")).to_contain_text("Cliente confirmou por telefone.")
    history = page.locator(".inline-group")
    expect(history).to_contain_text("Aguardando o cliente → Resolvido")
    expect(history).to_contain_text("Confirmado por telefone com o cliente.")
    assert_accessible(page)
    waiting.refresh_from_db()
    assert waiting.status == Ticket.Status.RESOLVED
    assert waiting.sla_paused_at is None
    assert waiting.sla_paused >= datetime.timedelta(hours=3)
