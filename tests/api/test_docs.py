"""The OpenAPI document and the documentation page, public and served from our own static files."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_public_json():
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/tickets/{protocol}" in document["paths"]


def test_the_docs_page_uses_our_static_files_under_a_strict_csp():
    response = Client().get("/api/v1/docs", headers={"Accept-Language": "en"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/css/api-docs.css" in html
    assert "cdn" not in html.lower()
    assert "<script>" not in html  # only external scripts and a JSON data block
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_the_description_lists_every_problem_code():
    from api import problems

    description = Client().get("/api/v1/openapi.json").json()["info"]["description"]

    for code in problems.CODES:
        assert f"`{code}`" in description, code
