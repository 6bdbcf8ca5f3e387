"""Benchmark opening a ticket: each step of the form and the final submit, with one attachment.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/tickets.py [--tickets 200]

It builds a throwaway test database, then opens N tickets through the four steps as an
anonymous visitor would, and reports per-request latency (median, p95) for each step and
the peak Python memory of one final submit.
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

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PDF = b"%PDF-1.7\n" + b"0" * 200_000


def summary(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=200)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from tests.factories import ProductFactory, TicketFormFactory, TicketTypeFactory

        # One machine sends every ticket here: lift the per-address and per-CPF limits.
        lifted = dict.fromkeys(("envio-ip", "envio-cpf", "passo-ip"), (10**9, 60))
        settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, **lifted}

        kind = TicketTypeFactory(name="Incidente")
        TicketFormFactory(product=ProductFactory(slug="datavalid"), slug="datavalid")
        steps = {
            "identificacao": {"cpf": "529.982.247-25", "name": "João", "cnpj": "12.ABC.345/01DE-35"},
            "contato": {"email": "joao@empresa.example", "phone": "61998765432", "language": "pt-br"},
            "solicitacao": {"type": kind.pk, "title": "Erro 500", "description": "Desde ontem."},
        }
        timings = {name: [] for name in [*steps, "revisao"]}
        peak = 0
        # One client, its cookies cleared per ticket: a new Client would build its middleware again
        # (WhiteNoise indexes every static file) inside the first step's timing.
        client = Client()
        for index in range(args.tickets):
            client.cookies.clear()
            for name, data in steps.items():
                payload = {"step": name, "action": "next", **data}
                if name == "solicitacao":
                    payload["files"] = SimpleUploadedFile("nota.pdf", PDF)
                start = time.perf_counter()
                client.post("/tickets/novo/datavalid/", payload)
                timings[name].append((time.perf_counter() - start) * 1000)
            key = client.session["ticket_form:datavalid"]["key"]
            measure_memory = index == args.tickets - 1
            if measure_memory:
                tracemalloc.start()
            start = time.perf_counter()
            response = client.post("/tickets/novo/datavalid/", {"step": "revisao", "action": "next", "key": key})
            timings["revisao"].append((time.perf_counter() - start) * 1000)
            if measure_memory:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            assert response.status_code == 302, response.status_code
        print(f"database: {connection.vendor}, tickets: {args.tickets}")
        for name, values in timings.items():
            print(f"{name:14} {summary(values)}")
        print(f"final submit peak memory: {round(peak / 1024, 1)} KiB")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
