"""Benchmark the staff workspace: the ticket list (100 rows per page), a ticket page and the admin home.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/admin.py [--requests 100] [--tickets 20000]

It builds a throwaway test database with N tickets in one team (and a 50-message ticket),
then times (median, p95) each page for an atendente, and reports the peak Python memory of
one request of each.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--tickets", type=int, default=20_000)
    args = parser.parse_args()

    with throwaway_database():
        from tests.factories import MessageFactory, TicketFactory, UserFactory

        atendente = UserFactory(is_staff=True)
        Group.objects.get(name="Atendente").user_set.add(atendente)
        ticket = TicketFactory()
        ticket.team.members.add(atendente)
        for _ in range(50):
            MessageFactory(ticket=ticket)
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO tickets_ticket
                    (year, number, submission_key, requester_cpf, requester_name, cnpj, email, phone, language,
                     form_id, product_id, type_id, title, description, extra, status, team_id,
                     created_at, updated_at, rating_comment, priority, response_due_at)
                SELECT 2025, n, 'k-' || n, lpad((n % 40000)::text, 11, '0'), 'Pessoa ' || n,
                       lpad((n % 7000)::text, 14, '0'), 'p' || n || '@x.example', '', 'pt-br',
                       %s, %s, %s, 'Assunto ' || n, 'Descrição', '[]', 'aberto', %s,
                       now() - (n || ' minutes')::interval, now(), '', 'normal',
                       now() + ((n % 100 - 50) || ' hours')::interval
                  FROM generate_series(1, %s) AS n
                """.replace("% 40000", "%% 40000")
                .replace("% 7000", "%% 7000")
                .replace("% 100", "%% 100"),
                [ticket.form_id, ticket.product_id, ticket.type_id, ticket.team_id, args.tickets],
            )
            cursor.execute("ANALYZE tickets_ticket")

        client = Client()
        client.force_login(atendente)
        rows = [
            ("ticket list (100 per page)", "/admin/tickets/ticket/"),
            ("ticket list, overdue filter", "/admin/tickets/ticket/?prazo=atrasados"),
            ("ticket page (50 messages)", f"/admin/tickets/ticket/{ticket.pk}/change/"),
            ("admin home (dashboard)", "/admin/"),
        ]
        print(f"database: {connection.vendor}, tickets: {args.tickets + 1}, requests: {args.requests}")
        for label, path in rows:
            print(f"{label:30} {measure(client, path, args.requests)}")


if __name__ == "__main__":
    main()
