"""Settings that keep one database everywhere and one line per log record."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_settings(database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_DEBUG": "true", "DATABASE_URL": database_url}
    return subprocess.run(  # noqa: S603 (our own interpreter, our own settings)
        [sys.executable, "-c", "import portal.settings"], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("url", ["sqlite:///db.sqlite3", "mysql://user:pass@localhost/portal"])
def test_a_database_other_than_postgresql_is_refused_with_a_one_line_reason(url):
    result = _load_settings(url)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "DATABASE_URL must point to PostgreSQL" in last_line


def test_a_postgresql_url_is_accepted():
    result = _load_settings("postgres://portal:secret@db.example:5432/portal")
    assert result.returncode == 0, result.stderr


def test_a_request_log_line_is_written_once_in_debug_mode(settings):
    """Django's own console handler is gone: its records reach the console through the root only."""
    from django.utils.log import configure_logging

    settings.DEBUG = True
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    logger, writers = logging.getLogger("django.request"), []
    while logger is not None:
        writers += [
            handler for handler in logger.handlers if type(handler) is logging.StreamHandler
        ]  # not pytest's capture
        logger = logger.parent if logger.propagate else None
    assert len(writers) == 1


def test_rate_limits_come_from_settings_and_the_environment_overrides_them():
    env = {**os.environ, "DJANGO_DEBUG": "true", "PORTAL_RATE_LIMIT_CONSULTA_IP": "20"}
    limits = "s.PORTAL_RATE_LIMITS['consulta-ip'], s.PORTAL_RATE_LIMITS['envio-ip']"
    code = f"from portal import settings as s; print({limits})"
    result = subprocess.run(  # noqa: S603 (our own interpreter, our own settings)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.split("\n")[0] == "(20, 60) (30, 3600)", result.stderr


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("redis://127.0.0.1:6379/0", "django.contrib.sessions.backends.cached_db"),
        ("locmemcache://", "django.contrib.sessions.backends.db"),
    ],
)
def test_sessions_are_cached_only_in_a_cache_every_server_shares(cache_url, engine):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": "postgres://portal@db.example/portal",
        "DJANGO_CACHE_URL": cache_url,
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter, our own settings)
        [sys.executable, "-c", "import portal.settings as s; print(s.SESSION_ENGINE)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == engine, result.stderr


@pytest.mark.django_db
def test_the_benchmark_floor_page_does_not_exist_unless_turned_on(client):
    from django.conf import settings

    assert settings.PORTAL_BENCH_FLOOR is False
    assert client.get("/_bench/floor/").status_code == 404
    assert client.get("/ajuda/").status_code == 200
