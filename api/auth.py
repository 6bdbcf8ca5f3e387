"""Who is calling: a bearer token from ``POST /api/v1/token``, and the per-key rate limit.

The API never reads the session or cookies: the key's company is the only scope of every call.
"""

import math
import time

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from api.problems import Problem
from credentials.models import ApiCredential
from credentials.services import credential_for_token
from portal import ratelimit


def retry_after(limit: ratelimit.Limit) -> str:
    """Seconds until the limit's current window ends (at least 1)."""
    return str(max(1, math.ceil(limit.seconds - time.time() % limit.seconds)))


def check_rate(limit: ratelimit.Limit, identifier: str) -> None:
    if not ratelimit.hit(limit, identifier):
        raise Problem(429, headers={"Retry-After": retry_after(limit)})


def unauthenticated(request: HttpRequest) -> Problem:
    """401 with the challenge RFC 6750 asks for; ``invalid_token`` when a token came and is not valid."""
    sent = request.headers.get("Authorization", "")
    if sent.lower().startswith("bearer "):
        return Problem(
            401,
            _("O token de acesso é inválido, expirou ou a chave foi revogada. Peça um novo em /api/v1/token."),
            headers={"WWW-Authenticate": 'Bearer realm="api", error="invalid_token"'},
        )
    return Problem(
        401,
        _("Envie um token de acesso no cabeçalho Authorization: Bearer. Peça um em /api/v1/token."),
        headers={"WWW-Authenticate": 'Bearer realm="api"'},
    )


class BearerToken(HttpBearer):
    """``Authorization: Bearer <token>``; the request then carries ``request.credential``."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiCredential | None:
        credential = credential_for_token(token.strip())
        if credential is None:
            return None
        check_rate(ratelimit.limit("api"), f"key:{credential.pk}")
        request.credential = credential  # type: ignore[attr-defined]
        return credential


def credential_of(request: HttpRequest) -> ApiCredential:
    return request.credential  # type: ignore[attr-defined]
