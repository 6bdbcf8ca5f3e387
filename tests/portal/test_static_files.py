"""Static files as production serves them: collected by the manifest storage, hashed names, cached for ever."""

import gzip
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

FOREVER = "max-age=315360000, public, immutable"


@pytest.fixture
def production_static(settings, tmp_path):
    """collectstatic with the production storage (portal.settings), into a throwaway STATIC_ROOT."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_pages_link_hashed_static_files_served_compressed_and_cached_for_ever(client, production_static):
    page = client.get("/ajuda/").text
    links = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page)
    assert len(links) == 4, links  # Bootstrap's parts, ours, high contrast (for prefers-contrast), the script
    for url in links:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", url), url
        response = client.get(url, headers={"accept-encoding": "gzip"})
        assert response.status_code == 200, url
        assert response["Cache-Control"] == FOREVER, url
        assert response["Content-Encoding"] == "gzip", url
        assert gzip.decompress(b"".join(response.streaming_content)), url


def test_unhashed_names_are_not_cached_for_ever(client, production_static):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert b"our layer over Bootstrap" in b"".join(response.streaming_content)
