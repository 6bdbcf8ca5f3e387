"""What every benchmark shares: a throwaway database, and latency and peak memory of a page."""

import statistics
import time
import tracemalloc
from contextlib import contextmanager


def summary(timings: list[float]) -> dict:
    """Median and 95th percentile, in milliseconds."""
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)], 2),
    }


def measure(client, path: str, requests: int) -> dict:
    """GET ``path`` ``requests`` times (after one warm-up); latency summary and one request's peak memory."""
    client.get(path)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    tracemalloc.start()
    client.get(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {**summary(timings), "peak_kib": round(peak / 1024, 1)}


@contextmanager
def throwaway_database():
    """A test database for the run, destroyed afterwards whatever happens."""
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
