"""Benchmark Consultar Consumo with 1,000,000 daily usage rows in the database.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/usage.py [--requests 100]

It builds a throwaway test database, inserts 913 contracts and 36 months of daily usage for each
(1,000,648 rows) with generate_series, then times (median, p95) a gestor's page (the company's
10 contracts, 12 and 24 months), one contract's page and its CSV, reports the peak Python memory
of one request of each, and prints PostgreSQL's plan of the monthly sums (the (contract, day)
index, read index-only).
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.measure import measure, throwaway_database  # noqa: E402

CONTRACTS = 913
DAYS = 1096  # 36 months: 24 shown and the 12 before them, for the comparison


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()

    with throwaway_database():
        from portal.models import Contract
        from tests.factories import ContractFactory, MembershipFactory, OrganizationFactory, UserFactory
        from usage.models import UsageAllowance, UsageRecord
        from usage.selectors import add_months, monthly_sums, period_months

        gestor = UserFactory()
        company = MembershipFactory(user=gestor, role="gestor").organization
        mine = [ContractFactory(organization=company) for _ in range(10)]
        for contract in mine:
            UsageAllowance.objects.create(contract=contract, unit="consultas", monthly_quantity=15_000)
        others = OrganizationFactory()
        product_id = mine[0].product_id
        today = timezone.localdate()
        start = today - datetime.timedelta(days=DAYS - 1)
        loading = time.perf_counter()
        # Contracts through the ORM (their model's defaults apply); the million rows in SQL.
        Contract.objects.bulk_create(
            Contract(organization=others, product_id=product_id, number=f"BENCH-{n}", start_date=start)
            for n in range(CONTRACTS - len(mine))
        )
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO usage_usagerecord (contract_id, day, quantity)
                SELECT c.id, d::date, (300 + random() * 400)::int
                  FROM portal_contract AS c
                 CROSS JOIN generate_series(%s::date, %s::date, interval '1 day') AS d
                """,
                [start, today],
            )
            cursor.execute("VACUUM ANALYZE usage_usagerecord")
            cursor.execute("ANALYZE portal_contract")
        rows = UsageRecord.objects.count()
        loaded = time.perf_counter() - loading

        client = Client()
        client.force_login(gestor)
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
            client.get("/consumo/?meses=24")
        one = mine[0].number
        page12 = measure(client, "/consumo/", args.requests)
        page24 = measure(client, "/consumo/?meses=24", args.requests)
        single = measure(client, f"/consumo/?contrato={one}&meses=24", args.requests)
        csv = measure(client, "/consumo/csv/?meses=24", args.requests)

        period = period_months(months=24, today=today)
        plan = monthly_sums(
            [contract.pk for contract in mine], start=add_months(period[0], -12), end=add_months(period[-1], 1)
        ).explain(analyze=True, buffers=True)

        print(f"database: {connection.vendor}, usage rows: {rows:,}, contracts: {CONTRACTS}, loaded in {loaded:.1f} s")
        print(f"requests per page: {args.requests}; queries per page (24 months): {len(queries)}")
        print(f"page, 10 contracts, 12 months            {page12}")
        print(f"page, 10 contracts, 24 months            {page24}")
        print(f"page, 1 contract, 24 months              {single}")
        print(f"CSV, 10 contracts, 24 months             {csv}")
        print("plan of the monthly sums (10 contracts, 36 months):")
        print(plan)
        assert "usage_record_one_per_contract_day" in plan, "the (contract, day) index is not used"


if __name__ == "__main__":
    main()
