"""The SLA clock stops while a ticket waits on the customer: the pause, the moved deadlines, what staff see."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from tests.factories import TeamFactory, TicketFactory, TicketFormFactory, UserFactory
from tests.two_factor import staff_client
from tickets import dashboard, services
from tickets.models import Holiday, StatusEvent, Ticket
from tickets.sla import BUSINESS_TZ, business_time_between

pytestmark = pytest.mark.django_db

WAITING = Ticket.Status.WAITING_CUSTOMER


def at(day, hour, minute=0, month=11):
    """A moment of 2026 in São Paulo; 23/11/2026 is a Monday."""
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ)


@pytest.fixture
def supervisor():
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True, name="Supervisora")
    Group.objects.get(name="Supervisor").user_set.add(user)
    return user


def running_ticket(**fields):
    """Opened Monday 23/11 at 8h, first reply due Tuesday 10h, solution due Friday 10h."""
    defaults = {
        "status": Ticket.Status.IN_PROGRESS,
        "created_at": at(23, 8),
        "response_due_at": at(24, 10),
        "resolution_due_at": at(27, 10),
    }
    return TicketFactory(**{**defaults, **fields})


# Business time


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (at(23, 9), at(23, 11), 2),  # within one day
        (at(23, 17), at(24, 9), 2),  # the night does not count
        (at(27, 17), at(30, 9), 2),  # nor the weekend
        (at(23, 19), at(23, 22), 0),  # after hours only
        (at(23, 9), at(23, 9), 0),
        (at(23, 8), at(25, 8), 20),  # two whole business days
    ],
)
def test_business_time_between_counts_only_business_hours(start, end, hours):
    assert business_time_between(start, end) == datetime.timedelta(hours=hours)


def test_business_time_between_skips_holidays():
    christmas = {datetime.date(2026, 12, 25)}
    assert business_time_between(at(24, 17, month=12), at(28, 9, month=12), christmas) == datetime.timedelta(hours=2)


# The pause, in the services


def test_moving_to_waiting_on_the_customer_starts_the_pause(supervisor):
    ticket = running_ticket()
    services.ticket_change_status(ticket, WAITING, user=supervisor, now=at(23, 17))
    ticket.refresh_from_db()
    assert ticket.sla_paused_at == at(23, 17)
    assert ticket.is_paused
    assert (ticket.response_due_at, ticket.resolution_due_at) == (at(24, 10), at(27, 10))  # frozen, not moved yet


def test_leaving_waiting_moves_the_due_dates_by_the_paused_business_time(supervisor):
    ticket = running_ticket()
    services.ticket_change_status(ticket, WAITING, user=supervisor, now=at(23, 17))
    services.ticket_change_status(ticket, Ticket.Status.IN_PROGRESS, user=supervisor, now=at(24, 9))
    ticket.refresh_from_db()
    # Monday 17h–18h and Tuesday 8h–9h: two business hours paused.
    assert ticket.sla_paused == datetime.timedelta(hours=2)
    assert ticket.sla_paused_at is None
    assert not ticket.is_paused
    assert ticket.response_due_at == at(24, 12)
    assert ticket.resolution_due_at == at(27, 12)


def test_pauses_add_up_and_skip_holidays(supervisor):
    Holiday.objects.get_or_create(date=datetime.date(2026, 11, 24), defaults={"name": "Feriado de teste"})
    ticket = running_ticket()
    services.ticket_change_status(ticket, WAITING, user=supervisor, now=at(23, 17))
    services.ticket_change_status(ticket, Ticket.Status.IN_PROGRESS, user=supervisor, now=at(25, 9))  # Tuesday off
    services.ticket_change_status(ticket, WAITING, user=supervisor, now=at(25, 14))
    services.ticket_change_status(ticket, Ticket.Status.IN_PROGRESS, user=supervisor, now=at(25, 15))
    ticket.refresh_from_db()
    assert ticket.sla_paused == datetime.timedelta(hours=3)
    assert ticket.resolution_due_at == at(27, 13)


def test_a_reply_from_the_customer_ends_the_pause(supervisor):
    customer = UserFactory()
    ticket = running_ticket(created_by=customer)
    services.ticket_change_status(ticket, WAITING, user=supervisor)
    services.ticket_reply(ticket, body="Segue o horário do erro.", user=customer)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    assert ticket.sla_paused_at is None


def test_the_first_response_deadline_stays_put_once_answered_before_the_pause(supervisor):
    ticket = running_ticket(first_response_at=at(23, 9))
    services.ticket_change_status(ticket, WAITING, user=supervisor, now=at(23, 10))
    services.ticket_change_status(ticket, Ticket.Status.IN_PROGRESS, user=supervisor, now=at(23, 12))
    ticket.refresh_from_db()
    assert ticket.response_due_at == at(24, 10)  # the answer was on time before the pause: history stays true
    assert ticket.resolution_due_at == at(27, 12)


def test_a_new_priority_keeps_the_time_already_paused(supervisor):
    ticket = running_ticket(sla_paused=datetime.timedelta(hours=3))
    services.ticket_update(
        ticket,
        user=supervisor,
        status=ticket.status,
        priority="urgente",  # 4 and 16 business hours from Monday 8h, then 3 paused hours
        team=ticket.team,
        assignee=None,
    )
    ticket.refresh_from_db()
    assert ticket.response_due_at == at(23, 15)
    assert ticket.resolution_due_at == at(24, 17)


def test_a_waiting_ticket_is_never_overdue():
    late = {"response_due_at": timezone.now() - datetime.timedelta(days=3)}
    waiting = TicketFactory(status=WAITING, title="Esperando o cliente", **late)
    running = TicketFactory(status=Ticket.Status.IN_PROGRESS, title="Atrasado de verdade", **late)
    assert waiting.sla_paused_at is not None  # the factory starts the pause, as the service would
    assert not waiting.is_overdue()
    assert running.is_overdue()
    assert list(Ticket.objects.filter(Ticket.overdue_q())) == [running]


# What staff see


def test_the_dashboard_does_not_count_waiting_tickets_as_overdue(supervisor):
    late = {"form": TicketFormFactory(), "response_due_at": timezone.now() - datetime.timedelta(days=3)}
    TicketFactory(status=WAITING, **late)
    TicketFactory(status=WAITING, **late)
    TicketFactory(status=Ticket.Status.IN_PROGRESS, **late)
    numbers = dashboard.summary(supervisor)
    cards = {key: number for key, number, _link in numbers["cards"]}
    assert (cards["overdue"], cards["waiting"]) == (1, 2)
    assert [row["overdue"] for row in numbers["teams"]] == [1]


def test_the_list_marks_a_waiting_ticket_paused_not_late(supervisor):
    team = TeamFactory(name="Equipe Pausa")
    form = TicketFormFactory(team=team)
    late = {"form": form, "response_due_at": timezone.now() - datetime.timedelta(days=3)}
    TicketFactory(status=WAITING, title="Esperando o cliente", **late)
    client = staff_client(supervisor)
    html = client.get("/admin/tickets/ticket/").content.decode()
    row = html[html.index("Esperando o cliente") :]
    row = row[: row.index("</tr>")]
    assert "ticket-paused" in row
    assert "atrasado" not in row
    overdue = client.get("/admin/tickets/ticket/", {"prazo": "atrasados"}).content.decode()
    assert "Esperando o cliente" not in overdue
    paused = client.get("/admin/tickets/ticket/", {"prazo": "pausados"}).content.decode()
    assert "Esperando o cliente" in paused


def test_the_change_page_shows_how_long_the_ticket_has_been_paused(supervisor, monkeypatch):
    ticket = TicketFactory(status=WAITING, sla_paused_at=at(23, 14), sla_paused=datetime.timedelta(hours=3))
    client = staff_client(supervisor)
    monkeypatch.setattr(timezone, "now", lambda: at(23, 16).astimezone(datetime.UTC))
    html = client.get(f"/admin/tickets/ticket/{ticket.pk}/change/").content.decode()
    assert "Pausado há 2 h úteis" in html
    assert "total pausado: 5 h úteis" in html


def test_the_change_page_shows_the_total_paused_time_after_the_pause(supervisor):
    ticket = TicketFactory(status=Ticket.Status.IN_PROGRESS, sla_paused=datetime.timedelta(hours=1, minutes=30))
    html = staff_client(supervisor).get(f"/admin/tickets/ticket/{ticket.pk}/change/").content.decode()
    assert "Total pausado: 1 h 30 min úteis" in html


# The data migration


def test_the_migration_starts_the_pause_of_waiting_tickets_at_their_last_move_into_waiting():
    migration = importlib.import_module("tickets.migrations.0010_sla_pause")
    waiting = TicketFactory(status=WAITING)
    other = TicketFactory(status=Ticket.Status.IN_PROGRESS)
    StatusEvent.objects.create(ticket=waiting, from_status="aberto", to_status=WAITING, at=at(2, 10))
    StatusEvent.objects.create(ticket=waiting, from_status=WAITING, to_status="em_atendimento", at=at(3, 10))
    StatusEvent.objects.create(ticket=waiting, from_status="em_atendimento", to_status=WAITING, at=at(4, 10))
    no_history = TicketFactory(status=WAITING)
    Ticket.objects.filter(pk=no_history.pk).update(updated_at=at(5, 10))
    Ticket.objects.filter(status=WAITING).update(sla_paused_at=at(1, 1))

    migration.start_pauses(apps, None)

    waiting.refresh_from_db()
    other.refresh_from_db()
    no_history.refresh_from_db()
    assert waiting.sla_paused_at == at(4, 10)
    assert no_history.sla_paused_at == at(5, 10)  # no event: since it last changed
    assert other.sla_paused_at is None
