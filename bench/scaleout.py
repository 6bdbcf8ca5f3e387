"""Scale-out run: two app servers behind nginx, Redis for the cache and sessions, one PostgreSQL.

Run as root from the project folder (about a minute): ``bash bench/scaleout.sh``
(``apt-get install nginx-light redis-server`` if missing).

It starts a throwaway PostgreSQL cluster (bench/faults.py's), migrated and loaded with the demo, a
Redis on a free port, two gunicorn instances (``-w 2``, production settings, the same secret key,
``DJANGO_CACHE_URL=redis://…``) and nginx in front of both (round robin). Then it checks, and fails
(exit 1) if any check fails:

1. a session started on one instance works on the other (signed in on A, /suporte/ on B);
2. the rate limits are shared: the consultation allows 10 posts a minute per address, sent
   alternately to A and B — the 11th is refused with 429;
3. protocol numbers stay unique and gap-free under concurrent submissions through nginx
   (``--tickets`` over ``--threads`` clients), and every confirmed ticket exists exactly once;
4. killing instance A (``kill -9``) in the middle of that load loses no ticket: its requests in
   flight fail, the clients send them again (as people do), nginx sends them to B, and the
   submission key makes the repeat land on the same ticket;
5. ``--simultaneous`` (200) visitors brought to the review step, then released together: their
   final submissions give as many tickets, with distinct gap-free numbers and no 5xx;
6. one visitor's final submission sent 10 times in parallel (a double click, a reload) gives one
   ticket.
"""

import argparse
import collections
import http.cookiejar
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.faults import (  # noqa: E402
    GUNICORN,
    PYTHON,
    ROOT,
    Browser,
    Cluster,
    Identities,
    Service,
    Traffic,
    _FormReader,
    _step_data,
    django_setup,
    free_port,
    open_ticket,
    pick_form,
    say,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
LOGIN = ("ana.souza@bancohorizonte.example", "cliente-demo-2026")

NGINX_CONF = """
user root;
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log {dir}/nginx-access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 27m;
    upstream portal {{
        server 127.0.0.1:{a} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:{b} max_fails=1 fail_timeout=5s;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://portal;
            proxy_set_header Host $http_host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"""


class Client:
    """A browser: cookies, no automatic redirects, the CSRF token read from the last page."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, body, headers={"Referer": url})  # noqa: S310 (http://127.0.0.1 only)
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode(errors="replace")

    @staticmethod
    def token(page: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        return match.group(1) if match else ""


class Stack:
    def __init__(self, args) -> None:
        self.args = args
        self.dir = Path(tempfile.mkdtemp(prefix="portal-scaleout-"))
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.dir / sub).mkdir()
        self.cluster = Cluster()
        self.services: list[Service] = []

    def start(self) -> None:
        self.cluster.create()
        redis_port = free_port()
        self.services.append(
            Service(
                "redis",
                [REDIS, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                dict(os.environ),
                self.dir / "redis.log",
            )
        )
        self.port_a, self.port_b, self.port = free_port(), free_port(), free_port()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "DATABASE_"))},
            "DJANGO_DEBUG": "false",
            "DJANGO_HTTPS": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.cluster.url,
            "DJANGO_CACHE_URL": f"redis://127.0.0.1:{redis_port}/0",
            "DJANGO_EMAIL_BACKEND": "console",
            "DJANGO_PRIVATE_MEDIA_ROOT": str(self.dir / "private-media"),
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "PORTAL_BASE_URL": f"http://127.0.0.1:{self.port}",
            "PORTAL_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            # Many tickets from one address: the submission limits are raised for the load check
            # (the consultation's limit, checked for sharing, keeps its default).
            "PORTAL_RATE_LIMIT_ENVIO_IP": "100000",
            "PORTAL_RATE_LIMIT_PASSO_IP": "100000",
        }
        say("migrate and seed_demo --force")
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=self.env, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "seed_demo", "--force"], cwd=ROOT, env=self.env, check=True, stdout=subprocess.DEVNULL
        )
        django_setup(self.env)
        self.slug = pick_form()
        self.a = self._gunicorn("a", self.port_a)
        self.b = self._gunicorn("b", self.port_b)
        conf = self.dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=self.dir, a=self.port_a, b=self.port_b, port=self.port))
        self.services.append(
            Service("nginx", [NGINX, "-c", str(conf), "-p", str(self.dir)], self.env, self.dir / "nginx.log")
        )
        self._wait(f"http://127.0.0.1:{self.port}/healthz")
        say(f"nginx :{self.port} → gunicorn A :{self.port_a}, B :{self.port_b}; Redis :{redis_port}; form {self.slug}")

    def _gunicorn(self, name: str, port: int) -> Service:
        service = Service(
            f"gunicorn-{name}",
            [GUNICORN, "portal.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "30"],
            self.env,
            self.dir / f"gunicorn-{name}.log",
        )
        self.services.append(service)
        self._wait(f"http://127.0.0.1:{port}/healthz")
        return service

    @staticmethod
    def _wait(url: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{url} did not answer")

    def stop(self) -> None:
        for service in reversed(self.services):
            if service.alive():
                service.stop()
        self.cluster.destroy()


def check_sessions(stack: Stack) -> tuple[bool, str]:
    client = Client()
    a, b = f"http://127.0.0.1:{stack.port_a}", f"http://127.0.0.1:{stack.port_b}"
    _status, _location, page = client.request(a + "/entrar/")
    status, location, _page = client.request(
        a + "/entrar/", {"csrfmiddlewaretoken": Client.token(page), "username": LOGIN[0], "password": LOGIN[1]}
    )
    signed_in = status == 302 and "/entrar/" not in location
    status, location, page = client.request(b + "/suporte/")
    works = status == 200 and "Ana" in page
    return signed_in and works, f"login on A: {'ok' if signed_in else status}; /suporte/ on B: {status} {location}"


def check_rate_limit(stack: Stack) -> tuple[bool, str]:
    client = Client()
    statuses = []
    for n in range(11):
        base = f"http://127.0.0.1:{stack.port_a if n % 2 == 0 else stack.port_b}"
        _status, _location, page = client.request(base + "/tickets/consultar/")
        status, _location, _page = client.request(
            base + "/tickets/consultar/", {"csrfmiddlewaretoken": Client.token(page), "protocol": "", "cpf": ""}
        )
        statuses.append(status)
    passed = statuses[:10] == [200] * 10 and statuses[10] == 429
    return passed, f"posts alternating A/B: {statuses}"


def check_load_and_kill(stack: Stack) -> tuple[bool, str]:
    from tickets.models import Ticket

    identities = Identities("scaleout")
    traffic = Traffic()
    outcomes = []
    lock = threading.Lock()
    queue = list(range(stack.args.tickets))
    deadline = time.monotonic() + 120
    base = f"http://127.0.0.1:{stack.port}"

    def client() -> None:
        while True:
            with lock:
                if not queue:
                    return
                queue.pop()
            outcome = open_ticket(base, stack.slug, identities.next(), traffic, deadline)
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(stack.args.threads)]
    for thread in threads:
        thread.start()
    while len(outcomes) < stack.args.tickets // 3 and any(thread.is_alive() for thread in threads):
        time.sleep(0.05)
    say(f"kill -9 gunicorn A after {len(outcomes)} tickets")
    stack.a.kill9()
    for thread in threads:
        thread.join()

    confirmed = [outcome for outcome in outcomes if outcome.confirmed]
    tickets = list(Ticket.objects.filter(email__endswith="@" + identities.domain).values_list("email", "number"))
    per_email = collections.Counter(email for email, _number in tickets)
    numbers = sorted(number for _email, number in tickets)
    statuses = traffic.statuses()
    gap_free = bool(numbers) and numbers[-1] - numbers[0] + 1 == len(numbers)
    passed = (
        len(confirmed) == stack.args.tickets
        and len(tickets) == len(confirmed)
        and max(per_email.values(), default=0) == 1
        and len(set(numbers)) == len(numbers)
        and gap_free
    )
    errors = [outcome.error for outcome in outcomes if outcome.error][:3]
    detail = (
        f"{len(confirmed)}/{stack.args.tickets} confirmed, {len(tickets)} in the database, "
        f"numbers {numbers[0] if numbers else '-'}–{numbers[-1] if numbers else '-'} "
        f"({'gap-free' if gap_free else 'GAPS'}), duplicates {sum(c - 1 for c in per_email.values())}, "
        f"HTTP {dict(sorted(statuses.items()))}" + (f"; errors: {errors}" if errors else "")
    )
    return passed, detail


def to_review(base: str, slug: str, identity: dict, traffic: Traffic) -> tuple[Browser, dict]:
    """A visitor through steps 1 to 3: their browser, and the final step's form, ready to send."""
    browser = Browser(base, traffic)
    path = f"/tickets/novo/{slug}/"
    status, _location, page = browser.request("GET", path)
    for _round in range(6):
        form = _FormReader(page)
        step = form.hidden.get("step", "")
        data = {
            "csrfmiddlewaretoken": form.hidden.get("csrfmiddlewaretoken", ""),
            "step": step,
            "key": form.hidden.get("key", ""),
            "action": "next",
            **_step_data(step, identity, form),
        }
        if step == "revisao":
            return browser, data
        status, location, page = browser.request("POST", path, data)
        if status == 302:
            status, _location, page = browser.request("GET", urllib.parse.urlsplit(location).path)
        if status != 200:
            break
    raise RuntimeError(f"could not reach the review step (last answer {status})")


def _tickets_of(domain: str) -> list[tuple[str, int]]:
    from tickets.models import Ticket

    return list(Ticket.objects.filter(email__endswith="@" + domain).values_list("email", "number"))


def check_simultaneous(stack: Stack) -> tuple[bool, str]:
    count = stack.args.simultaneous
    identities = Identities("juntos")
    traffic = Traffic()
    base = f"http://127.0.0.1:{stack.port}"
    path = f"/tickets/novo/{stack.slug}/"
    prepared = []
    lock = threading.Lock()
    gate = threading.Semaphore(stack.args.threads)
    barrier = threading.Barrier(count)
    finals: list[int] = []

    def visitor() -> None:
        with gate:
            browser, data = to_review(base, stack.slug, identities.next(), traffic)
        with lock:
            prepared.append(browser)
        barrier.wait(timeout=180)
        status, _location, _page = browser.request("POST", path, data)
        with lock:
            finals.append(status)

    threads = [threading.Thread(target=visitor) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tickets = _tickets_of(identities.domain)
    numbers = sorted(number for _email, number in tickets)
    gap_free = bool(numbers) and numbers[-1] - numbers[0] + 1 == len(numbers)
    statuses = collections.Counter(finals)
    passed = len(tickets) == count and len(set(numbers)) == count and gap_free and statuses == {302: count}
    detail = (
        f"{count} final posts released together: answers {dict(statuses)}, {len(tickets)} tickets, "
        f"numbers {numbers[0] if numbers else '-'}–{numbers[-1] if numbers else '-'} "
        f"({'gap-free' if gap_free else 'GAPS'}), any 5xx on the way: "
        f"{sum(n for code, n in traffic.statuses().items() if code >= 500 or code == 0)}"
    )
    return passed, detail


def check_double_submit(stack: Stack) -> tuple[bool, str]:
    identities = Identities("duplo")
    traffic = Traffic()
    base = f"http://127.0.0.1:{stack.port}"
    browser, data = to_review(base, stack.slug, identities.next(), traffic)
    barrier = threading.Barrier(10)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def send() -> None:
        barrier.wait(timeout=30)
        status, location, _page = browser.request("POST", f"/tickets/novo/{stack.slug}/", data)
        with lock:
            answers.append((status, urllib.parse.urlsplit(location).path))

    threads = [threading.Thread(target=send) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tickets = _tickets_of(identities.domain)
    statuses = collections.Counter(status for status, _location in answers)
    passed = len(tickets) == 1 and all(status < 500 for status in statuses)
    return passed, f"10 parallel posts of one form: answers {dict(statuses)}, {len(tickets)} ticket(s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=60)
    parser.add_argument("--threads", type=int, default=12)
    parser.add_argument("--simultaneous", type=int, default=200)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("Run as root: PostgreSQL runs as the postgres user, nginx binds its own workers.")
    stack = Stack(args)
    results = []
    try:
        stack.start()
        for name, check in (
            ("session on A works on B", check_sessions),
            ("rate limits shared by A and B", check_rate_limit),
            ("simultaneous final submissions", check_simultaneous),
            ("one form sent 10 times at once", check_double_submit),
            ("concurrent tickets, A killed mid-load", check_load_and_kill),
        ):
            passed, detail = check(stack)
            results.append((name, passed, detail))
            say(f"{'PASS' if passed else 'FAIL'} {name}: {detail}")
    finally:
        stack.stop()
    print("\n| check | result | detail |\n|---|---|---|")
    for name, passed, detail in results:
        print(f"| {name} | {'pass' if passed else 'FAIL'} | {detail} |")
    ok = bool(results) and all(passed for _name, passed, _detail in results)
    if ok:
        shutil.rmtree(stack.dir, ignore_errors=True)
    else:
        print(f"\nLogs (gunicorn, nginx, Redis): {stack.dir}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
