"""Benchmark the customer API's main endpoints through the Django test client.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/api.py [--requests 200] [--tickets 500] [--invoices 200]

It builds a throwaway test database with one company holding N tickets and M invoices, then
calls each endpoint R times (after one warm-up) with a bearer token: token, list tickets (a page
of 20), read one ticket (with its conversation), open a ticket, list invoices. It prints, per
endpoint, requests per second, p50 and p95 latency, and the SQL queries of one request.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.measure import throwaway_database  # noqa: E402


def percentile(timings: list[float], fraction: float) -> float:
    ordered = sorted(timings)
    return ordered[max(int(len(ordered) * fraction) - 1, 0)]


def run(name: str, call, requests: int) -> dict:
    call(0)  # warm-up
    with CaptureQueriesContext(connection) as captured:
        call(1)
    queries = len([query for query in captured.captured_queries if "SAVEPOINT" not in query["sql"]])
    timings = []
    started = time.perf_counter()
    for index in range(requests):
        start = time.perf_counter()
        call(index + 2)
        timings.append((time.perf_counter() - start) * 1000)
    elapsed = time.perf_counter() - started
    return {
        "endpoint": name,
        "req/s": round(requests / elapsed, 1),
        "p50 ms": round(percentile(timings, 0.5), 2),
        "p95 ms": round(percentile(timings, 0.95), 2),
        "queries": queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--tickets", type=int, default=500)
    parser.add_argument("--invoices", type=int, default=200)
    args = parser.parse_args()

    with throwaway_database():
        from credentials.services import credential_create
        from tests.billing.factories import InvoiceFactory
        from tests.factories import (
            ContractFactory,
            MembershipFactory,
            MessageFactory,
            ProductFactory,
            TicketFactory,
            TicketFormFactory,
            TicketTypeFactory,
        )

        # One machine calls everything here: lift the per-key and per-address limits.
        settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "api": (10**9, 60), "api-token-ip": (10**9, 60)}
        membership = MembershipFactory(role="gestor")
        contract = ContractFactory(organization=membership.organization)
        credential, secret = credential_create(user=membership.user, contract=contract, name="Benchmark")
        kind = TicketTypeFactory(name="Incidente")
        TicketFormFactory(product=ProductFactory(slug="datavalid"), slug="datavalid")
        tickets = [
            TicketFactory(cnpj=membership.organization.cnpj, created_by=membership.user, year=2025)
            for _ in range(args.tickets)
        ]
        for ticket in tickets[-1:]:
            for _ in range(10):
                MessageFactory(ticket=ticket)
        for month in range(args.invoices):
            InvoiceFactory(contract=contract, period=f"{2000 + month // 12}-{month % 12 + 1:02d}-01")

        client = Client()
        basic = {"Authorization": "Basic " + __import__("base64").b64encode(
            f"{credential.consumer_key}:{secret}".encode()).decode()}  # fmt: skip
        form = "application/x-www-form-urlencoded"
        token = client.post("/api/v1/token", "grant_type=client_credentials", content_type=form, headers=basic)
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        detail = f"/api/v1/tickets/{tickets[-1].year}SS{tickets[-1].number:05d}"

        def ok(response, status=200):
            assert response.status_code == status, (response.status_code, response.content[:300])

        def open_ticket(index):
            payload = {
                "form": "datavalid",
                "type": kind.pk,
                "title": f"Erro {index}",
                "description": "Desde ontem.",
                "requester_name": "João Pereira",
                "requester_cpf": "529.982.247-25",
                "email": "joao@empresa.example",
            }
            ok(client.post("/api/v1/tickets", payload, content_type="application/json", headers=bearer), 201)

        rows = [
            run(
                "POST /token",
                lambda i: ok(
                    client.post("/api/v1/token", "grant_type=client_credentials", content_type=form, headers=basic)
                ),
                args.requests,
            ),  # fmt: skip
            run("GET /tickets", lambda i: ok(client.get("/api/v1/tickets", headers=bearer)), args.requests),
            run("GET /tickets/{protocol}", lambda i: ok(client.get(detail, headers=bearer)), args.requests),
            run("POST /tickets", open_ticket, args.requests),
            run("GET /invoices", lambda i: ok(client.get("/api/v1/invoices", headers=bearer)), args.requests),
        ]
        print(f"database: {connection.vendor}, tickets: {args.tickets}, invoices: {args.invoices}, "
              f"requests per endpoint: {args.requests}")  # fmt: skip
        columns = list(rows[0])
        widths = [max(len(str(row[column])) for row in [dict(zip(columns, columns, strict=True)), *rows])
                  for column in columns]  # fmt: skip
        print("  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True)))
        for row in rows:
            print("  ".join(str(row[column]).ljust(width) for column, width in zip(columns, widths, strict=True)))


if __name__ == "__main__":
    main()
