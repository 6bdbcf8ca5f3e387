"""Benchmark the staff workspace at scale: the ticket list, a ticket page and the admin home.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/admin.py [--tickets 1000000] [--requests 20]

It builds a throwaway test database with N tickets over five teams, shaped like a help desk some
years old (most tickets closed, a few thousand open, some waiting on the customer or overdue),
bulk-inserted with generate_series. Then it times (median, p95) each page for an atendente of one
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

TEAMS = 5

# Of every 1000 tickets: 960 finished, 10 waiting on the customer, 30 running (a third of them overdue).
SHAPE = """
    INSERT INTO tickets_ticket
        (year, number, submission_key, requester_cpf, requester_name, cnpj, email, phone, language,
         form_id, product_id, type_id, title, description, extra, status, team_id,
         created_at, updated_at, rating_comment, priority, response_due_at, resolution_due_at,
         first_response_at, sla_paused_at, closed_at, rating, rated_at, company_verified)
    SELECT 2025, n, 'k-' || n, lpad((n %% 40000)::text, 11, '0'), 'Pessoa ' || n,
           lpad((n %% 7000)::text, 14, '0'), 'p' || n || '@x.example', '', 'pt-br',
           %(form)s, %(product)s, %(type)s, 'Assunto ' || n, 'Descrição', '[]',
           CASE WHEN n %% 1000 < 960 THEN (CASE WHEN n %% 2 = 0 THEN 'fechado' ELSE 'resolvido' END)
                WHEN n %% 1000 < 970 THEN 'aguardando_cliente'
                WHEN n %% 1000 < 985 THEN 'em_atendimento'
                ELSE 'aberto' END,
           (%(teams)s)[1 + n %% %(team_count)s],
           now() - (n || ' minutes')::interval, now() - (n || ' seconds')::interval, '', 'normal',
           now() + ((n %% 100 - 30) || ' hours')::interval, now() + ((n %% 100 - 10) || ' hours')::interval,
           CASE WHEN n %% 3 = 0 THEN now() - interval '1 hour' END,
           CASE WHEN n %% 1000 BETWEEN 960 AND 969 THEN now() - interval '2 hours' END,
           CASE WHEN n %% 1000 < 960 THEN now() - (n || ' minutes')::interval END,
           CASE WHEN n %% 1000 < 960 AND n %% 4 = 0 THEN 1 + n %% 5 END,
           CASE WHEN n %% 1000 < 960 AND n %% 4 = 0 THEN now() - (n || ' minutes')::interval + interval '1 day' END,
           true
      FROM generate_series(1, %(tickets)s) AS n
"""


def seed(tickets: int):
    from tests.factories import MessageFactory, TeamFactory, TicketFactory, UserFactory
    from tests.two_factor import staff_client

    atendente = UserFactory(is_staff=True)
    Group.objects.get(name="Atendente").user_set.add(atendente)
    supervisor = UserFactory(is_staff=True)
    Group.objects.get(name="Supervisor").user_set.add(supervisor)
    ticket = TicketFactory()
    teams = [ticket.team, *TeamFactory.create_batch(TEAMS - 1)]
    ticket.team.members.add(atendente)
    for _ in range(50):
        MessageFactory(ticket=ticket)
    with connection.cursor() as cursor:
        cursor.execute(
            SHAPE,
            {
                "form": ticket.form_id,
                "product": ticket.product_id,
                "type": ticket.type_id,
                "teams": [team.pk for team in teams],
                "team_count": TEAMS,
                "tickets": tickets,
            },
        )
        cursor.execute("VACUUM ANALYZE tickets_ticket")
    return ticket, staff_client(atendente, Client()), staff_client(supervisor, Client())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    args = parser.parse_args()

    with throwaway_database():
        ticket, atendente, supervisor = seed(args.tickets)
        rows = [
            ("ticket list (100 per page)", "/admin/tickets/ticket/"),
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
