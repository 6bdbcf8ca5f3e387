"""``Idempotency-Key``: a POST sent again with the same key is done once and answered the same way.

The record of (key, Idempotency-Key) is inserted in the same transaction as the work it guards.
A concurrent duplicate blocks on the unique index until the first one commits, then finds its
answer and replays it; if the first one fails (rolls back), the duplicate does the work itself.
Only finished answers are ever visible, for 24 hours; the same key with another request is a 422.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import IdempotencyRecord
from api.problems import Problem
from credentials.models import ApiCredential

HEADER = "Idempotency-Key"
LIFETIME = datetime.timedelta(hours=24)
MAX_KEY_LENGTH = 255


def fingerprint(request: HttpRequest, data: Any) -> str:
    """What makes two requests the same: method, path and the parsed body (not its encoding)."""
    canonical = json.dumps([request.method, request.path, data], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def request_key(request: HttpRequest) -> str | None:
    """The request's Idempotency-Key, checked; None without one."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not key or len(key) > MAX_KEY_LENGTH or not all(" " <= char <= "~" for char in key):
        raise Problem(
            400,
            _("O cabeçalho Idempotency-Key deve ter de 1 a 255 caracteres ASCII visíveis."),
            errors=[{"parameter": HEADER, "detail": _("Valor inválido.")}],
        )
    return key


def respond(status: int, body: Any, *, replayed: bool = False) -> JsonResponse:
    """The JSON answer; a 201 points to what it created (``Location``), a replay says so."""
    response = JsonResponse(body, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    if status == 201 and isinstance(body, dict) and body.get("url"):
        response["Location"] = body["url"]
    if replayed:
        response["Idempotent-Replayed"] = "true"
    return response


def run(
    request: HttpRequest,
    *,
    credential: ApiCredential,
    key: str | None,
    data: Any,
    work: Callable[[], tuple[int, Any]],
) -> JsonResponse:
    """Answer with ``work()`` (status, JSON body), done at most once per ``key``."""
    if key is None:
        return respond(*work())
    digest = fingerprint(request, data)
    with transaction.atomic():
        now = timezone.now()
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    credential=credential, key=key, fingerprint=digest, created_at=now, expires_at=now + LIFETIME
                )
        except IntegrityError:
            # Waited for the first request with this key to finish: its answer is committed now.
            record = IdempotencyRecord.objects.select_for_update().get(credential=credential, key=key)
            if record.expires_at > now:
                if record.fingerprint != digest:
                    raise Problem(
                        422,
                        _(
                            "Esta Idempotency-Key já foi usada com outra requisição nas últimas 24 horas. "
                            "Use uma chave nova para cada operação."
                        ),
                        code="chave-de-idempotencia-reutilizada",
                    ) from None
                return respond(record.status or 200, record.body, replayed=True)
            record.fingerprint, record.created_at, record.expires_at = digest, now, now + LIFETIME
        status, body = work()
        record.status, record.body = status, body
        record.save()
    return respond(status, body)


def purge(*, now: datetime.datetime | None = None) -> int:
    """Forget the answers past their 24 hours."""
    deleted, _detail = IdempotencyRecord.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
