"""Benchmark the staff workspace at scale: the ticket list, a ticket page and the admin home.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/admin.py [--tickets 1000000] [--messages 3000000]
[--companies 10000] [--requests 20]

It builds a throwaway test database with N tickets over five teams and more, their messages and the
companies they come from, shaped like a help desk some years old (most tickets closed, a few
thousand open, some waiting on the customer or overdue), bulk-inserted by ``bench/seed.py``.
Then it times (median, p95) each page for an atendente of one
team and for a supervisor, past the second factor, and reports one request's peak Python memory.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.measure import measure, throwaway_database  # noqa: E402
from bench.seed import seed as bench_seed  # noqa: E402

TEAMS = 5


def seed(tickets: int, messages: int, companies: int):
    from tests.factories import MessageFactory, TeamFactory, TicketFactory, UserFactory
    from tests.two_factor import staff_client

    atendente = UserFactory(is_staff=True)
    Group.objects.get(name="Atendente").user_set.add(atendente)
    supervisor = UserFactory(is_staff=True)
    Group.objects.get(name="Supervisor").user_set.add(supervisor)
    ticket = TicketFactory()
    TeamFactory.create_batch(TEAMS - 1)
    ticket.team.members.add(atendente)
    for _ in range(50):
        MessageFactory(ticket=ticket)
    with connection.cursor() as cursor:
        print(f"seeded in seconds: {bench_seed(cursor, companies=companies, tickets=tickets, messages=messages)}")
    return ticket, staff_client(atendente, Client()), staff_client(supervisor, Client())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=3_000_000)
    parser.add_argument("--companies", type=int, default=10_000)
    args = parser.parse_args()

    with throwaway_database():
        ticket, atendente, supervisor = seed(args.tickets, args.messages, args.companies)
        rows = [
            ("ticket list (50 per page)", "/admin/tickets/ticket/"),
            ("ticket list, open", "/admin/tickets/ticket/?em_aberto=sim"),
            ("ticket list, overdue filter", "/admin/tickets/ticket/?prazo=atrasados"),
            ("ticket page (50 messages)", f"/admin/tickets/ticket/{ticket.pk}/change/"),
            ("admin home (dashboard)", "/admin/"),
        ]
        print(f"database: {connection.vendor}, tickets: {args.tickets + 1}, teams: {TEAMS}, requests: {args.requests}")
        for who, client in [("atendente", atendente), ("supervisor", supervisor)]:
            for label, path in rows:
                print(f"{who:10} {label:30} {measure(client, path, args.requests)}")


if __name__ == "__main__":
    main()
