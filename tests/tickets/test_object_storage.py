"""Attachments in S3-compatible object storage (django-storages), against moto's S3 server on loopback."""

import socket

import boto3
import pytest
from django.test import Client
from django.utils.functional import empty
from moto.server import ThreadedMotoServer

from tests.tickets.conftest import ticket_url
from tests.tickets.test_ticket_page import pdf
from tickets.models import private_storage

pytestmark = pytest.mark.django_db

BUCKET = "anexos-portal"


@pytest.fixture
def s3(settings, monkeypatch):
    """A local S3 server with an empty bucket, and the portal's private storage pointed at it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    for name, value in {"AWS_ACCESS_KEY_ID": "teste", "AWS_SECRET_ACCESS_KEY": "teste"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": endpoint,
            "region_name": "us-east-1",
            "location": "privado",
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
    private_storage._wrapped = empty  # noqa: SLF001 (the LazyObject sets itself up again from the settings)
    yield client
    private_storage._wrapped = empty  # noqa: SLF001
    server.stop()


def test_a_reply_file_goes_to_the_bucket_and_downloads_through_the_access_check(client, world, s3, settings):
    from pathlib import Path

    client.force_login(world.membro_a)
    client.post(ticket_url(world.colleague_ticket, "responder/"), {"body": "Anexo", "files": [pdf("erro.pdf")]})
    stored = world.colleague_ticket.attachments.get()
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert keys == [f"privado/{stored.file.name}"]
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob(Path(stored.file.name).name))

    response = client.get(ticket_url(world.colleague_ticket, f"anexos/{stored.token}/"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    assert Client().get(ticket_url(world.colleague_ticket, f"anexos/{stored.token}/")).status_code in (302, 404)


def test_the_production_settings_build_an_s3_storage_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": "postgres://portal@db.example/portal",
        "DJANGO_PRIVATE_STORAGE_BUCKET": "portal-anexos",
        "DJANGO_PRIVATE_STORAGE_ENDPOINT": "https://s3.example.gov.br",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    script = (
        "import django; django.setup(); from tickets.models import private_storage as s; "
        "print(type(s._wrapped).__name__ if s.bucket_name else '', s.bucket_name, s.endpoint_url, s.location)"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and settings)
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["S3Storage", "portal-anexos", "https://s3.example.gov.br", "privado"], (
        result.stderr
    )
