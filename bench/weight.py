"""Weigh the first load of a public page: its HTML and the CSS and JavaScript it links, gzip-compressed.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/weight.py [--path /ajuda/] [--budget-kb 60]

It builds a throwaway test database with the help center's demo content (helpcenter/demo.py),
renders the page with the test client as a first-time visitor, reads each stylesheet and
script it links from the static files (static/, with static/vendor built by
scripts/vendor_static.sh), compresses each with gzip level 6 as WhiteNoise does, and prints
the bytes per resource, the total and PASS or FAIL against the budget (1 KB = 1,000 bytes).
Images and the favicon are not counted: they do not block the first render.
"""

import argparse
import gzip
import io
import os
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402

from bench.measure import throwaway_database  # noqa: E402

FULL_BOOTSTRAP = Path(settings.BASE_DIR, "node_modules/bootstrap/dist/css/bootstrap.min.css")


class _Assets(HTMLParser):
    """The stylesheets and scripts a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet" and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def gzipped_size(content: bytes) -> int:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=6, mtime=0) as compressed:
        compressed.write(content)
    return len(buffer.getvalue())


def static_file(url: str) -> bytes:
    name = url.removeprefix(settings.STATIC_URL).split("?", 1)[0]
    path = finders.find(name)
    if path is None:
        raise SystemExit(f"{url}: not among the static files. Run npm ci && scripts/vendor_static.sh first.")
    return Path(path).read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/ajuda/")
    parser.add_argument("--budget-kb", type=float, default=60)
    args = parser.parse_args()

    from helpcenter import demo

    with throwaway_database():
        demo.seed(io.StringIO())
        response = Client().get(args.path)
        assert response.status_code == 200, (args.path, response.status_code)
        page = response.content

    assets = _Assets()
    assets.feed(page.decode())
    rows = [(f"{args.path} (HTML)", len(page), gzipped_size(page))]
    for url in assets.urls:
        content = static_file(url)
        rows.append((url, len(content), gzipped_size(content)))

    width = max(len(name) for name, _, _ in rows) + 2
    print(f"{'resource':{width}} {'raw bytes':>10} {'gzip -6':>10}")
    for name, raw, compressed in rows:
        print(f"{name:{width}} {raw:>10,} {compressed:>10,}")
    total_raw = sum(raw for _, raw, _ in rows)
    total = sum(compressed for _, _, compressed in rows)
    print(f"{'total':{width}} {total_raw:>10,} {total:>10,}")
    if FULL_BOOTSTRAP.exists():
        content = FULL_BOOTSTRAP.read_bytes()
        print(f"(the whole of Bootstrap's bootstrap.min.css would be {len(content):,} / {gzipped_size(content):,})")
    budget = int(args.budget_kb * 1000)
    verdict = "PASS" if total <= budget else "FAIL"
    print(f"{verdict}: {total:,} bytes compressed, budget {budget:,} bytes ({args.budget_kb:g} KB)")
    sys.exit(0 if verdict == "PASS" else 1)


if __name__ == "__main__":
    main()
