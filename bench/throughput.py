"""Throughput over HTTP: gunicorn with production settings, measured with wrk, page by page.

Run (wrk and the bench group: ``apt-get install wrk``, ``python -m uv sync --group bench``):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/throughput.py \
        [--articles 100000] [--companies 10000 --seed-tickets 1000000 --messages 3000000] [--tickets 100] \
        [--duration 10] [--connections 16] [--workers 2] [--chart bench/throughput.png]

It creates a database of its own on that server (dropped at the end), migrates it, loads the demo
(``seed_demo``) and adds the rows asked for with ``bench/seed.py`` (set-based SQL). Then, for two
configurations in turn — the help pages' whole-page cache off ("sem cache", what the portal did
before) and on — it starts gunicorn (``-w --workers``, sync, DEBUG off, local-memory cache) and
runs ``wrk -t2 -c16 -d10s --latency`` on each page: the floor (``/_bench/floor/``, base.html and
nothing else), the public help pages, and, signed in as the demo gestor, /suporte/ and a ticket
page. With the cache on, it also opens ``--tickets`` tickets over HTTP as a browser does (every
step shown and posted, the confirmation), with one client and with four, and counts one
journey's queries in-process.

It prints a Markdown table: requests per second, p50 and p99 latency, each page as a fraction of
the floor, the queries a page makes (counted in-process with the test client), and the ratio of
the cached run to the uncached one. With matplotlib, ``--chart`` also draws it as a PNG.
Numbers depend on the machine; compare ratios from one run.
"""

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.faults import Identities, Traffic, free_port, open_ticket  # noqa: E402
from bench.seed import seed  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LOGIN = ("ana.souza@bancohorizonte.example", "cliente-demo-2026")

PUBLIC = [
    ("floor (base.html)", "/_bench/floor/"),
    ("/ajuda/", "/ajuda/"),
    ("FAQ category", "/ajuda/duvidas/financeiro/"),
    ("FAQ question", "/ajuda/duvidas/financeiro/como-emito-a-2a-via-do-boleto/"),
    ("product page", "/ajuda/produtos/datavalid/"),
    ("search", "/ajuda/busca/?q=segunda+via+boleto"),
]
SIGNED_IN = [("/suporte/ (signed in)", "/suporte/"), ("ticket page (owner)", None)]


def say(message: str) -> None:
    print(f"[bench/throughput] {message}", file=sys.stderr, flush=True)


@contextmanager
def bench_database(server_url: str, suffix: str = ""):
    """A database of its own on the server of ``server_url``, dropped afterwards."""
    import psycopg

    name = f"bench_http_{os.getpid()}{suffix}"
    admin = urllib.parse.urlsplit(server_url)
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(admin._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(database_url: str) -> dict:
    """What a bench server runs with: production settings (DEBUG and TLS off, a local-memory cache,
    quiet logs) on ``database_url``, the floor view on, and the rate limits raised, not patched out
    (a benchmark is many requests from one address)."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "DATABASE_"))},
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CACHE_URL": "locmemcache://",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PORTAL_BENCH_FLOOR": "true",
        "PORTAL_RATE_LIMIT_CONSULTA_IP": "1000000",
        "PORTAL_RATE_LIMIT_PASSO_IP": "1000000",
        "PORTAL_RATE_LIMIT_ENVIO_IP": "1000000",
        "PORTAL_RATE_LIMIT_ENVIO_CPF": "1000000",
    }


def manage(env: dict, *args: str, root: Path = ROOT) -> None:
    """``manage.py`` of the checkout at ``root``, with its own virtualenv."""
    python = root / ".venv" / "bin" / "python"
    subprocess.run([python, "manage.py", *args], cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def seed_scale(database_url: str, **counts: int) -> None:
    """More rows, by ``bench/seed.py``'s set-based statements (no ORM row by row)."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection, connection.cursor() as cursor:
        say(f"seeded in seconds: {seed(cursor, **counts)}")


class Server:
    """gunicorn serving the checkout at ``root`` (this one unless told), with its own virtualenv."""

    def __init__(self, env: dict, workers: int, log: Path, root: Path = ROOT):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = subprocess.Popen(  # noqa: S603
            [
                root / GUNICORN.relative_to(ROOT),
                "portal.wsgi:application",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{self.port}",
            ],
            cwd=root,
            env={**env, "PORTAL_BASE_URL": self.url},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start; see {log}") from None
                time.sleep(0.3)

    def cpu_seconds(self) -> float:
        """CPU time used so far by the workers (user and system), from /proc."""
        master = self.process.pid
        total = 0
        for worker in Path(f"/proc/{master}/task/{master}/children").read_text().split():
            try:
                fields = Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:  # a worker that has just been replaced
                continue
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def signed_in_cookie(base: str) -> str:
    """Log the demo gestor in over HTTP: the Cookie header of her session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/entrar/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": LOGIN[0], "password": LOGIN[1]})
    request = urllib.request.Request(base + "/entrar/", data.encode(), headers={"Referer": base + "/entrar/"})  # noqa: S310
    opener.open(request)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def owned_ticket(database_url: str) -> str:
    """The page of one of the demo gestor's tickets, the one with the most messages."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        year, number = connection.execute(
            """
            SELECT t.year, t.number FROM tickets_ticket t JOIN portal_user u ON u.id = t.created_by_id
             WHERE u.email = %s
             ORDER BY (SELECT count(*) FROM tickets_message m WHERE m.ticket_id = t.id) DESC, t.id LIMIT 1
            """,
            [LOGIN[0]],
        ).fetchone()
    return f"/tickets/{year}SS/{number:05d}/"


def wrk(url: str, args, cookie: str = "") -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rate,
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def queries_per_page(env: dict, pages: list[tuple[str, str]], cookie_pages: list[tuple[str, str]]) -> dict:
    """Queries each page makes for a first visitor, counted in-process (test client, cache emptied)."""
    script = f"""
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from portal.models import User
setup_test_environment()
counts = {{}}
for name, path in {pages!r}:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        Client().get(path)
    counts[name] = len(captured.captured_queries)
client = Client()
client.force_login(User.objects.get(email={LOGIN[0]!r}))
for name, path in {cookie_pages!r}:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    counts[name] = len(captured.captured_queries)
print(json.dumps(counts))
"""
    return _in_django(env, script)


def ticket_form_slug(database_url: str) -> str:
    """A demo form without required questions of its own, which the journey client fills in blindly."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(
            """
            SELECT f.slug FROM tickets_ticketform f
             WHERE f.active AND NOT EXISTS (SELECT 1 FROM tickets_formfield q WHERE q.form_id = f.id AND q.required)
             ORDER BY f.id LIMIT 1
            """
        ).fetchone()[0]


def ticket_journeys(base: str, slug: str, count: int, threads: int) -> dict:
    """``count`` tickets opened over HTTP as a browser does (nine requests each), by ``threads`` clients."""
    from concurrent.futures import ThreadPoolExecutor

    identities, traffic = Identities(f"t{threads}"), Traffic()
    deadline = time.monotonic() + 600
    start = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        opened = pool.map(lambda _n: open_ticket(base, slug, identities.next(), traffic, deadline), range(count))
        outcomes = list(opened)
    elapsed = time.monotonic() - start
    failed = [outcome.error for outcome in outcomes if not outcome.confirmed]
    return {"tickets_per_s": (count - len(failed)) / elapsed, "requests": len(traffic.hits), "failed": failed}


def queries_per_ticket(env: dict, slug: str) -> tuple[int, int]:
    """Queries of one whole journey (each step shown and posted, the confirmation), the form already cached:
    SQL statements, and round trips with the transactions' BEGIN, COMMIT and savepoints."""
    script = f"""
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from tickets.models import TicketType
setup_test_environment()
path = "/tickets/novo/{slug}/"
kind = TicketType.objects.active().first().pk
steps = [
    ("identificacao", {{"cpf": "529.982.247-25", "name": "Bench", "cnpj": "12.ABC.345/01DE-35"}}),
    ("contato", {{"email": "bench@example.com", "phone": "(61) 99876-5432", "language": "pt-br"}}),
    ("solicitacao", {{"type": kind, "title": "Bench", "description": "Contagem de consultas."}}),
]
def journey():
    client = Client()
    client.get(path)
    for step, data in steps:
        client.post(path, {{"step": step, "action": "next", **data}})
        client.get(path)
    key = client.session["ticket_form:{slug}"]["key"]
    sent = client.post(path, {{"step": "revisao", "action": "next", "key": key}})
    assert sent.status_code == 302, sent.status_code
    client.get(sent["Location"])
journey()
with CaptureQueriesContext(connection) as captured:
    journey()
control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
statements = [query["sql"] for query in captured.captured_queries]
print(json.dumps([sum(not sql.startswith(control) for sql in statements), len(statements)]))
"""
    statements, round_trips = _in_django(env, script)
    return statements, round_trips


def _in_django(env: dict, script: str):
    """Run ``script`` in a Django process on the bench's database; the JSON it prints last."""
    result = subprocess.run(  # noqa: S603
        [PYTHON, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def chart(rows: list[dict], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        say("matplotlib missing (python -m uv sync --group bench): no chart")
        return
    names = [row["page"] for row in rows]
    figure, axes = plt.subplots(figsize=(10, 0.5 * len(rows) + 1.5))
    positions = range(len(rows))
    axes.barh([p + 0.2 for p in positions], [row["before"]["rps"] for row in rows], 0.4, label="sem cache")
    axes.barh([p - 0.2 for p in positions], [row["after"]["rps"] for row in rows], 0.4, label="com cache")
    axes.set_yticks(list(positions), names)
    axes.invert_yaxis()
    axes.set_xlabel("requests/s (wrk)")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    say(f"chart: {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="help answers added to the demo's")
    parser.add_argument("--companies", type=int, default=0, help="companies added to the demo's")
    parser.add_argument("--seed-tickets", type=int, default=0, help="tickets added to the demo's")
    parser.add_argument("--messages", type=int, default=0, help="messages over the added tickets")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chart", type=Path)
    parser.add_argument("--tickets", type=int, default=100, help="tickets opened over HTTP, per client count")
    args = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        sys.exit("Set DATABASE_URL to a PostgreSQL server (its database is only used to create ours).")

    logs = Path(tempfile.mkdtemp(prefix="bench-http-"))
    with bench_database(server_url) as database_url:
        env = server_environment(database_url)
        say("migrating and loading the demo")
        manage(env, "migrate", "--noinput")
        manage({**env, "DJANGO_DEBUG": "true"}, "seed_demo", "--force")
        counts = {
            "articles": args.articles,
            "companies": args.companies,
            "tickets": args.seed_tickets,
            "messages": args.messages,
        }
        if any(counts.values()):
            say(f"adding {counts}")
            seed_scale(database_url, **counts)
        results: dict[str, dict] = {}
        journeys: dict[int, dict] = {}
        ticket_path = owned_ticket(database_url)
        slug = ticket_form_slug(database_url)
        for label, cached in (("before", "false"), ("after", "true")):
            server = Server({**env, "PORTAL_HELP_PAGE_CACHE": cached}, args.workers, logs / f"gunicorn-{label}.log")
            try:
                cookie = signed_in_cookie(server.url)
                for name, path in PUBLIC:
                    say(f"{label}: {name}")
                    results.setdefault(name, {})[label] = wrk(server.url + path, args)
                for name, path in SIGNED_IN:
                    say(f"{label}: {name}")
                    results.setdefault(name, {})[label] = wrk(server.url + (path or ticket_path), args, cookie)
                if cached == "true" and args.tickets:
                    for threads in (1, 4):
                        say(f"opening {args.tickets} tickets over HTTP, {threads} client(s)")
                        journeys[threads] = ticket_journeys(server.url, slug, args.tickets, threads)
            finally:
                server.stop()
        queries = queries_per_page(env, PUBLIC, [(name, path or ticket_path) for name, path in SIGNED_IN])
        per_ticket = queries_per_ticket(env, slug) if args.tickets else (0, 0)

    floor = results[PUBLIC[0][0]]["after"]["rps"]
    rows = [{"page": name, **measured} for name, measured in results.items()]
    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, gunicorn -w {args.workers} (sync), "
        f"added to the demo: {counts}\n"
    )
    print("| page | req/s sem cache | req/s com cache | ratio | p50 ms | p99 ms | of floor | queries | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        before, after = row["before"], row["after"]
        print(
            f"| {row['page']} | {before['rps']:.0f} | {after['rps']:.0f} | {after['rps'] / before['rps']:.2f}× "
            f"| {after['p50']:.1f} | {after['p99']:.1f} | {after['rps'] / floor:.2f} | {queries.get(row['page'], '')} "
            f"| {before['errors'] + after['errors']} |"
        )
    for threads, measured in journeys.items():
        print(
            f"\nOpening a ticket ({slug}), {threads} client(s): {measured['tickets_per_s']:.1f} tickets/s, "
            f"{measured['requests'] / args.tickets:.1f} requests, {per_ticket[0]} queries "
            f"({per_ticket[1]} round trips with BEGIN/COMMIT) per ticket, "
            f"{len(measured['failed'])} failed {measured['failed'][:3]}"
        )
    if args.chart:
        chart(rows, args.chart)


if __name__ == "__main__":
    main()
