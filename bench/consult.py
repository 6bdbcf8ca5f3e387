"""Benchmark consultation and the ticket page with 100,000 tickets in the database.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/consult.py [--requests 200]

It builds a throwaway test database, loads 100k tickets with one SQL statement, then times
(median, p95) a gestor's consultation results page and a ticket page with 50 messages, and
reports the peak Python memory of one request of each.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.measure import measure, throwaway_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    with throwaway_database():
        from tests.factories import MembershipFactory, MessageFactory, TicketFactory, UserFactory

        gestor, membro = UserFactory(), UserFactory()
        company = MembershipFactory(user=gestor, role="gestor").organization
        MembershipFactory(user=membro, organization=company)
        ticket = TicketFactory(created_by=membro, requester_cpf=membro.cpf, cnpj=company.cnpj)
        for _ in range(50):
            MessageFactory(ticket=ticket)
        for _ in range(40):
            TicketFactory(created_by=membro, requester_cpf=membro.cpf, cnpj=company.cnpj, form=ticket.form)
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO tickets_ticket
                    (year, number, submission_key, requester_cpf, requester_name, cnpj, email, phone, language,
                     form_id, product_id, type_id, title, description, extra, status, team_id,
                     created_at, updated_at, rating_comment, priority)
                SELECT 2025, n, 'k-' || n, lpad((n %% 40000)::text, 11, '0'), 'Pessoa ' || n,
                       lpad((n %% 7000)::text, 14, '0'), 'p' || n || '@x.example', '', 'pt-br',
                       %s, %s, %s, 'Assunto ' || n, 'Descrição', '[]', 'aberto', %s,
                       now() - (n || ' minutes')::interval, now(), '', 'normal'
                  FROM generate_series(1, 100000) AS n
                """,
                [ticket.form_id, ticket.product_id, ticket.type_id, ticket.team_id],
            )
            cursor.execute("ANALYZE tickets_ticket")

        client = Client()
        client.force_login(gestor)
        client.post("/tickets/consultar/", {"by": "cpf", "cpf": membro.cpf, "situation": "abertas"})
        results = measure(client, "/tickets/consultar/", args.requests)
        page = measure(client, ticket.get_absolute_url(), args.requests)
        print(f"database: {connection.vendor}, tickets: 100k + 41, requests: {args.requests}")
        print(f"consultation results (41 rows, page of 20) {results}")
        print(f"ticket page (50 messages)                 {page}")


if __name__ == "__main__":
    main()
