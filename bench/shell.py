"""Benchmark the shell: time and peak memory of the home page and /healthz.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/shell.py [--requests 300] [--companies 10]

It builds a throwaway test database, adds one customer with N companies, and
reports per-request latency (median, p95) and the peak Python memory of a
request. Numbers vary with the machine; compare runs on the same one.
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
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--companies", type=int, default=10)
    args = parser.parse_args()

    from tests.factories import ContractFactory, MembershipFactory, UserFactory

    with throwaway_database():
        user = UserFactory()
        for membership in MembershipFactory.create_batch(args.companies, user=user):
            ContractFactory.create_batch(3, organization=membership.organization)
        client = Client()
        client.force_login(user)
        print(f"database: {connection.vendor}, companies: {args.companies}, requests: {args.requests}")
        for path in ["/", "/healthz"]:
            print(f"{path:10} {measure(client, path, args.requests)}")


if __name__ == "__main__":
    main()
