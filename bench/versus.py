"""Side by side over HTTP: this checkout against an earlier commit, in one run.

Run (wrk: ``apt-get install wrk``):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/versus.py \
        [--against 14f84d2] [--rounds 3] [--duration 5] [--tickets 20]

The signed-in targets of the speed work are ratios to the code as it was when they were set
(``--against``, by default 14f84d2, the last commit before that round). Numbers from different
runs on this shared machine swing by a third, so both versions are measured here, alternately:

- the earlier commit is checked out in a temporary git worktree and set up by its own
  ``scripts/setup.sh`` (its own virtualenv);
- each version gets a database of its own on the server of ``DATABASE_URL``, migrated and loaded
  with its own demo (``seed_demo``), and its own gunicorn (``-w 2``, sync, production settings);
- each round runs ``wrk`` on ``/suporte/`` and on the demo gestor's ticket page, signed in, then
  opens ``--tickets`` tickets through the whole form with one client, on one version and then the
  other. Each version serves the journey from a fresh process, so the earlier commit's built-in
  limit of 30 tickets an hour from one address is not reached at the default sizes.

With ``--redis redis://127.0.0.1:6379`` both versions run as production does, with Redis for the
cache; this checkout then keeps its sessions there too, backed by the database (14f84d2 keeps them
in the database only). Each version gets a Redis database of its own (14 and 15), emptied before
each server starts and at the end. Without it, each process has a local-memory cache, and the
sessions are in the database.

It also measures this checkout's signed-in floor (``/_bench/floor/``: base.html with the sidebar,
the session and the user, nothing else), the most any signed-in page could answer.

It prints a Markdown table: the median over the rounds for each version, and this ÷ earlier.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.faults import Identities, Traffic, open_ticket  # noqa: E402
from bench.throughput import (  # noqa: E402
    Server,
    bench_database,
    manage,
    owned_ticket,
    server_environment,
    signed_in_cookie,
    ticket_form_slug,
    wrk,
)

#: The last commit before the round that set the speed targets.
BASELINE = "14f84d2"


def say(message: str) -> None:
    print(f"[bench/versus] {message}", file=sys.stderr, flush=True)


@contextmanager
def checkout(commit: str):
    """``commit`` in a temporary git worktree, set up with its own virtualenv; removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="bench-versus-"))
    subprocess.run(["git", "worktree", "add", "--detach", "--force", str(path), commit], cwd=ROOT, check=True)  # noqa: S603, S607
    try:
        say(f"setting up {commit} in {path}")
        clean = {k: v for k, v in os.environ.items() if k != "PORTAL_SETUP_DONE"}
        subprocess.run(["bash", "-c", "source scripts/setup.sh"], cwd=path, env=clean, check=True)  # noqa: S603, S607
        yield path
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=False)  # noqa: S603, S607
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def redis_database(server_url: str | None, number: int):
    """Database ``number`` of the Redis server at ``server_url``, empty, emptied again afterwards; None
    without a server."""
    if server_url is None:
        yield None
        return
    import redis

    url = f"{server_url.rstrip('/')}/{number}"
    connection = redis.Redis.from_url(url)
    connection.flushdb()
    try:
        yield url
    finally:
        connection.flushdb()
        connection.close()


class Version:
    """One version of the portal: its checkout, its database, its demo."""

    def __init__(self, name: str, root: Path, database_url: str, logs: Path, cache_url: str | None) -> None:
        self.name, self.root, self.logs = name, root, logs
        # The earlier commit has its rate limits built in; it ignores the settings that raise ours.
        self.env = server_environment(database_url)
        self.cache_url = cache_url
        if cache_url:
            self.env["DJANGO_CACHE_URL"] = cache_url
        say(f"{name}: migrating and loading the demo")
        manage(self.env, "migrate", "--noinput", root=root)
        manage({**self.env, "DJANGO_DEBUG": "true"}, "seed_demo", root=root)
        self.ticket_page = owned_ticket(database_url)
        self.slug = ticket_form_slug(database_url)
        self.identities = Identities(f"v{name[0]}")

    def server(self, label: str, workers: int) -> Server:
        """A fresh gunicorn, on an empty cache: the earlier commit's rate limits start again, as they do
        with a process's local memory."""
        if self.cache_url:
            import redis

            with redis.Redis.from_url(self.cache_url) as connection:
                connection.flushdb()
        return Server(self.env, workers, self.logs / f"gunicorn-{self.name}-{label}.log", root=self.root)


def pages(version: Version, args, measured: dict, round_: int) -> None:
    server = version.server(f"pages-{round_}", args.workers)
    try:
        cookie = signed_in_cookie(server.url)
        for name, path in (("/suporte/", "/suporte/"), ("ticket page", version.ticket_page)):
            result = wrk(server.url + path, args, cookie)
            if result["errors"]:
                raise RuntimeError(f"{version.name} {path}: {result['errors']} answers were not 2xx or 3xx")
            measured.setdefault((name, version.name), []).append(result["rps"])
        if version.name == "this":
            measured.setdefault(("signed-in floor", "this"), []).append(
                wrk(server.url + "/_bench/floor/", args, cookie)["rps"]
            )
    finally:
        server.stop()


def journey(version: Version, args, measured: dict, round_: int) -> None:
    """``--tickets`` tickets, one after the other, by one client: tickets per second, and the CPU a ticket
    costs the workers and this client."""
    server = version.server(f"tickets-{round_}", args.workers)
    try:
        traffic = Traffic()
        open_ticket(server.url, version.slug, version.identities.next(), traffic, time.monotonic() + 60)  # warm-up
        cpu, client_cpu, start = server.cpu_seconds(), time.process_time(), time.monotonic()
        outcomes = [
            open_ticket(server.url, version.slug, version.identities.next(), traffic, time.monotonic() + 60)
            for _ in range(args.tickets)
        ]
        elapsed, cpu = time.monotonic() - start, server.cpu_seconds() - cpu
        client_cpu = time.process_time() - client_cpu
    finally:
        server.stop()
    failed = [outcome.error for outcome in outcomes if not outcome.confirmed]
    if failed:
        raise RuntimeError(f"{version.name}: {len(failed)} tickets not opened, e.g. {failed[0]}")
    measured.setdefault(("opening a ticket, tickets/s", version.name), []).append(args.tickets / elapsed)
    measured.setdefault(("worker CPU per ticket, ms", version.name), []).append(cpu * 1000 / args.tickets)
    # The client (this process) shares the machine's cores with the server: what it costs bounds tickets/s.
    measured.setdefault(("bench client CPU per ticket, ms", version.name), []).append(client_cpu * 1000 / args.tickets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default=BASELINE, help="the earlier commit (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tickets", type=int, default=20, help="tickets opened per version and round")
    parser.add_argument("--redis", metavar="URL", help="a Redis server for both versions' cache, as in production")
    args = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        sys.exit("Set DATABASE_URL to a PostgreSQL server (its database is only used to create ours).")
    if args.tickets + 1 > 30:
        sys.exit("--tickets: at most 29, the earlier commit allows 30 tickets an hour from one address.")

    logs = Path(tempfile.mkdtemp(prefix="bench-versus-"))
    measured: dict[tuple[str, str], list[float]] = {}
    with ExitStack() as stack:
        earlier_root = stack.enter_context(checkout(args.against))
        versions = [
            Version(
                name,
                root,
                stack.enter_context(bench_database(server_url, f"_{name}")),
                logs,
                stack.enter_context(redis_database(args.redis, number)),
            )
            for name, root, number in (("earlier", earlier_root, 14), ("this", ROOT, 15))
        ]
        for round_ in range(1, args.rounds + 1):
            for version in versions:
                say(f"round {round_}: {version.name}")
                pages(version, args, measured, round_)
                journey(version, args, measured, round_)

    print(
        f"\n{args.against} (earlier) against this checkout, {args.rounds} rounds, median; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, gunicorn -w {args.workers}; "
        f"{args.tickets} tickets a round, one client; cache: {'Redis' if args.redis else 'local memory'}\n"
    )
    print("| measure | earlier | this | this ÷ earlier |")
    print("|---|---:|---:|---:|")
    for name in dict.fromkeys(name for name, _version in measured):
        earlier = measured.get((name, "earlier"))
        this = statistics.median(measured[(name, "this")])
        if earlier:
            before = statistics.median(earlier)
            print(f"| {name} | {before:.1f} | {this:.1f} | {this / before:.2f} |")
        else:
            print(f"| {name} | — | {this:.1f} | — |")
    say(f"gunicorn logs in {logs}")


if __name__ == "__main__":
    main()
