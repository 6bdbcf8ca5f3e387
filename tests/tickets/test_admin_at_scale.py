"""The staff workspace at volume: the queue and the admin home read indexes, never every ticket."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from tests.factories import TeamFactory, TicketFactory, UserFactory
from tests.two_factor import staff_client
from tickets import dashboard
from tickets.admin import QueuePaginator, TicketAdmin
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def _staff(group: str, team=None):
    user = UserFactory(is_staff=True)
    Group.objects.get(name=group).user_set.add(user)
    if team is not None:
        team.members.add(user)
    return user


@pytest.fixture
def many_tickets():
    """60k tickets over three teams, most of them closed, as a desk's history is."""
    template = TicketFactory()
    teams = [template.team, TeamFactory(), TeamFactory()]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO tickets_ticket
                (year, number, submission_key, requester_cpf, requester_name, cnpj, email, phone, language,
                 form_id, product_id, type_id, title, description, extra, status, team_id,
                 created_at, updated_at, rating_comment, priority, response_due_at, resolution_due_at,
                 company_verified)
            SELECT 2025, n, 'k-' || n, lpad((n %% 40000)::text, 11, '0'), 'Pessoa ' || n,
                   lpad((n %% 7000)::text, 14, '0'), 'p' || n || '@x.example', '', 'pt-br',
                   %s, %s, %s, 'Assunto ' || n, 'Descrição', '[]',
                   CASE WHEN n %% 50 = 0 THEN 'aberto' ELSE 'fechado' END, (%s::bigint[])[1 + n %% 3],
                   now() - (n || ' minutes')::interval, now(), '', 'normal',
                   now() + ((n %% 100 - 30) || ' hours')::interval, now() + ((n %% 100) || ' hours')::interval,
                   true
              FROM generate_series(1, 60000) AS n
            """,
            [template.form_id, template.product_id, template.type_id, [team.pk for team in teams]],
        )
        cursor.execute("ANALYZE tickets_ticket")
    return teams


def _admin_queryset(user, rf):
    request = rf.get("/admin/tickets/ticket/")
    request.user = user
    model_admin = TicketAdmin(Ticket, admin_site=None)
    return model_admin.get_queryset(request).order_by(*model_admin.get_ordering(request))


@pytest.mark.parametrize("group", ["Supervisor", "Atendente"])
def test_the_first_page_of_the_queue_comes_from_an_index_not_a_sort_of_every_ticket(many_tickets, rf, group):
    user = _staff(group, team=many_tickets[0])
    plan = _admin_queryset(user, rf)[:100].explain()
    assert "tickets_ticket_queue" in plan or "tickets_ticket_team_queue" in plan, plan
    assert not re.search(r"Seq Scan on tickets_ticket\s", plan), plan


def test_the_admin_home_counts_only_open_tickets_through_an_index(many_tickets):
    supervisor = _staff("Supervisor")
    plan = dashboard.open_groups(Ticket.objects.worked_by(supervisor), Ticket.overdue_q()).explain()
    assert not re.search(r"Seq Scan on tickets_ticket\s", plan), plan
    # The summary index when the table is vacuumed (an index-only scan), the queue index otherwise.
    assert re.search(r"Index (Only )?Scan using tickets_ticket_(open_summary|queue) ", plan), plan
    summary = dashboard.summary(supervisor)
    assert {key: value for key, value, _link in summary["cards"]}["open"] == 1200 + 1  # and the template's
    assert sum(team["open"] for team in summary["teams"]) == 1201


def test_the_admin_home_reads_five_queries_whatever_the_volume(client, django_assert_max_num_queries):
    supervisor = _staff("Supervisor")
    staff = staff_client(supervisor, client)
    dashboard.summary(supervisor)  # the user's permissions are read once per request
    for size in (1, 30):
        TicketFactory.create_batch(size)
        with django_assert_max_num_queries(5):  # the counts, three tables of names, the ratings
            dashboard.summary(supervisor)
    assert staff.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("status", "group"),
    [("aberto", 0), ("em_atendimento", 0), ("aguardando_atendimento", 0), ("resolvido", 2), ("fechado", 2)],
)
def test_the_queue_group_follows_the_status(status, group):
    due = timezone.now() + datetime.timedelta(hours=4)
    ticket = TicketFactory(status=status, response_due_at=due, resolution_due_at=due)
    ticket.refresh_from_db()
    assert ticket.queue_group == group
    assert ticket.next_due_at == (None if group == 2 else due)


def test_a_ticket_waiting_on_the_customer_sits_between_running_and_finished_ones():
    ticket = TicketFactory(status="aguardando_cliente", sla_paused_at=timezone.now())
    ticket.refresh_from_db()
    assert ticket.queue_group == 1


def test_the_next_deadline_is_the_response_one_until_staff_first_reply():
    now = timezone.now()
    response, resolution = now + datetime.timedelta(hours=4), now + datetime.timedelta(days=2)
    ticket = TicketFactory(response_due_at=response, resolution_due_at=resolution)
    ticket.refresh_from_db()
    assert ticket.next_due_at == response
    Ticket.objects.filter(pk=ticket.pk).update(first_response_at=now)
    ticket.refresh_from_db()
    assert ticket.next_due_at == resolution


def test_past_the_count_cap_the_list_says_more_than_and_still_pages(client, monkeypatch):
    monkeypatch.setattr(QueuePaginator, "COUNT_CAP", 3)
    TicketFactory.create_batch(5)
    staff = staff_client(_staff("Supervisor"), client)
    html = staff.get("/admin/tickets/ticket/").content.decode()
    assert "Mais de 3 tickets" in html
    assert html.count('class="action-select"') == 5


def test_below_the_cap_the_list_gives_the_exact_count(client):
    TicketFactory.create_batch(2)
    staff = staff_client(_staff("Supervisor"), client)
    html = staff.get("/admin/tickets/ticket/").content.decode()
    assert "2 tickets" in html
    assert "Mais de" not in html


def test_each_row_has_a_named_checkbox_for_the_actions(client):
    ticket = TicketFactory(title="Erro ao emitir boleto")
    staff = staff_client(_staff("Supervisor"), client)
    html = staff.get("/admin/tickets/ticket/").content.decode()
    assert f'name="_selected_action" value="{ticket.pk}" class="action-select"' in html
    assert "Erro ao emitir boleto" in html
    assert ticket.protocol in html.split('class="action-select" aria-label="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("group", ["Supervisor", "Atendente"])
def test_the_open_filter_and_its_count_read_the_queue_index_not_every_ticket_of_the_team(many_tickets, rf, group):
    from tickets.admin import WaitingFilter

    user = _staff(group, team=many_tickets[0])
    request = rf.get("/admin/tickets/ticket/", {"em_aberto": "sim"})
    request.user = user
    open_filter = WaitingFilter(request, {"em_aberto": ["sim"]}, Ticket, TicketAdmin(Ticket, admin_site=None))
    filtered = open_filter.queryset(request, _admin_queryset(user, rf))
    plan = filtered.values("pk")[:10001].explain()
    assert not re.search(r"Seq Scan on tickets_ticket\s", plan), plan
    # An index that holds open tickets only answers, never a status filter over every team row.
    assert re.search(r"tickets_ticket_(team_queue|queue|open_summary)", plan), plan
    assert "status" not in plan, plan
    assert filtered.count() == (1200 + 1 if group == "Supervisor" else 400 + 1)
