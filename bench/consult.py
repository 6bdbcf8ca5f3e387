"""Benchmark consultation and the ticket page with 100,000 tickets in the database.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/consult.py [--requests 200]

It builds a throwaway test database, loads 100k tickets with one SQL statement, then times
(median, p95) a gestor's consultation results page and a ticket page with 50 messages, and
reports the peak Python memory of one request of each.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def summary(timings: list[float]) -> dict:
    timings = sorted(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    return {"median_ms": round(statistics.median(timings), 2), "p95_ms": round(p95, 2)}


def timed(client, path: str, requests: int) -> tuple[dict, int]:
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    tracemalloc.start()
    client.get(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return summary(timings), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
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
        results, results_peak = timed(client, "/tickets/consultar/", args.requests)
        page, page_peak = timed(client, ticket.get_absolute_url(), args.requests)
        print(f"database: {connection.vendor}, tickets: 100k + 41, requests: {args.requests}")
        print(f"consultation results (41 rows, page of 20) {results}, peak {round(results_peak / 1024, 1)} KiB")
        print(f"ticket page (50 messages)                 {page}, peak {round(page_peak / 1024, 1)} KiB")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
