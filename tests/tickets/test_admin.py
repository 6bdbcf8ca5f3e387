"""The staff workspace in Django admin: scoping by team, the ticket page, actions, LGPD, SLA."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.budgets import max_queries
from tests.factories import (
    AttachmentFactory,
    FormFieldFactory,
    MessageFactory,
    TeamFactory,
    TicketFactory,
    TicketFormFactory,
    UserFactory,
)
from tests.two_factor import staff_client
from tickets.models import AccessLog, Message, SlaPolicy, Ticket

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/tickets/ticket/"


def change_url(ticket, suffix="change/"):
    return f"/admin/tickets/ticket/{ticket.pk}/{suffix}"


class Desk:
    """Two teams, an atendente in each, a supervisor, and a ticket per team."""


@pytest.fixture
def desk():
    d = Desk()
    d.team_a = TeamFactory(name="Equipe A", email="a@atendimento.example")
    d.team_b = TeamFactory(name="Equipe B", email="b@atendimento.example")
    d.atendente_a = UserFactory(is_staff=True, name="Atendente A")
    d.atendente_b = UserFactory(is_staff=True, name="Atendente B")
    d.supervisor = UserFactory(is_staff=True, name="Supervisora")
    Group.objects.get(name="Atendente").user_set.add(d.atendente_a, d.atendente_b)
    Group.objects.get(name="Supervisor").user_set.add(d.supervisor)
    d.team_a.members.add(d.atendente_a)
    d.team_b.members.add(d.atendente_b)
    form_a = TicketFormFactory(team=d.team_a)
    form_b = TicketFormFactory(team=d.team_b)
    d.ticket_a = TicketFactory(form=form_a, title="Chamado da equipe A", requester_cpf="52998224725")
    d.ticket_b = TicketFactory(form=form_b, title="Chamado da equipe B")
    return d


def as_user(user):
    """Signed in; staff also past the second login step (tests/staff checks that step itself)."""
    return staff_client(user)


def work(client, ticket, **changes):
    """POST the ticket's change page as the browser would, with ``changes`` on top."""
    data = {
        "status": ticket.status,
        "status_note": "",
        "priority": ticket.priority,
        "team": ticket.team_id,
        "assignee": ticket.assignee_id or "",
        "message_kind": "resposta",
        "message_body": "",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
        "events-MIN_NUM_FORMS": "0",
        "events-MAX_NUM_FORMS": "0",
        **changes,
    }
    return client.post(change_url(ticket), data)


def action(client, name, tickets, **extra):
    return client.post(CHANGELIST, {"action": name, "_selected_action": [t.pk for t in tickets], "index": 0, **extra})


# Pages


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/tickets/ticket/",
        "/admin/tickets/ticketform/",
        "/admin/tickets/ticketform/add/",
        "/admin/tickets/subject/",
        "/admin/tickets/team/",
        "/admin/tickets/tickettype/",
        "/admin/tickets/slapolicy/",
        "/admin/tickets/slapolicy/add/",
        "/admin/tickets/accesslog/",
        "/admin/tickets/holiday/",
    ],
)
def test_staff_pages_render_for_a_superuser(path):
    TicketFactory()
    assert as_user(UserFactory(is_staff=True, is_superuser=True)).get(path).status_code == 200


def test_form_fields_are_edited_inline():
    form = TicketFormFactory()
    FormFieldFactory(form=form, label="Ambiente de produção?")
    client = as_user(UserFactory(is_staff=True, is_superuser=True))
    assert "Ambiente de produção?" in client.get(f"/admin/tickets/ticketform/{form.pk}/change/").content.decode()


# Scope: an atendente works their teams' tickets only


def test_atendente_lists_only_their_teams_tickets(desk):
    html = as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    assert "Chamado da equipe A" in html
    assert "Chamado da equipe B" not in html


def test_supervisor_lists_every_team(desk):
    html = as_user(desk.supervisor).get(CHANGELIST).content.decode()
    assert "Chamado da equipe A" in html
    assert "Chamado da equipe B" in html


def test_atendente_opening_or_changing_another_teams_ticket_gets_a_404(desk):
    client = as_user(desk.atendente_a)
    assert client.get(change_url(desk.ticket_b)).status_code == 404
    assert work(client, desk.ticket_b, status="em_atendimento", message_body="Oi").status_code == 404
    desk.ticket_b.refresh_from_db()
    assert desk.ticket_b.status == Ticket.Status.OPEN
    assert not desk.ticket_b.messages.exists()


def test_atendente_acting_on_another_teams_ticket_changes_nothing(desk):
    client = as_user(desk.atendente_a)
    action(client, "assign_to_me", [desk.ticket_b])
    action(client, "change_status", [desk.ticket_b], status="em_atendimento")
    desk.ticket_b.refresh_from_db()
    assert desk.ticket_b.assignee is None
    assert desk.ticket_b.status == Ticket.Status.OPEN


def test_atendente_cannot_download_another_teams_file(desk):
    file_b = AttachmentFactory(ticket=desk.ticket_b)
    file_a = AttachmentFactory(ticket=desk.ticket_a)
    client = as_user(desk.atendente_a)
    assert client.get(change_url(desk.ticket_b, f"anexos/{file_b.token}/")).status_code == 404
    assert client.get(change_url(desk.ticket_a, f"anexos/{file_b.token}/")).status_code == 404
    response = client.get(change_url(desk.ticket_a, f"anexos/{file_a.token}/"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_atendente_does_not_get_supervisor_actions(desk):
    html = as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    assert 'value="assign_to_me"' in html
    assert 'value="export_csv"' not in html
    assert 'value="assign_to"' not in html
    assert 'value="anonymise_requesters"' not in html
    assert 'value="export_csv"' in as_user(desk.supervisor).get(CHANGELIST).content.decode()


# The ticket page


def test_change_page_shows_requester_data_read_only_and_the_conversation(desk):
    MessageFactory(ticket=desk.ticket_a, kind=Message.Kind.CUSTOMER, body="Mensagem do cliente")
    MessageFactory(ticket=desk.ticket_a, kind=Message.Kind.NOTE, body="Nota da equipe")
    html = as_user(desk.atendente_a).get(change_url(desk.ticket_a)).content.decode()
    assert 'name="requester_name"' not in html
    assert 'name="email"' not in html
    assert "529.982.247-25" in html
    assert "Mensagem do cliente" in html
    assert "ticket-message--nota" in html
    assert "não visível ao cliente" in html
    assert 'name="status"' in html


def test_status_select_offers_only_allowed_transitions(desk):
    html = as_user(desk.atendente_a).get(change_url(desk.ticket_a)).content.decode()
    status_select = html[html.index('name="status"') : html.index("</select>", html.index('name="status"'))]
    assert 'value="em_atendimento"' in status_select
    assert 'value="aguardando_atendimento"' not in status_select


def test_a_disallowed_transition_gets_a_message_and_changes_nothing(desk):
    desk.ticket_a.status = Ticket.Status.IN_PROGRESS
    desk.ticket_a.save()
    response = work(as_user(desk.atendente_a), desk.ticket_a, status="fechado")
    assert response.status_code == 200
    assert "Faça uma escolha válida" in response.content.decode()
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.status == Ticket.Status.IN_PROGRESS
    assert not desk.ticket_a.events.exists()


def test_allowed_transition_is_recorded_with_who_and_when(desk):
    work(as_user(desk.atendente_a), desk.ticket_a, status="em_atendimento", status_note="Analisando")
    event = desk.ticket_a.events.get()
    assert (event.from_status, event.to_status, event.by, event.note) == (
        "aberto",
        "em_atendimento",
        desk.atendente_a,
        "Analisando",
    )


def test_public_reply_emails_the_customer_and_counts_as_first_response(desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = work(as_user(desk.atendente_a), desk.ticket_a, message_body="Já corrigimos.")
    assert response.status_code == 302
    message = desk.ticket_a.messages.get()
    assert (message.kind, message.author) == (Message.Kind.REPLY, desk.atendente_a)
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.first_response_at is not None
    assert [email.to for email in mail.outbox] == [[desk.ticket_a.email]]
    assert "Já corrigimos." in mail.outbox[0].body


def test_internal_note_reaches_no_customer_page_consultation_or_email(desk, django_capture_on_commit_callbacks):
    customer = UserFactory()
    desk.ticket_a.created_by = customer
    desk.ticket_a.requester_cpf = customer.cpf
    desk.ticket_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        work(as_user(desk.atendente_a), desk.ticket_a, message_kind="nota", message_body="Segredo interno")
        work(as_user(desk.atendente_a), desk.ticket_a, status="resolvido", status_note="Resolvido por telefone.")
    assert desk.ticket_a.messages.get().kind == Message.Kind.NOTE
    customer_client = as_user(customer)
    page = customer_client.get(desk.ticket_a.get_absolute_url()).content.decode()
    customer_client.post("/tickets/consultar/", {"by": "cpf", "cpf": customer.cpf, "situation": "fechadas"})
    results = customer_client.get("/tickets/consultar/").content.decode()
    assert desk.ticket_a.title in results
    for text in [page, results, *(email.body for email in mail.outbox), *(e.alternatives[0][0] for e in mail.outbox)]:
        assert "Segredo interno" not in text
    assert len(mail.outbox) == 1  # the "resolved" e-mail only


def test_status_history_shows_status_names_not_codes(desk):
    client = as_user(desk.atendente_a)
    work(client, desk.ticket_a, status="em_atendimento")
    assert str(desk.ticket_a.events.get()) == f"{desk.ticket_a.protocol}: Aberto → Em atendimento"
    html = client.get(change_url(desk.ticket_a)).content.decode()
    assert "aberto → em_atendimento" not in html
    assert "Aberto → Em atendimento" in html


def test_resolving_without_a_public_reply_or_a_reason_is_refused_and_keeps_what_was_typed(desk):
    response = work(
        as_user(desk.atendente_a),
        desk.ticket_a,
        status="resolvido",
        priority="alta",
        message_kind="nota",
        message_body="Só uma nota interna, o cliente não vê.",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Para marcar como “Resolvido”, escreva uma resposta pública ao cliente ou informe o motivo" in html
    assert "Só uma nota interna, o cliente não vê." in html
    assert '<option value="alta" selected>' in html
    desk.ticket_a.refresh_from_db()
    assert (desk.ticket_a.status, desk.ticket_a.priority) == ("aberto", "normal")
    assert not desk.ticket_a.messages.exists()


def test_resolving_with_a_public_reply_sends_the_reply_and_then_the_resolution(
    desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = work(as_user(desk.atendente_a), desk.ticket_a, status="resolvido", message_body="Pode testar.")
    assert response.status_code == 302
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.status == "resolvido"
    assert desk.ticket_a.messages.get().kind == Message.Kind.REPLY
    assert ["Pode testar." in email.body for email in mail.outbox] == [True, False]  # the answer, then "resolvida"
    assert "resolvida" in mail.outbox[1].subject


def test_resolving_with_a_reason_records_it_in_the_history(desk):
    work(as_user(desk.atendente_a), desk.ticket_a, status="resolvido", status_note="Resolvido por telefone.")
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.status == "resolvido"
    assert desk.ticket_a.events.get().note == "Resolvido por telefone."


def test_the_service_refuses_to_resolve_without_a_reason(desk):
    from tickets import services

    with pytest.raises(services.TicketActionRefused):
        services.ticket_change_status(desk.ticket_a, "resolvido", user=desk.supervisor)
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.status == "aberto"


def test_a_reply_with_a_disguised_file_is_refused(desk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("nota.pdf", b"<html><script>x</script></html>", "application/pdf")
    response = work(as_user(desk.atendente_a), desk.ticket_a, message_body="Segue", message_files=[fake])
    assert response.status_code == 200
    assert "não é de um tipo aceito" in response.content.decode()
    assert not desk.ticket_a.messages.exists()


def test_assignee_must_belong_to_the_team(desk):
    response = work(as_user(desk.supervisor), desk.ticket_a, assignee=desk.atendente_b.pk)
    assert "não faz parte da equipe" in response.content.decode()
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.assignee is None


def test_supervisor_reassigns_to_another_team_and_its_atendente(desk):
    work(as_user(desk.supervisor), desk.ticket_a, team=desk.team_b.pk, assignee=desk.atendente_b.pk)
    desk.ticket_a.refresh_from_db()
    assert (desk.ticket_a.team, desk.ticket_a.assignee) == (desk.team_b, desk.atendente_b)


def test_changing_the_priority_recomputes_the_due_dates_from_the_policy(desk):
    SlaPolicy.objects.create(product=desk.ticket_a.product, priority="urgente", response_hours=2, resolution_hours=8)
    ticket = desk.ticket_a
    ticket.created_at = datetime.datetime(2026, 11, 23, 9, tzinfo=datetime.UTC)  # Monday, 6h in São Paulo
    ticket.save()
    work(as_user(desk.atendente_a), ticket, priority="urgente")
    ticket.refresh_from_db()
    assert ticket.priority == "urgente"
    assert timezone.localtime(ticket.response_due_at).strftime("%a %H:%M") == "Mon 10:00"
    assert timezone.localtime(ticket.resolution_due_at).strftime("%a %H:%M") == "Mon 16:00"


def test_viewing_a_ticket_is_recorded_in_the_access_log(desk):
    as_user(desk.atendente_a).get(change_url(desk.ticket_a))
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.ticket) == (desk.atendente_a, "ver", desk.ticket_a)
    assert as_user(desk.supervisor).get("/admin/tickets/accesslog/").status_code == 200
    assert as_user(desk.atendente_a).get("/admin/tickets/accesslog/").status_code == 403


# The list


def test_overdue_tickets_come_first_with_a_mark(desk):
    now = timezone.now()
    desk.ticket_a.response_due_at = now + datetime.timedelta(hours=5)
    desk.ticket_a.save()
    late = TicketFactory(form=desk.ticket_a.form, title="Atrasado", response_due_at=now - datetime.timedelta(hours=1))
    html = as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    assert html.index("Atrasado") < html.index("Chamado da equipe A")
    assert "atrasado</strong>" in html
    assert "Atrasado" in as_user(desk.atendente_a).get(CHANGELIST, {"prazo": "atrasados"}).content.decode()
    assert late.is_overdue()


def test_open_tickets_come_first_by_due_date_then_the_rest_most_recently_updated_first(desk):
    now = timezone.now()
    form = desk.ticket_a.form
    desk.ticket_a.response_due_at = now + datetime.timedelta(hours=5)
    desk.ticket_a.save()
    old_closed = TicketFactory(
        form=form, title="Fechado faz tempo", status="fechado", response_due_at=now - datetime.timedelta(days=20)
    )
    recent_resolved = TicketFactory(
        form=form, title="Resolvido ontem", status="resolvido", response_due_at=now - datetime.timedelta(days=9)
    )
    Ticket.objects.filter(pk=old_closed.pk).update(updated_at=now - datetime.timedelta(days=10))
    Ticket.objects.filter(pk=recent_resolved.pk).update(updated_at=now - datetime.timedelta(days=1))
    TicketFactory(form=form, title="Vence logo", response_due_at=now + datetime.timedelta(hours=1))
    TicketFactory(form=form, title="Já atrasado", response_due_at=now - datetime.timedelta(hours=1))
    TicketFactory(
        form=form,
        title="Esperando o cliente",
        status="aguardando_cliente",
        response_due_at=now - datetime.timedelta(days=2),
    )
    html = as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    results = html[html.index('id="result_list"') :]
    titles = [
        "Já atrasado",
        "Vence logo",
        "Chamado da equipe A",
        "Esperando o cliente",  # open, but its clock is stopped: after the running ones
        "Resolvido ontem",
        "Fechado faz tempo",
    ]
    positions = [results.index(title) for title in titles]
    assert positions == sorted(positions)


def test_mine_and_unassigned_filters(desk):
    mine = TicketFactory(form=desk.ticket_a.form, title="Meu ticket", assignee=desk.atendente_a)
    client = as_user(desk.atendente_a)
    html = client.get(CHANGELIST, {"responsavel": "meus"}).content.decode()
    assert mine.title in html
    assert "Chamado da equipe A" not in html
    html = client.get(CHANGELIST, {"responsavel": "ninguem"}).content.decode()
    assert "Chamado da equipe A" in html
    assert mine.title not in html


def test_a_filtered_lists_links_lead_to_the_ticket_and_back_to_the_same_filters(desk):
    mine = TicketFactory(form=desk.ticket_a.form, title="Meu ticket", assignee=desk.atendente_a)
    client = as_user(desk.atendente_a)

    filtered = client.get(CHANGELIST, {"responsavel": "meus", "em_aberto": "sim"}).content.decode()
    link = f'href="{change_url(mine)}?_changelist_filters=responsavel%3Dmeus%26em_aberto%3Dsim"'
    assert filtered.count(link) == 2  # the protocol and the title
    unfiltered = client.get(CHANGELIST).content.decode()
    assert f'href="{change_url(mine)}">{mine.protocol}</a>' in unfiltered
    assert "_changelist_filters" not in unfiltered

    back = client.post(
        change_url(mine) + "?_changelist_filters=responsavel%3Dmeus%26em_aberto%3Dsim",
        {"status": mine.status, "priority": mine.priority, "team": mine.team_id, "assignee": mine.assignee_id,
         "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0},
    )  # fmt: skip
    assert back.status_code == 302
    assert back["Location"] == f"{CHANGELIST}?responsavel=meus&em_aberto=sim"


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("52998224725", True),
        ("529.982.247-25", True),
        ("529982", False),  # part of a CPF: never a substring match
        ("82247", False),
        ("2026SS/{number}", True),
        ("2026ss/{number} ", True),
        ("Chamado da equipe A", True),
    ],
)
def test_search_matches_identifiers_exactly(desk, term, found):
    term = term.format(number=f"{desk.ticket_a.number:05d}")
    html = as_user(desk.supervisor).get(CHANGELIST, {"q": term}).content.decode()
    assert ("Chamado da equipe A" in html.split("</form>", 2)[-1]) is found


def test_search_by_exact_cnpj(desk):
    desk.ticket_a.cnpj = "12ABC34501DE35"
    desk.ticket_a.save()
    client = as_user(desk.supervisor)
    assert "Chamado da equipe A" in client.get(CHANGELIST, {"q": "12.abc.345/01de-35"}).content.decode()
    assert "Chamado da equipe A" not in client.get(CHANGELIST, {"q": "12ABC345"}).content.decode()


# Actions


def test_assign_to_me(desk):
    action(as_user(desk.atendente_a), "assign_to_me", [desk.ticket_a])
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.assignee == desk.atendente_a


def test_supervisor_assigns_to_someone_of_the_team(desk):
    action(as_user(desk.supervisor), "assign_to", [desk.ticket_a, desk.ticket_b], assignee=desk.atendente_b.pk)
    desk.ticket_a.refresh_from_db()
    desk.ticket_b.refresh_from_db()
    assert desk.ticket_a.assignee is None  # not in team A
    assert desk.ticket_b.assignee == desk.atendente_b


def test_status_action_skips_disallowed_transitions_with_a_message(desk):
    desk.ticket_b.status = Ticket.Status.CLOSED
    desk.ticket_b.save()
    response = action(
        as_user(desk.supervisor),
        "change_status",
        [desk.ticket_a, desk.ticket_b],
        status="resolvido",
        note="Corrigido no provedor.",
    )
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(desk.ticket_b.protocol in m for m in messages)
    desk.ticket_a.refresh_from_db()
    desk.ticket_b.refresh_from_db()
    assert (desk.ticket_a.status, desk.ticket_b.status) == ("resolvido", "fechado")


def test_bulk_resolving_asks_for_the_reason_and_keeps_the_selection(desk):
    client = as_user(desk.supervisor)
    response = action(client, "change_status", [desk.ticket_a, desk.ticket_b], status="resolvido")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Informe o motivo" in html
    for ticket in (desk.ticket_a, desk.ticket_b):
        assert f'name="_selected_action" value="{ticket.pk}"' in html
        assert ticket.protocol in html
    assert Ticket.objects.filter(status="resolvido").count() == 0

    too_long = "Motivo comprido " * 20
    response = client.post(
        CHANGELIST,
        {"action": "change_status", "status": "resolvido", "note": too_long, "_selected_action": [desk.ticket_a.pk]},
    )
    assert response.status_code == 200
    assert too_long.strip() in response.content.decode()  # what was typed comes back
    assert Ticket.objects.filter(status="resolvido").count() == 0

    response = client.post(
        CHANGELIST,
        {
            "action": "change_status",
            "status": "resolvido",
            "note": "Instabilidade do provedor, corrigida.",
            "_selected_action": [desk.ticket_a.pk, desk.ticket_b.pk],
        },
    )
    assert response.status_code == 302
    for ticket in (desk.ticket_a, desk.ticket_b):
        ticket.refresh_from_db()
        assert ticket.status == "resolvido"
        assert ticket.events.get().note == "Instabilidade do provedor, corrigida."


def test_the_action_bar_speaks_portuguese(desk):
    client = as_user(desk.supervisor)
    html = client.get(CHANGELIST).content.decode()
    assert "Select an option" not in html
    assert '<option value="" selected>— Escolha uma ação —</option>' in html
    assert "Select an option" not in client.get(change_url(desk.ticket_a)).content.decode()


def test_supervisor_actions_are_filtered_by_django_s_action_permissions(desk):
    from tickets.admin import TicketAdmin

    assert "get_actions" not in vars(TicketAdmin)  # no hand-made filtering
    for name in ("assign_to", "export_csv", "anonymise_requesters"):
        assert getattr(TicketAdmin, name).allowed_permissions
    html = as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    assert 'value="assign_to"' not in html
    assert 'value="assign_to"' in as_user(desk.supervisor).get(CHANGELIST).content.decode()


def test_the_supervisor_permission_is_named_in_one_place():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = [
        path for app in ("tickets", "staff") for path in (root / app).rglob("*.py") if "migrations" not in path.parts
    ]
    naming = [str(path.relative_to(root)) for path in sources if "tickets.work_all_teams" in path.read_text()]
    assert naming == ["tickets/permissions.py"]


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_export_has_only_the_selected_rows_and_neutralises_formulas(desk):
    desk.ticket_a.title = '=HYPERLINK("http://evil.example")'
    desk.ticket_a.requester_name = "@SUM(1+1)"
    desk.ticket_a.save()
    TicketFactory(form=desk.ticket_a.form, title="-2+3")
    rows = _csv(action(as_user(desk.supervisor), "export_csv", [desk.ticket_a]))
    assert len(rows) == 2
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1][5] == "'@SUM(1+1)"
    assert rows[1][6] == "529.982.247-25"  # supervisors have the reveal permission
    log = AccessLog.objects.get(action="exportar")
    assert desk.ticket_a.protocol in log.detail


def test_export_masks_cpfs_without_the_reveal_permission(desk):
    from django.contrib.auth.models import Permission

    desk.atendente_a.user_permissions.add(Permission.objects.get(codename="export_tickets"))
    rows = _csv(action(as_user(desk.atendente_a), "export_csv", [desk.ticket_a]))
    assert rows[1][6] == "***.982.247-**"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("ok", "ok")],
)
def test_every_formula_start_is_neutralised(value, expected):
    from tickets.export import neutralise

    assert neutralise(value) == expected


def test_lists_show_redacted_cpfs_unless_the_user_may_reveal(desk):
    assert "***.982.247-**" in as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    assert "529.982.247-25" in as_user(desk.supervisor).get(CHANGELIST).content.decode()


def test_anonymising_a_requester_keeps_the_protocol_and_history(desk, django_capture_on_commit_callbacks):
    attachment = AttachmentFactory(ticket=desk.ticket_a)
    other = TicketFactory(requester_cpf="52998224725", title="Outro do mesmo CPF")
    desk.ticket_a.events.create(to_status="aberto")
    path = attachment.file.path
    with django_capture_on_commit_callbacks(execute=True):
        action(as_user(desk.supervisor), "anonymise_requesters", [desk.ticket_a])
    for ticket in (desk.ticket_a, other):
        ticket.refresh_from_db()
        assert ticket.requester_cpf == "00000000000"
        assert ticket.requester_name == "Solicitante anonimizado"
        assert ticket.email != "maria@cliente.example"
        assert ticket.anonymised_at is not None
    assert desk.ticket_a.events.count() == 1
    assert not desk.ticket_a.attachments.exists()
    import os

    assert not os.path.exists(path)
    assert AccessLog.objects.filter(action="anonimizar").exists()


# SLA policies


def test_the_most_specific_policy_wins():
    from tickets.sla import policy_hours

    ticket = TicketFactory()
    SlaPolicy.objects.create(priority="alta", response_hours=6, resolution_hours=30)
    assert policy_hours(product_id=ticket.product_id, subject_id=None, priority="alta") == (6, 30)
    SlaPolicy.objects.create(product=ticket.product, priority="alta", response_hours=1, resolution_hours=4)
    assert policy_hours(product_id=ticket.product_id, subject_id=None, priority="alta") == (1, 4)
    assert policy_hours(product_id=ticket.product_id, subject_id=None, priority="baixa") == (40, 160)


def test_a_policy_for_both_a_product_and_a_subject_is_refused():
    from django.core.exceptions import ValidationError

    from tests.factories import ProductFactory, SubjectFactory

    policy = SlaPolicy(
        product=ProductFactory(), subject=SubjectFactory(), priority="alta", response_hours=1, resolution_hours=2
    )
    with pytest.raises(ValidationError):
        policy.clean()


# Admin home


def test_admin_home_shows_the_team_leads_numbers_with_links(desk):
    desk.ticket_a.response_due_at = timezone.now() - datetime.timedelta(hours=1)
    desk.ticket_a.save()
    TicketFactory(form=desk.ticket_b.form, status="aguardando_cliente")
    TicketFactory(form=desk.ticket_b.form, status="resolvido", rating=4, rated_at=timezone.now())
    html = as_user(desk.supervisor).get("/admin/").content.decode()
    assert "Atendimento agora" in html
    assert "?em_aberto=sim&amp;responsavel=ninguem" in html
    assert "?prazo=atrasados" in html
    assert "4,0" in html
    assert "Equipe A" in html
    assert "Equipe B" in html


def test_atendente_home_counts_only_their_teams(desk):
    html = as_user(desk.atendente_a).get("/admin/").content.decode()
    assert "Equipe A" in html
    assert "Equipe B" not in html


# Budgets


@pytest.mark.parametrize("rows", [10, 100])
def test_changelist_stays_within_budget(desk, rows):
    for n in range(rows):
        status = "aguardando_cliente" if n % 3 == 0 else "aberto"  # paused ones show how long, from one holiday query
        TicketFactory(form=desk.ticket_a.form, assignee=desk.atendente_a if n % 2 else None, status=status)
    client = as_user(desk.atendente_a)
    client.get(CHANGELIST)  # the first request of a session writes "last seen"
    with max_queries(12):
        response = client.get(CHANGELIST)
    assert response.status_code == 200


@pytest.mark.parametrize("messages", [1, 50])
def test_change_page_stays_within_budget(desk, messages):
    desk.ticket_a.status = "aguardando_cliente"  # with the pause to show
    desk.ticket_a.sla_paused_at = timezone.now()
    desk.ticket_a.save()
    for n in range(messages):
        message = MessageFactory(
            ticket=desk.ticket_a, kind=[Message.Kind.CUSTOMER, Message.Kind.REPLY, Message.Kind.NOTE][n % 3]
        )
        AttachmentFactory(ticket=desk.ticket_a, message=message)
    client = as_user(desk.atendente_a)
    client.get(CHANGELIST)
    with max_queries(20):
        response = client.get(change_url(desk.ticket_a))
    assert response.status_code == 200


@pytest.mark.parametrize("tickets", [1, 100])
def test_admin_home_stays_within_budget(desk, tickets):
    for _ in range(tickets):
        TicketFactory(form=desk.ticket_a.form)
    client = as_user(desk.supervisor)
    client.get(CHANGELIST)
    with max_queries(10):
        response = client.get("/admin/")
    assert response.status_code == 200


# Login protection and staff sessions


def test_five_failed_logins_lock_that_login_from_that_address_only(desk):
    desk.supervisor.email = "supervisora@atendimento.example"
    desk.supervisor.save()
    attacker = Client(REMOTE_ADDR="10.9.9.9")
    for _ in range(5):
        attacker.post("/admin/login/", {"username": desk.supervisor.email, "password": "errada"})
    locked = attacker.post("/admin/login/", {"username": desk.supervisor.email, "password": "senha-de-teste-123"})
    assert locked.status_code == 429
    elsewhere = Client(REMOTE_ADDR="10.1.1.1")
    response = elsewhere.post("/admin/login/", {"username": desk.supervisor.email, "password": "senha-de-teste-123"})
    assert response.status_code == 302
    other_user = attacker.post("/admin/login/", {"username": desk.atendente_a.email, "password": "senha-de-teste-123"})
    assert other_user.status_code == 302


def test_staff_sessions_end_after_thirty_idle_minutes(desk):
    import time

    client = as_user(desk.atendente_a)
    assert client.get(CHANGELIST).status_code == 200
    session = client.session
    session["staff_last_seen"] = time.time() - 31 * 60
    session.save()
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get(CHANGELIST).status_code == 302


def test_customers_are_not_subject_to_the_staff_timeout(desk):
    import time

    customer = UserFactory()
    client = as_user(customer)
    session = client.session
    session["staff_last_seen"] = time.time() - 31 * 60
    session.save()
    assert client.get("/").status_code == 200


def test_atendente_sees_the_status_history_of_their_tickets(desk):
    client = as_user(desk.atendente_a)
    work(client, desk.ticket_a, status="em_atendimento")
    html = client.get(change_url(desk.ticket_a)).content.decode()
    assert "histórico de situações" in html.lower()
    assert "Atendente A" in html[html.lower().index("histórico de situações") :]


def test_atendente_filters_list_only_their_teams_and_colleagues(desk):
    html = as_user(desk.atendente_a).get(CHANGELIST).content.decode()
    sidebar = html[html.index('id="changelist-filter"') : html.index("</nav>", html.index('id="changelist-filter"'))]
    assert "Equipe A" in sidebar
    assert "Equipe B" not in sidebar
    assert "Atendente B" not in sidebar
    assert 'name="assignee"' not in html  # the action bar's person select is for "assign to…" only


def test_the_admin_login_accepts_a_cpf(desk):
    desk.supervisor.cpf = "11144477735"
    desk.supervisor.save()
    client = Client()
    assert "CPF ou e-mail" in client.get("/admin/login/").content.decode()
    response = client.post("/admin/login/", {"username": "111.444.777-35", "password": "senha-de-teste-123"})
    assert response.status_code == 302


def test_a_dashboard_subject_link_filters_the_list(desk):
    from tests.factories import SubjectFactory

    subject = SubjectFactory()
    about_subject = TicketFactory(form=TicketFormFactory(team=desk.team_a, product=None, subject=subject), product=None)
    about_subject.subject = subject
    about_subject.save()
    html = as_user(desk.supervisor).get(CHANGELIST, {"subject__id__exact": subject.pk}).content.decode()
    assert about_subject.title in html
    assert "Chamado da equipe A" not in html


def test_an_atendente_cannot_move_a_ticket_to_another_team_or_give_it_to_a_colleague(desk):
    colleague = UserFactory(is_staff=True, name="Colega A")
    desk.team_a.members.add(colleague)
    client = as_user(desk.atendente_a)
    work(client, desk.ticket_a, team=desk.team_b.pk)
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.team == desk.team_a  # the field is read-only for atendentes
    response = work(client, desk.ticket_a, assignee=colleague.pk)
    assert response.status_code == 200
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.assignee is None
    work(client, desk.ticket_a, assignee=desk.atendente_a.pk)
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.assignee == desk.atendente_a


def test_the_service_refuses_team_changes_by_an_atendente(desk):
    from tickets import services

    with pytest.raises(services.TicketActionRefused):
        services.ticket_update(
            desk.ticket_a, user=desk.atendente_a, status="aberto", priority="normal", team=desk.team_b, assignee=None
        )


def test_lists_with_full_cpfs_are_recorded_in_the_access_log(desk):
    as_user(desk.supervisor).get(CHANGELIST, {"prazo": "atrasados"})
    as_user(desk.atendente_a).get(CHANGELIST)  # redacted CPFs: nothing to record
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.detail) == (desk.supervisor, "listar", "prazo=atrasados")


def test_staff_replies_obey_the_attachment_count_limit(desk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [SimpleUploadedFile(f"n{n}.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf") for n in range(6)]
    response = work(as_user(desk.atendente_a), desk.ticket_a, message_body="Segue", message_files=files)
    assert response.status_code == 200
    assert "no máximo 5 arquivos" in response.content.decode()
    assert not desk.ticket_a.messages.exists()
