"""Fault runs on a real stack: tickets sent through the form while the database, the mail server or a worker fails.

Run, as root from the project folder (about 2 minutes; ``--quick`` about 1.5):

    DJANGO_DEBUG=false .venv/bin/python bench/faults.py [--scenario A|B|C|all] [--quick]

It starts everything itself, and stops it at the end whatever happens (an error, Ctrl-C, SIGTERM):

- a throwaway PostgreSQL 15 cluster (``initdb`` in a temporary folder, a free port on 127.0.0.1,
  fsync off), run as the ``postgres`` user through ``su`` like scripts/test.sh, migrated and loaded
  with ``manage.py seed_demo --force``; the form used is a demo form without required extra fields
  (should the demo fail to load, a minimal form, team, subject and ticket type are created instead,
  and the run says so);
- an SMTP sink on 127.0.0.1 (asyncio, inside this process) that records every message it accepts by
  its Message-ID; it can be stopped and started again, and can wait before answering DATA;
- for each scenario, gunicorn (``-w 4``, production-like environment: DEBUG off, a random secret key,
  SMTP to the sink, PORTAL_TASK_LEASE_SECONDS=10) and ``--workers`` ``manage.py worker`` processes
  (``--interval 0.2 --sweep-interval 2``). A worker that exits by itself is started again a second
  later, as a process supervisor would, and the exit is reported (``--no-respawn`` turns that off).
  Before any fault the form page must answer 200, or the run stops there (a broken tree, such as a
  stale staticfiles/ manifest, is not a fault result).

Clients go through the four steps over HTTP as a browser does (urllib with a cookie jar, the CSRF
token and the submission key read from the page, redirects followed, a page that answers 5xx or
nothing is posted again half a second later, as a person would). Every ticket has its own valid CPF
and e-mail address. The rate limits (30 submissions and 120 step posts an hour per address, counted
in each gunicorn worker's local-memory cache) are respected by planning: gunicorn is started afresh
for each scenario and no scenario sends more than 25 tickets.

Scenarios:

- A, database restarted under load: 4 clients for 20 s, ``pg_ctl restart -m fast`` at 7 s. Checks:
  no partial ticket, no 5xx but 503, ``/healthz`` 200 and a full submission within 10 s of the
  database being back, every committed ticket's e-mail delivered once, and no task worker exiting
  because of the outage (one that does is started again, so the other checks still tell something).
- B, mail server down: the sink is stopped, 10 tickets are sent, the sink starts 10 s later; the
  first retry comes a minute after the failure. Checks: all delivered, none twice.
- C, worker killed while sending: the sink waits 1 s before answering DATA; 10 tickets are sent and,
  once the sink has at least one message but not all, the worker whose SMTP connection is waiting
  on DATA (found through /proc) gets ``kill -9`` and a fresh worker starts. Its task is given back
  after the lease. Checks: nothing lost, nothing twice (the kill lands during the transfer, before
  the sink accepts the message, so a copy would be a bug).

Each scenario prints tickets created (from the database), confirmations received, 5xx other than 503,
503s, partial tickets (no "aberto" status event, or no outbox e-mail), e-mails delivered (distinct
Message-IDs at the sink), lost (committed tickets whose e-mail had not reached the sink by the end of
the scenario) and duplicated (Message-IDs received more than once). A Markdown table of all of them
comes last, then each scenario's notes: HTTP statuses, timings, what was left pending, workers that
exited, and the tracebacks gunicorn logged for any 500. The logs (gunicorn, each worker) go to a
temporary folder, whose path is printed when it is kept.

Flags:
  --scenario A|B|C|all  which scenarios to run (default: all)
  --quick               fewer tickets and a shorter load in A
  --workers N           task workers per scenario (default: 2)
  --no-respawn          leave a worker that exited by itself dead (plain ``db_worker`` behaviour)
  --db-down SECONDS     A: stop PostgreSQL, wait this long, start it, instead of ``pg_ctl restart``
  --keep-logs           keep the folder of logs (it is kept anyway when a check fails)
  --c-window            C kills the worker in the documented window instead (the sink has accepted the
                        message and waits 1 s before its 250): a check of the bench itself, which must
                        then see exactly one copy, with the same Message-ID

PostgreSQL's programs are taken from /usr/lib/postgresql/15/bin, or from $FAULTS_PG_BIN.

Exit status: 0 when every check of every scenario passed, 1 otherwise (also when interrupted).
"""

import argparse
import asyncio
import contextlib
import http.client
import http.cookiejar
import itertools
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PG_BIN = Path(os.environ.get("FAULTS_PG_BIN", "/usr/lib/postgresql/15/bin"))
SU = shutil.which("su") or "/usr/bin/su"
LEASE_SECONDS = 10
CNPJ = "12.ABC.345/01DE-35"  # a valid alphanumeric CNPJ (tests/tickets/conftest.py)
START = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - START:6.1f}s] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _check_digit(digits: str, weights) -> str:
    remainder = sum(int(char) * weight for char, weight in zip(digits, weights, strict=True)) % 11
    return "0" if remainder < 2 else str(11 - remainder)


def valid_cpf(n: int) -> str:
    """A valid CPF, formatted, from a 9-digit base (as tests/factories.py ``valid_cpf``)."""
    base = f"{n % 1_000_000_000:09d}"
    first = _check_digit(base, range(10, 1, -1))
    cpf = base + first + _check_digit(base + first, range(11, 1, -1))
    return f"{cpf[:3]}.{cpf[3:6]}.{cpf[6:9]}-{cpf[9:]}"


# PostgreSQL ------------------------------------------------------------------------------------------


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, removed by ``destroy``."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="portal-faults-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        )

    def _as_postgres(self, *argv, check: bool = True) -> subprocess.CompletedProcess:
        command = " ".join(shlex.quote(str(arg)) for arg in argv)
        args = [SU, "postgres", "-s", "/bin/sh", "-c", command] if os.geteuid() == 0 else ["/bin/sh", "-c", command]
        # Fixed programs; every argument is quoted for the shell.
        return subprocess.run(args, check=check, capture_output=True, text=True, timeout=120)  # noqa: S603

    def _pg_ctl(self, *argv, check: bool = True) -> subprocess.CompletedProcess:
        return self._as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, *argv, check=check)

    def create(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._as_postgres(
            PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"
        )
        self.start()

    def start(self) -> None:
        self._pg_ctl("-w", "-o", self.options, "start")

    def stop(self) -> None:
        self._pg_ctl("-w", "-m", "fast", "stop")

    def restart(self) -> None:
        self._pg_ctl("-w", "-m", "fast", "-o", self.options, "restart")

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-w", "-m", "fast", "-t", "20", "stop", check=False)
        pid_file = self.data / "postmaster.pid"
        if pid_file.exists():  # pg_ctl could not stop it: end the postmaster we started
            with contextlib.suppress(ValueError, OSError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
        shutil.rmtree(self.dir, ignore_errors=True)


# SMTP sink ---------------------------------------------------------------------------------------------


class SmtpSink:
    """An SMTP server on 127.0.0.1 that accepts every message and records its Message-ID.

    EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT. ``stop`` closes the port and drops the open
    connections; ``start`` opens it again. ``data_delay`` seconds pass between the DATA command and
    the 354 reply: a client that goes away then has sent no message, and none is recorded. A message
    is recorded as accepted once its final dot is read; ``reply_delay`` seconds pass between that and
    the 250 reply (the window in which a client that goes away does not know it was accepted).
    """

    def __init__(self) -> None:
        self.port = free_port()
        self.data_delay = 0.0
        self.reply_delay = 0.0
        self.lock = threading.Lock()
        self.received: list[tuple[float, str]] = []  # (time.monotonic(), Message-ID)
        self.waiting_data: dict[int, float] = {}  # client's port → since when its DATA waits
        self.waiting_reply: dict[int, float] = {}  # client's port → since when its accepted message waits for 250
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="smtp-sink", daemon=True)
        self.thread.start()
        self.server = None
        self.writers: set[asyncio.StreamWriter] = set()

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=15)

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(self) -> None:
        self._call(self._start())

    def stop(self) -> None:
        self._call(self._stop())

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)

    def counts(self) -> Counter:
        with self.lock:
            return Counter(message_id for _at, message_id in self.received)

    def first_seen(self) -> dict[str, float]:
        with self.lock:
            seen = {}
            for at, message_id in self.received:
                seen.setdefault(message_id, at)
            return seen

    async def _start(self) -> None:
        if self.server is None:
            self.server = await asyncio.start_server(self._session, "127.0.0.1", self.port)

    async def _stop(self) -> None:
        if self.server is None:
            return
        self.server.close()
        for writer in list(self.writers):
            writer.transport.abort()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.server.wait_closed(), 5)
        self.server = None

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        client_port = writer.get_extra_info("peername")[1]
        try:
            writer.write(b"220 faults-sink ESMTP\r\n")
            while True:
                await writer.drain()
                line = await reader.readline()
                if not line:
                    return
                verb = line.split(b" ", 1)[0].strip().upper()
                if verb == b"EHLO":
                    writer.write(b"250-faults-sink\r\n250-8BITMIME\r\n250 SIZE 30000000\r\n")
                elif verb in {b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"}:
                    writer.write(b"250 OK\r\n")
                elif verb == b"DATA":
                    message = await self._data(reader, writer, client_port)
                    if message is None:
                        return  # the client went away before the final dot: nothing accepted
                    headers = BytesHeaderParser().parsebytes(message)
                    with self.lock:
                        self.received.append((time.monotonic(), str(headers.get("Message-ID", "")).strip()))
                    if self.reply_delay:
                        self.waiting_reply[client_port] = time.monotonic()
                        try:
                            await asyncio.sleep(self.reply_delay)
                        finally:
                            self.waiting_reply.pop(client_port, None)
                    writer.write(b"250 OK accepted\r\n")
                elif verb == b"QUIT":
                    writer.write(b"221 Bye\r\n")
                    await writer.drain()
                    return
                else:
                    writer.write(b"502 Command not implemented\r\n")
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            return
        finally:
            self.writers.discard(writer)
            writer.close()

    async def _data(self, reader, writer, client_port: int) -> bytes | None:
        self.waiting_data[client_port] = time.monotonic()
        try:
            if self.data_delay:
                await asyncio.sleep(self.data_delay)
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            await writer.drain()
            lines = []
            while True:
                line = await reader.readline()
                if not line:
                    return None
                if line in {b".\r\n", b".\n"}:
                    return b"".join(lines)
                lines.append(line[1:] if line.startswith(b".") else line)
        finally:
            self.waiting_data.pop(client_port, None)


def socket_owner(client_port: int, server_port: int, pids: list[int]) -> int | None:
    """Which of ``pids`` holds the TCP connection 127.0.0.1:client_port → server_port."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                local, remote = fields[1], fields[2]
                if int(local.rsplit(":", 1)[1], 16) == client_port and int(remote.rsplit(":", 1)[1], 16) == server_port:
                    inode = fields[9]
    if inode is None:
        return None
    for pid in pids:
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) == f"socket:[{inode}]":
                        return pid
    return None


# Processes ---------------------------------------------------------------------------------------------


class Service:
    """A child process in its own process group, its output appended to a log file."""

    def __init__(self, name: str, args: list, env: dict, log_path: Path) -> None:
        self.name = name
        self.log_path = log_path
        self.log = log_path.open("ab")
        # Fixed programs of the project's virtualenv, no shell.
        self.proc = subprocess.Popen(  # noqa: S603
            [str(arg) for arg in args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signum)

    def kill9(self) -> None:
        """``kill -9`` the process itself (the way a crash or the OOM killer ends it)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._signal_group(signal.SIGKILL)
        self.log.close()

    def stop(self, timeout: float = 10) -> None:
        if self.alive():
            self._signal_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._signal_group(signal.SIGKILL)  # anything the process left in its group
        self.log.close()


class Workers:
    """``manage.py worker`` processes, started again a second after one exits by itself (if ``respawn``)."""

    ids = itertools.count(1)

    def __init__(self, env: dict, logs: Path, prefix: str, count: int, respawn: bool) -> None:
        self.env, self.logs, self.prefix, self.respawn = env, logs, prefix, respawn
        self.lock = threading.Lock()
        self.running: dict[str, Service] = {}
        self.exits: list[tuple[str, int, Path]] = []  # worker id, exit code, log: exits the bench did not cause
        self.stopping = threading.Event()
        for _ in range(count):
            self.spawn()
        self.watcher = threading.Thread(target=self._watch, name="worker-watch", daemon=True)
        self.watcher.start()

    def spawn(self) -> str:
        worker_id = f"faults-{self.prefix}-{next(self.ids)}"
        args = [PYTHON, "manage.py", "worker", "--no-reload", "--interval", "0.2", "--sweep-interval", "2"]
        service = Service(worker_id, [*args, "--worker-id", worker_id], self.env, self.logs / f"{worker_id}.log")
        with self.lock:
            self.running[worker_id] = service
        return worker_id

    def pids(self) -> dict[int, str]:
        with self.lock:
            return {service.pid: worker_id for worker_id, service in self.running.items()}

    def kill9(self, worker_id: str) -> None:
        with self.lock:
            service = self.running.pop(worker_id)
        service.kill9()

    def _watch(self) -> None:
        while not self.stopping.wait(0.5):
            with self.lock:
                ended = [(wid, service) for wid, service in self.running.items() if not service.alive()]
                for worker_id, service in ended:
                    del self.running[worker_id]
                    service.log.close()
                    self.exits.append((worker_id, service.proc.returncode, service.log_path))
            for worker_id, service in ended:
                say(f"worker {worker_id} exited by itself with code {service.proc.returncode}")
                if self.respawn and not self.stopping.wait(1):
                    say(f"  started {self.spawn()} in its place")

    def stop(self) -> None:
        self.stopping.set()
        self.watcher.join(timeout=5)
        with self.lock:
            services = list(self.running.values())
            self.running.clear()
        for service in services:
            service.stop()


# HTTP client -------------------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # redirects come back as responses, followed (and counted) by the browser


@dataclass
class Traffic:
    """Every answer the clients got: (time, method, path, status); status 0 is no answer."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    hits: list[tuple[float, str, str, int]] = field(default_factory=list)

    def add(self, method: str, path: str, status: int) -> None:
        with self.lock:
            self.hits.append((time.monotonic(), method, path, status))

    def statuses(self, *, healthz: bool | None = None) -> Counter:
        with self.lock:
            return Counter(
                status for _at, _method, path, status in self.hits if healthz is None or (path == "/healthz") == healthz
            )


class Browser:
    """One visitor: a cookie jar, no automatic redirects."""

    def __init__(self, base: str, traffic: Traffic) -> None:
        self.base, self.traffic = base, traffic
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        """Status (0 when nothing answered), Location and body."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"User-Agent": "portal-faults-bench", "Accept-Language": "pt-BR"}
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)  # noqa: S310 (http://127.0.0.1 only)
        try:
            with self.opener.open(request, timeout=20) as response:
                status, location, text = response.status, response.headers.get("Location", ""), response.read()
        except urllib.error.HTTPError as error:
            status, location, text = error.code, error.headers.get("Location", ""), error.read()
        except (urllib.error.URLError, OSError, http.client.HTTPException):
            status, location, text = 0, "", b""
        self.traffic.add(method, path, status)
        return status, location, text.decode("utf-8", "replace")


class _FormReader(HTMLParser):
    """The hidden inputs and the options of each select of a page."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self._select = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.hidden[attrs["name"]] = attrs.get("value") or ""
        elif tag == "select":
            self._select = attrs.get("name")
            self.options.setdefault(self._select, [])
        elif tag == "option" and self._select:
            self.options[self._select].append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


class Abandoned(Exception):
    pass


@dataclass
class Outcome:
    email: str
    started: float
    finished: float = 0.0
    protocol: str = ""
    confirmed: bool = False
    error: str = ""


class Identities:
    """A fresh valid CPF and e-mail address for every ticket of a scenario."""

    def __init__(self, scenario: str) -> None:
        self.scenario = scenario.lower()
        self.domain = f"faults-{self.scenario}.example"
        self.counter = itertools.count(1)
        self.lock = threading.Lock()
        self.cpf_base = 200_000_000 + secrets.randbelow(500_000_000)

    def next(self) -> dict:
        with self.lock:
            n = next(self.counter)
        if len(set(str(self.cpf_base + n))) == 1:  # 222.222.222-22 and the like are refused as CPFs
            return self.next()
        return {
            "cpf": valid_cpf(self.cpf_base + n),
            "name": f"Cliente {self.scenario.upper()}{n:03d}",
            "email": f"{self.scenario}{n:04d}@{self.domain}",
        }


def _step_data(step: str, identity: dict, page: _FormReader) -> dict:
    match step:
        case "identificacao":
            return {"cpf": identity["cpf"], "name": identity["name"], "cnpj": CNPJ}
        case "contato":
            return {"email": identity["email"], "phone": "(61) 99876-5432", "language": "pt-br"}
        case "solicitacao":
            types = [value for value in page.options.get("type", []) if value]
            if not types:
                raise Abandoned("no ticket type on step 3")
            return {"type": types[0], "title": "Falha simulada", "description": "Enviado pelo bench de falhas."}
        case "revisao":
            return {}
    raise Abandoned(f"unexpected step {step!r}")


def open_ticket(base: str, slug: str, identity: dict, traffic: Traffic, deadline: float) -> Outcome:
    """Fill in the four steps and send, as a browser would; 5xx or no answer: the same request again."""
    browser = Browser(base, traffic)
    outcome = Outcome(email=identity["email"], started=time.monotonic())
    path = f"/tickets/novo/{slug}/"

    def call(method, target, data=None):
        while True:
            status, location, text = browser.request(method, target, data)
            if status and status < 500:
                return status, urllib.parse.urlsplit(location).path, text
            if time.monotonic() > deadline:
                raise Abandoned(f"{method} {target} still answered {status or 'nothing'} at the deadline")
            time.sleep(0.5)

    try:
        status, _location, page = call("GET", path)
        for _round in range(15):
            if status != 200:
                raise Abandoned(f"the form answered {status}")
            form = _FormReader(page)
            step = form.hidden.get("step", "")
            data = {
                "csrfmiddlewaretoken": form.hidden.get("csrfmiddlewaretoken", ""),
                "step": step,
                "key": form.hidden.get("key", ""),
                "action": "next",
                **_step_data(step, identity, form),
            }
            status, location, page = call("POST", path, data)
            if status == 302 and location.startswith("/tickets/enviado/"):
                outcome.protocol = "/".join(location.strip("/").split("/")[-2:])
                status, _location, _page = call("GET", location)
                outcome.confirmed = status == 200
                if not outcome.confirmed:
                    outcome.error = f"confirmation page answered {status}"
                break
            if status == 302:
                status, _location, page = call("GET", location)
            elif status != 200:  # 200: the step again, with its errors
                raise Abandoned(f"POST {step} answered {status}")
        else:
            raise Abandoned("no confirmation after 15 pages")
    except Abandoned as reason:
        outcome.error = str(reason)
    outcome.finished = time.monotonic()
    return outcome


# The database, read from this process ---------------------------------------------------------------


def django_setup(env: dict) -> None:
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG")})
    os.environ.update({"DJANGO_SETTINGS_MODULE": "portal.settings", "DJANGO_LOG_LEVEL": "WARNING"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _fresh_connection() -> None:
    from django.db import connection

    connection.close()


def pick_form() -> str | None:
    """An active form without required extra questions, so the client need not know the form's own fields."""
    from tickets.models import TicketForm

    _fresh_connection()
    slugs = TicketForm.objects.active().exclude(fields__required=True).order_by("pk").values_list("slug", flat=True)
    return slugs[0] if slugs else None


def minimal_form() -> str:
    """What the form needs when the demo cannot be loaded: a team, a subject, a ticket type and the form."""
    from tickets.models import Subject, Team, TicketForm, TicketType

    team, _created = Team.objects.get_or_create(name="Equipe do bench de falhas")
    subject, _created = Subject.objects.get_or_create(slug="bench-falhas", defaults={"name": "Bench de falhas"})
    TicketType.objects.get_or_create(name="Incidente")
    form, _created = TicketForm.objects.get_or_create(
        slug="bench-falhas", defaults={"name": "Bench de falhas", "subject": subject, "team": team}
    )
    return form.slug


@dataclass
class Snapshot:
    tickets: int = 0
    partial: int = 0  # tickets without their status event, or without their e-mail, or both
    no_event: int = 0
    no_email: int = 0
    message_ids: dict = field(default_factory=dict)  # protocol → Message-ID of its confirmation
    protocols: set = field(default_factory=set)
    pending_emails: int = 0
    statuses: Counter = field(default_factory=Counter)
    open_tasks: int = 0  # delivery tasks READY or RUNNING


def snapshot(domain: str) -> Snapshot:
    """The scenario's tickets (by their e-mail domain), their status events and outbox e-mails."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from portal.models import OutboundEmail
    from tickets.models import StatusEvent, Ticket

    for attempt in range(20):
        try:
            _fresh_connection()
            tickets = list(Ticket.objects.filter(email__endswith="@" + domain).values("pk", "year", "number", "email"))
            events = set(
                StatusEvent.objects.filter(ticket__in=[t["pk"] for t in tickets], to_status=Ticket.Status.OPEN)
                .values_list("ticket_id", flat=True)
                .distinct()
            )
            emails = list(
                OutboundEmail.objects.filter(to__icontains="@" + domain).values("message_id", "to", "subject", "status")
            )
            open_tasks = DBTaskResult.objects.filter(
                status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
                task_path__endswith="deliver_email",
            ).count()
            break
        except Exception:  # noqa: BLE001 (the database may be restarting: ask again)
            if attempt == 19:
                raise
            time.sleep(0.5)
    snap = Snapshot(tickets=len(tickets), open_tasks=open_tasks)
    for ticket in tickets:
        protocol = f"{ticket['year']}SS/{ticket['number']:05d}"
        snap.protocols.add(protocol)
        mine = [e for e in emails if ticket["email"] in e["to"] and protocol in e["subject"]]
        if ticket["pk"] not in events:
            snap.no_event += 1
        if mine:
            snap.message_ids[protocol] = [e["message_id"] for e in mine]
        else:
            snap.no_email += 1
        snap.partial += ticket["pk"] not in events or not mine
    snap.statuses = Counter(e["status"] for e in emails)
    snap.pending_emails = sum(1 for e in emails if e["status"] in ("na_fila", "tentando"))
    return snap


# Scenarios ---------------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    title: str
    tickets: int = 0
    confirmations: int = 0
    other_5xx: int = 0
    s503: int = 0
    partial: int = 0
    delivered: int = 0
    lost: int = 0
    duplicated: int = 0
    checks: list = field(default_factory=list)  # (description, passed)
    notes: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(ok for _check, ok in self.checks)


class Run:
    def __init__(self, args) -> None:
        self.args = args
        self.logs = Path(tempfile.mkdtemp(prefix="portal-faults-logs-"))
        self.cluster: Cluster | None = None
        self.sink: SmtpSink | None = None
        self.env: dict = {}
        self.slug = ""
        self.gunicorn: Service | None = None
        self.workers: Workers | None = None
        self.notes: list[str] = []  # about the run as a whole

    def manage(self, *argv: str) -> None:
        # Fixed program and arguments.
        subprocess.run([str(PYTHON), "manage.py", *argv], cwd=ROOT, env=self.env, check=True, timeout=300)  # noqa: S603

    def prepare(self) -> None:
        self.sink = SmtpSink()
        self.sink.start()
        self.cluster = Cluster()
        say(f"PostgreSQL 15 on 127.0.0.1:{self.cluster.port} ({self.cluster.dir}), SMTP sink on :{self.sink.port}")
        self.cluster.create()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "DATABASE_"))},
            "DJANGO_DEBUG": "false",
            "DJANGO_HTTPS": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.cluster.url,
            "DJANGO_EMAIL_BACKEND": "smtp",
            "DJANGO_EMAIL_HOST": "127.0.0.1",
            "DJANGO_EMAIL_PORT": str(self.sink.port),
            "DJANGO_EMAIL_USE_TLS": "false",
            "PORTAL_TASK_LEASE_SECONDS": str(LEASE_SECONDS),
            "DJANGO_CACHE_URL": "locmemcache://",
            "DJANGO_PRIVATE_MEDIA_ROOT": str(self.logs / "private-media"),
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "PYTHONUNBUFFERED": "1",
        }
        say("migrate and seed_demo --force")
        self.manage("migrate", "--noinput", "-v0")
        log = self.logs / "seed_demo.log"
        with log.open("wb") as out:
            # Fixed program and arguments.
            seeded = subprocess.run(  # noqa: S603
                [str(PYTHON), "manage.py", "seed_demo", "--force"], cwd=ROOT, env=self.env, stdout=out, stderr=out
            )
        django_setup(self.env)
        self.slug = pick_form() if seeded.returncode == 0 else None
        if self.slug is None:
            last = [line for line in log.read_text(errors="replace").splitlines() if line.strip()][-1:]
            self.notes.append(f"seed_demo --force failed ({' '.join(last)[:300]}): used a minimal form instead")
            say(f"seed_demo failed ({' '.join(last)[:200]}); creating a minimal form instead")
            self.slug = minimal_form()
        say(f"form: /tickets/novo/{self.slug}/")

    @property
    def base(self) -> str:
        return self.env["PORTAL_BASE_URL"]

    def start_stack(self, name: str) -> None:
        port = free_port()
        self.env["PORTAL_BASE_URL"] = f"http://127.0.0.1:{port}"
        args = [GUNICORN, "portal.wsgi:application", "-w", "4", "-b", f"127.0.0.1:{port}"]
        args += ["--timeout", "30", "--graceful-timeout", "5", "--error-logfile", "-"]
        self.gunicorn = Service("gunicorn", args, self.env, self.logs / f"{name}-gunicorn.log")
        deadline = time.monotonic() + 40
        probe = Browser(self.base, Traffic())
        while probe.request("GET", "/healthz")[0] != 200:
            if not self.gunicorn.alive() or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: see {self.gunicorn.log_path}")
            time.sleep(0.3)
        # Before any fault, the form must work: a broken tree (say, a stale staticfiles/ manifest)
        # would otherwise show up as failures of the scenario.
        status = probe.request("GET", f"/tickets/novo/{self.slug}/")[0]
        if status != 200:
            errors = server_errors(self.gunicorn.log_path, limit=1)
            raise RuntimeError(
                f"GET /tickets/novo/{self.slug}/ answers {status} before any fault; see {self.gunicorn.log_path}\n"
                + "\n".join(errors[1:])[-3000:]
            )
        self.workers = Workers(self.env, self.logs, name.lower(), self.args.workers, not self.args.no_respawn)
        say(f"{name}: gunicorn -w 4 on :{port}, {self.args.workers} task workers")

    def stop_stack(self) -> None:
        if self.workers is not None:
            self.workers.stop()
            self.workers = None
        if self.gunicorn is not None:
            self.gunicorn.stop()
            self.gunicorn = None

    def close(self) -> None:
        self.stop_stack()
        if self.sink is not None:
            self.sink.close()
        if self.cluster is not None:
            say("removing the PostgreSQL cluster")
            self.cluster.destroy()


def wait_for_delivery(run: Run, domain: str, timeout: float) -> tuple[Snapshot, Counter, bool]:
    """Until every ticket's e-mail reached the sink and no delivery task is left (a task given back
    after a dead worker's lease could still send a copy), or the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        snap = snapshot(domain)
        counts = run.sink.counts()
        all_in = all(any(counts[m] for m in ids) for ids in snap.message_ids.values()) and not snap.no_email
        if all_in and snap.open_tasks == 0 and snap.pending_emails == 0:
            time.sleep(1)  # a copy in flight would land now
            return snapshot(domain), run.sink.counts(), True
        if time.monotonic() > deadline:
            return snap, counts, False
        time.sleep(1)


def server_errors(log_path: Path, limit: int = 3) -> list[str]:
    """Tracebacks of the requests that got a 500 (Django's "Internal Server Error", gunicorn's own)."""
    lines = log_path.read_text(errors="replace").splitlines() if log_path.exists() else []
    starts = [i for i, line in enumerate(lines) if "Internal Server Error:" in line or "Error handling request" in line]
    record = re.compile(r"^(\d{4}-\d\d-\d\d |\[\d{4}-\d\d-\d\d )")
    blocks, seen = [], set()
    for start in starts:
        end = start + 1
        while end < len(lines) and not record.match(lines[end]):
            end += 1
        block = lines[start:end]
        if block[-1] not in seen:
            seen.add(block[-1])
            blocks.append("\n".join(block[:60]))
    return [f"{len(starts)} request(s) logged as a server error", *blocks[:limit]] if starts else []


def tally(
    result: Result,
    run: Run,
    traffic: Traffic,
    outcomes: list[Outcome],
    snap: Snapshot,
    counts: Counter,
    *,
    copies_expected: bool = False,
) -> None:
    pages = traffic.statuses(healthz=False)
    everything = traffic.statuses()
    result.tickets = snap.tickets
    result.confirmations = sum(1 for o in outcomes if o.confirmed)
    result.other_5xx = sum(n for status, n in everything.items() if status >= 500 and status != 503)
    result.s503 = pages[503]
    result.partial = snap.partial
    ids = [m for message_ids in snap.message_ids.values() for m in message_ids]
    result.delivered = sum(1 for m in ids if counts[m])
    result.lost = sum(1 for m in snap.message_ids.values() if not any(counts[x] for x in m)) + snap.no_email
    result.duplicated = sum(1 for m in ids if counts[m] > 1)
    missing = {o.protocol for o in outcomes if o.confirmed} - snap.protocols
    abandoned = [o for o in outcomes if o.error]
    result.checks += [
        ("tickets were opened", snap.tickets > 0),
        ("every submission ended on its confirmation page", not abandoned),
        ("no partial ticket", result.partial == 0),
        ("no 5xx other than 503", result.other_5xx == 0),
        ("every confirmed protocol is in the database", not missing),
        ("no e-mail lost", result.lost == 0),
    ]
    if copies_expected:  # the documented window: the copy must show, with the same Message-ID
        result.checks.append(("the copy from the documented window is seen (duplicated = 1)", result.duplicated == 1))
    else:
        result.checks.append(("no e-mail delivered twice", result.duplicated == 0))
    if snap.no_event or snap.no_email:
        result.notes.append(f"partial: {snap.no_event} without status event, {snap.no_email} without outbox e-mail")
    health = traffic.statuses(healthz=True)
    result.notes.append(
        f"HTTP answers: pages {dict(sorted(pages.items()))}"
        + (f", /healthz {dict(sorted(health.items()))}" if health else "")
    )
    if pages[429]:
        result.notes.append(f"rate limit answered 429 {pages[429]} time(s)")
    if abandoned:
        reasons = Counter(o.error for o in abandoned)
        result.notes.append(f"{len(abandoned)} submission(s) did not end on a confirmation: {dict(reasons)}")
    if missing:
        result.notes.append(f"confirmed but not in the database: {sorted(missing)}")
    if snap.pending_emails or snap.open_tasks:
        result.notes.append(
            f"left at the end: {snap.pending_emails} e-mail(s) pending, {snap.open_tasks} delivery task(s) open; "
            f"outbox statuses {dict(snap.statuses)}"
        )
    extra_rows = sum(1 for m in snap.message_ids.values() if len(m) > 1)
    if extra_rows:
        result.notes.append(f"{extra_rows} ticket(s) with more than one confirmation e-mail in the outbox")
    exits = run.workers.exits if run.workers else []
    result.checks.append(("no task worker exited by itself", not exits))
    for worker_id, code, log_path in exits:
        tail = [line for line in log_path.read_text(errors="replace").splitlines() if line.strip()][-3:]
        result.notes.append(f"worker {worker_id} exited by itself (code {code}); last lines: {' | '.join(tail)}")
    errors = server_errors(run.gunicorn.log_path) if run.gunicorn else []
    if errors:
        result.notes.append("gunicorn log, " + errors[0] + ":\n" + "\n".join(errors[1:]))


def load(run, traffic, identities, outcomes, *, threads, duration, tickets, grace) -> list[threading.Thread]:
    """``threads`` clients sending ``tickets`` tickets in all, their starts evenly spread over ``duration`` seconds."""
    start = time.monotonic()
    lock = threading.Lock()

    def client(first: int) -> None:
        for index in range(first, tickets, threads):
            time.sleep(max(0.0, start + index * duration / tickets - time.monotonic()))
            outcome = open_ticket(run.base, run.slug, identities.next(), traffic, start + duration + grace)
            with lock:
                outcomes.append(outcome)

    clients = [threading.Thread(target=client, args=(i,), name=f"client-{i}", daemon=True) for i in range(threads)]
    for thread in clients:
        thread.start()
    return clients


def scenario_a(run: Run) -> Result:
    quick = run.args.quick
    result = Result("A", "database restarted under load")
    duration, restart_at, tickets = (12, 5, 12) if quick else (20, 7, 22)
    identities, traffic, outcomes = Identities("A"), Traffic(), []
    run.start_stack("A")
    try:
        health: list[tuple[float, int]] = []
        stop = threading.Event()

        def monitor() -> None:
            browser = Browser(run.base, traffic)
            while not stop.wait(0.25):
                health.append((time.monotonic(), browser.request("GET", "/healthz")[0]))

        watcher = threading.Thread(target=monitor, name="healthz", daemon=True)
        watcher.start()
        clients = load(run, traffic, identities, outcomes, threads=4, duration=duration, tickets=tickets, grace=20)
        time.sleep(restart_at)
        down_at = time.monotonic()
        if run.args.db_down:
            say(f"A: pg_ctl stop -m fast, {run.args.db_down} s down, then start")
            run.cluster.stop()
            time.sleep(run.args.db_down)
            run.cluster.start()
        else:
            say("A: pg_ctl restart -m fast")
            run.cluster.restart()
        back_at = time.monotonic()
        say(f"A: database back after {back_at - down_at:.2f} s; a probe submission starts now")
        probe = open_ticket(run.base, run.slug, identities.next(), traffic, back_at + 30)
        outcomes.append(probe)
        for client in clients:
            client.join(timeout=duration + 60)
        stop.set()
        watcher.join(timeout=5)
        first_ok = next((at for at, status in health if at >= back_at and status == 200), None)
        health_s = None if first_ok is None else first_ok - back_at
        probe_s = probe.finished - back_at if probe.confirmed else None
        recovery = None if health_s is None or probe_s is None else max(health_s, probe_s)
        result.notes.append(
            f"database down {back_at - down_at:.2f} s (restart at t={down_at - START:.1f}s); after it was back: "
            f"/healthz 200 in {health_s if health_s is None else round(health_s, 2)} s, a full submission "
            f"(9 requests) confirmed in {probe_s if probe_s is None else round(probe_s, 2)} s"
            + ("" if probe.confirmed else f" (probe: {probe.error})")
        )
        with traffic.lock:
            late = [
                (at - back_at, path, status) for at, _m, path, status in traffic.hits if at > back_at and status >= 500
            ]
        if late:
            result.notes.append(
                f"{len(late)} 5xx answer(s) after the database was back, the last {max(late)[0]:.2f} s after: "
                + ", ".join(f"{status} {path} at +{delay:.2f} s" for delay, path, status in sorted(late)[:8])
            )
        wall = time.strftime("%H:%M:%S", time.localtime(time.time() - (time.monotonic() - down_at)))
        result.notes.append(f"the database went down at {wall} (wall clock, to read the logs by)")
        result.checks.append(("service back within 10 s of the database", recovery is not None and recovery <= 10))
        say(f"A: {len(outcomes)} submissions done; waiting for the e-mails")
        snap, counts, drained = wait_for_delivery(run, identities.domain, timeout=60)
        tally(result, run, traffic, outcomes, snap, counts)
        if not drained:
            result.notes.append("the outbox was not drained 60 s after the load")
    finally:
        run.stop_stack()
    return result


def scenario_b(run: Run) -> Result:
    result = Result("B", "mail server down, back 10 s later")
    count = 6 if run.args.quick else 10
    identities, traffic, outcomes = Identities("B"), Traffic(), []
    run.start_stack("B")
    try:
        run.sink.stop()
        down_at = time.monotonic()
        say(f"B: SMTP sink stopped; sending {count} tickets")
        clients = load(run, traffic, identities, outcomes, threads=2, duration=4, tickets=count, grace=20)
        for client in clients:
            client.join(timeout=60)
        time.sleep(max(0.0, down_at + 10 - time.monotonic()))
        snap = snapshot(identities.domain)
        result.notes.append(f"while the sink was down: outbox {dict(snap.statuses)}")
        run.sink.start()
        up_at = time.monotonic()
        say("B: SMTP sink started again; waiting for the retries (the first one is 1 minute after the failure)")
        snap, counts, drained = wait_for_delivery(run, identities.domain, timeout=100)
        seen = run.sink.first_seen()
        arrivals = [seen[m] for ids in snap.message_ids.values() for m in ids if m in seen]
        if arrivals:
            result.notes.append(
                f"delivered {min(arrivals) - up_at:.1f}–{max(arrivals) - up_at:.1f} s after the sink came back"
            )
        tally(result, run, traffic, outcomes, snap, counts)
        result.checks.append(("all delivered within 100 s of the sink coming back", drained))
    finally:
        if not run.sink.running:
            run.sink.start()
        run.stop_stack()
    return result


def scenario_c(run: Run) -> Result:
    window = run.args.c_window
    if window:
        result = Result("C", "worker killed (kill -9) after the sink accepted, before the 250 (documented window)")
        run.sink.reply_delay = 1.0
    else:
        result = Result("C", "worker killed (kill -9) mid-send")
        run.sink.data_delay = 1.0
    count = 6 if run.args.quick else 10
    identities, traffic, outcomes = Identities("C"), Traffic(), []
    run.start_stack("C")
    killed: dict = {}
    try:
        stop = threading.Event()

        def killer() -> None:
            ours_before = set(run.sink.counts())
            while not stop.wait(0.05):
                received = len(set(run.sink.counts()) - ours_before)
                waiting = dict(run.sink.waiting_reply if window else run.sink.waiting_data)
                if received < 1 or received >= count or not waiting:
                    continue
                pids = run.workers.pids()
                for client_port in waiting:
                    pid = socket_owner(client_port, run.sink.port, list(pids))
                    if pid is not None:
                        worker_id = pids[pid]
                        run.workers.kill9(worker_id)
                        killed.update(worker=worker_id, received=received, at=time.monotonic())
                        moment = "its accepted message waited for the 250" if window else "its DATA waited"
                        say(f"C: kill -9 {worker_id} (pid {pid}) while {moment}; sink had {received} message(s)")
                        say(f"C: started {run.workers.spawn()}")
                        return

        watcher = threading.Thread(target=killer, name="killer", daemon=True)
        watcher.start()
        say(f"C: sink answers {'the final dot' if window else 'DATA'} after 1 s; sending {count} tickets")
        clients = load(run, traffic, identities, outcomes, threads=2, duration=3, tickets=count, grace=20)
        for client in clients:
            client.join(timeout=60)
        watcher.join(timeout=30)
        stop.set()
        snap, counts, drained = wait_for_delivery(run, identities.domain, timeout=LEASE_SECONDS + 50)
        tally(result, run, traffic, outcomes, snap, counts, copies_expected=window)
        if killed:
            ours = {m for ids in snap.message_ids.values() for m in ids}
            with run.sink.lock:
                last = max((at for at, m in run.sink.received if m in ours), default=killed["at"])
            result.notes.append(
                f"killed {killed['worker']} {'after the sink accepted' if window else 'during a transfer'}, "
                f"{killed['received']}/{count} message(s) at the sink; "
                f"the last e-mail arrived {last - killed['at']:.1f} s after the kill (lease {LEASE_SECONDS} s)"
            )
        result.checks.append(("a worker was killed while sending", bool(killed)))
        result.checks.append(("all delivered after the lease", drained))
    finally:
        run.sink.data_delay = run.sink.reply_delay = 0.0
        run.stop_stack()
    return result


SCENARIOS = {"A": scenario_a, "B": scenario_b, "C": scenario_c}


def table(results: list[Result]) -> str:
    head = "| scenario | tickets | confirmations | 5xx ≠ 503 | 503 | partial | delivered | lost | duplicated | checks |"
    rows = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        failed = [check for check, ok in r.checks if not ok]
        verdict = "pass" if not failed else "FAIL: " + "; ".join(failed)
        rows.append(
            f"| {r.name}. {r.title} | {r.tickets} | {r.confirmations} | {r.other_5xx} | {r.s503} | {r.partial} "
            f"| {r.delivered} | {r.lost} | {r.duplicated} | {verdict} |"
        )
    return "\n".join(rows)


def _terminate(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["A", "B", "C", "all"], default="all", type=str.upper)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-respawn", action="store_true")
    parser.add_argument("--db-down", type=float, default=0.0)
    parser.add_argument("--keep-logs", action="store_true")
    parser.add_argument("--c-window", action="store_true")
    args = parser.parse_args()
    if args.scenario == "ALL":
        args.scenario = "all"

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even if started with SIGINT ignored
    run = Run(args)
    results: list[Result] = []
    failed = True
    try:
        run.prepare()
        for name in SCENARIOS if args.scenario == "all" else [args.scenario]:
            result = SCENARIOS[name](run)
            results.append(result)
            say(f"{name}: {'pass' if result.passed else 'FAIL'}")
        failed = not all(r.passed for r in results)
    except KeyboardInterrupt:
        say("interrupted")
    finally:
        # A second Ctrl-C must not cut the clean-up short and leave a cluster or a process behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        run.close()
        if results:
            print()
            print(table(results))
            for note in run.notes:
                print(f"\nNote: {note}")
            for r in results:
                print(f"\n{r.name}. {r.title}")
                for note in r.notes:
                    print(f"  - {note}")
        if failed or args.keep_logs:
            print(f"\nlogs kept in {run.logs}")
        else:
            shutil.rmtree(run.logs, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
