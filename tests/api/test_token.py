"""POST /api/v1/token: OAuth 2.0 client credentials, as SERPRO's APIs take them."""

import base64
import datetime
from urllib.parse import urlencode

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from credentials.models import AccessToken, ApiCredential
from credentials.services import credential_revoke, credential_rotate

pytestmark = pytest.mark.django_db
URL = "/api/v1/token"


def basic(key, secret):
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


def ask(data=None, *, auth=None, content_type="application/x-www-form-urlencoded"):
    """POST the token endpoint: ``data`` a dict (form-encoded) or a raw string body."""
    body = urlencode(data or {}) if not isinstance(data, str) else data
    headers = {"Authorization": auth} if auth else {}
    return Client().generic("POST", URL, body, content_type=content_type, headers=headers)


def test_http_basic_key_and_secret_get_a_bearer_token(company):
    response = ask({"grant_type": "client_credentials"}, auth=basic(company.credential.consumer_key, company.secret))

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 1800
    assert AccessToken.objects.filter(credential=company.credential).count() == 1
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    assert not response.cookies


def test_client_id_and_secret_in_the_form_body_also_work(company):
    response = ask(
        {
            "grant_type": "client_credentials",
            "client_id": company.credential.consumer_key,
            "client_secret": company.secret,
        }
    )

    assert response.status_code == 200
    assert response.json()["access_token"]


def test_the_token_works_on_the_api(company):
    response = ask({"grant_type": "client_credentials"}, auth=basic(company.credential.consumer_key, company.secret))
    token = response.json()["access_token"]

    assert Client().get("/api/v1/contracts", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_a_wrong_secret_is_invalid_client_401_with_a_challenge(company):
    response = ask({"grant_type": "client_credentials"}, auth=basic(company.credential.consumer_key, "errado"))

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    body = response.json()
    assert body["error"] == "invalid_client"
    assert body["error_description"]
    assert body["status"] == 401
    assert body["type"].endswith("nao-autenticado")
    assert not AccessToken.objects.exists()


def test_no_credentials_at_all_is_invalid_client():
    response = ask({"grant_type": "client_credentials"})

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_another_grant_type_is_unsupported_grant_type(company):
    response = ask({"grant_type": "password"}, auth=basic(company.credential.consumer_key, company.secret))

    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_a_missing_grant_type_is_invalid_request(company):
    response = ask({}, auth=basic(company.credential.consumer_key, company.secret))

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_basic_and_body_credentials_together_are_invalid_request(company):
    response = ask(
        {"grant_type": "client_credentials", "client_id": company.credential.consumer_key},
        auth=basic(company.credential.consumer_key, company.secret),
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_a_json_body_is_refused_with_415(company):
    response = ask('{"grant_type": "client_credentials"}', content_type="application/json",
                   auth=basic(company.credential.consumer_key, company.secret))  # fmt: skip

    assert response.status_code == 415
    assert response.json()["error"] == "invalid_request"


def test_a_revoked_key_gets_no_token(company):
    credential_revoke(user=company.gestor, credential=company.credential)

    response = ask({"grant_type": "client_credentials"}, auth=basic(company.credential.consumer_key, company.secret))

    assert response.status_code == 401


def test_after_rotation_the_old_secret_works_during_the_grace_period_only(company):
    new_secret = credential_rotate(user=company.gestor, credential=company.credential)
    key = company.credential.consumer_key

    assert ask({"grant_type": "client_credentials"}, auth=basic(key, company.secret)).status_code == 200
    assert ask({"grant_type": "client_credentials"}, auth=basic(key, new_secret)).status_code == 200

    ApiCredential.objects.filter(pk=company.credential.pk).update(
        previous_secret_valid_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ask({"grant_type": "client_credentials"}, auth=basic(key, company.secret)).status_code == 401
    assert ask({"grant_type": "client_credentials"}, auth=basic(key, new_secret)).status_code == 200


@override_settings(PORTAL_RATE_LIMITS={"api-token-ip": (2, 60), "api": (600, 60)})
def test_token_requests_are_limited_per_address(company):
    auth = basic(company.credential.consumer_key, "errado")
    assert ask({"grant_type": "client_credentials"}, auth=auth).status_code == 401
    assert ask({"grant_type": "client_credentials"}, auth=auth).status_code == 401

    response = ask({"grant_type": "client_credentials"}, auth=basic(company.credential.consumer_key, company.secret))

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 429
