import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import User
from tests.two_factor import code_for
from tickets.demo import ANONYMOUS_CPF, ANONYMOUS_EMAIL
from tickets.models import Message, Ticket, TicketForm

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", "--force", stdout=io.StringIO())


def test_demo_has_forms_and_tickets_in_varied_states_over_two_years():
    _seed()
    assert TicketForm.objects.filter(product__isnull=False).exists()
    assert TicketForm.objects.filter(subject__isnull=False).exists()
    assert Ticket.objects.count() >= 30
    assert set(Ticket.objects.values_list("status", flat=True)) >= {"aberto", "em_atendimento", "resolvido", "fechado"}
    assert len(set(Ticket.objects.values_list("year", flat=True))) == 2
    assert Message.objects.filter(kind=Message.Kind.REPLY).exists()
    assert Message.objects.filter(kind=Message.Kind.NOTE).exists()
    assert not Ticket.objects.filter(response_due_at__isnull=True).exists()
    assert not Ticket.objects.filter(status__in=Ticket.FINISHED, closed_at__isnull=True).exists()


def test_seeding_twice_adds_nothing():
    _seed()
    counts = (Ticket.objects.count(), Message.objects.count())
    _seed()
    assert (Ticket.objects.count(), Message.objects.count()) == counts


def test_the_documented_anonymous_consultation_sends_a_link(client):
    _seed()
    mail.outbox.clear()  # the demo's own e-mails (a contested attestation opens a ticket)
    client.post("/tickets/consultar/", {"by": "cpf", "cpf": ANONYMOUS_CPF, "situation": "abertas"})
    assert [email.to for email in mail.outbox] == [[ANONYMOUS_EMAIL]]


def test_demo_staff_log_in_to_the_admin_with_their_roles():
    from tickets.demo import STAFF, STAFF_PASSWORD

    _seed()
    for email, _name, group, _teams in STAFF:
        client = Client()
        response = client.post("/admin/login/?next=/admin/", {"username": email, "password": STAFF_PASSWORD})
        assert response.status_code == 302, email
        assert response["Location"] == "/admin/"
        # The seeded authenticator app gives the second step's code (manage.py totp_code prints it).
        response = client.get("/admin/")
        assert response["Location"] == "/admin/2fa/verificar/?next=%2Fadmin%2F"
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        response = client.post(response["Location"], {"method": "app", "code": code_for(device), "next": "/admin/"})
        assert response["Location"] == "/admin/", email
        assert client.get("/admin/tickets/ticket/").status_code == 200
        assert User.objects.get(email=email).groups.get().name == group


def test_demo_has_sla_policies_and_assigned_work():
    from tickets.models import SlaPolicy

    _seed()
    assert SlaPolicy.objects.filter(product=None, subject=None).count() == 4
    assert Ticket.objects.filter(assignee__isnull=False).exists()
    assert Ticket.objects.exclude(priority="normal").exists()
    assert not Ticket.objects.filter(resolution_due_at__isnull=True).exists()


def test_demo_waiting_tickets_show_a_recent_pause_and_rated_tickets_had_an_answer():
    import datetime

    from django.utils import timezone

    _seed()
    waiting = Ticket.objects.filter(status=Ticket.PAUSED)
    assert waiting.exists()
    assert not waiting.filter(sla_paused_at__lt=timezone.now() - datetime.timedelta(days=4)).exists()
    assert not Ticket.objects.filter(rating__isnull=False, first_response_at__isnull=True).exists()


def test_the_readme_shows_what_seed_demo_loads_and_its_example_ticket_opens():
    import re
    from pathlib import Path

    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    counts = [re.sub(r" \(\d+ new\)$", "", line) for line in out.getvalue().splitlines()]
    counts = [line for line in counts if line.startswith(("  helpcenter:", "  portal:", "  tickets:"))]
    assert len(counts) == 3
    for line in counts:
        assert line in readme, line  # the README's numbers are the demo's
    match = re.search(r"a ticket to open: (/tickets/\d{4}SS/\d{5}/) \(signed in as (\S+)\)", out.getvalue())
    assert match, out.getvalue()
    client = Client()
    client.force_login(User.objects.get(email=match[2]))
    page = client.get(match[1])
    assert page.status_code == 200
    protocol = match[1].removeprefix("/tickets/").rstrip("/")  # 2026SS/00017
    assert protocol in page.content.decode()
