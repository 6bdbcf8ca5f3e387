"""Query budgets that count what production runs.

Tests run inside a transaction, so every ``atomic()`` block of the code under test (a session
save, a service) shows up as SAVEPOINT / RELEASE SAVEPOINT statements that production, running
those blocks as plain transactions, does not send. They are left out of the count.
"""

from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def max_queries(budget: int):
    with CaptureQueriesContext(connection) as captured:
        yield captured
    queries = [query["sql"] for query in captured.captured_queries if "SAVEPOINT" not in query["sql"]]
    assert len(queries) <= budget, f"{len(queries)} queries, budget {budget}:\n" + "\n".join(queries)
