"""Benchmark the shell: time and peak memory of the home page and /healthz.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/shell.py [--requests 300] [--companies 10]

It builds a throwaway test database, adds one customer with N companies, and
reports per-request latency (median, p95) and the peak Python memory of a
request. Numbers vary with the machine; compare runs on the same one.
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


def measure(client: Client, path: str, requests: int) -> dict:
    client.get(path)  # warm up
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    tracemalloc.start()
    client.get(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "peak_kib": round(peak / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--companies", type=int, default=10)
    args = parser.parse_args()

    from tests.factories import ContractFactory, MembershipFactory, UserFactory

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        user = UserFactory()
        for membership in MembershipFactory.create_batch(args.companies, user=user):
            ContractFactory.create_batch(3, organization=membership.organization)
        client = Client()
        client.force_login(user)
        print(f"database: {connection.vendor}, companies: {args.companies}, requests: {args.requests}")
        for path in ["/", "/healthz"]:
            print(f"{path:10} {measure(client, path, args.requests)}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
