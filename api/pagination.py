"""Cursor pagination: a stable order on (a date or time, pk), and an opaque signed cursor for the next page.

A page is one query (``limit + 1`` rows, the extra one only says whether a next page exists),
whatever page it is: no OFFSET, and rows added meanwhile never shift or repeat a page.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from api.problems import Problem

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
_SALT = "api.cursor"


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    next: str | None


def _encode(value: datetime.date | datetime.datetime, pk: int, field: str) -> str:
    return signing.dumps([field, value.isoformat(), pk], salt=_SALT, compress=True)


def _decode(cursor: str, field: str, kind: type) -> tuple[Any, int]:
    try:
        name, raw, pk = signing.loads(cursor, salt=_SALT)
        if name != field:
            raise ValueError(name)
        value = datetime.datetime.fromisoformat(raw) if kind is datetime.datetime else datetime.date.fromisoformat(raw)
        return value, int(pk)
    except (signing.BadSignature, ValueError, TypeError):
        raise Problem(
            400,
            _("O cursor é inválido. Use o valor de next_cursor da página anterior, sem alterá-lo."),
            errors=[{"parameter": "cursor", "detail": _("Cursor inválido.")}],
        ) from None


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    field: str,
    kind: type = datetime.datetime,
    cursor: str | None,
    limit: int,
) -> Page:
    """The page of ``queryset`` after ``cursor``, newest ``field`` first (then highest pk)."""
    queryset = queryset.order_by(f"-{field}", "-pk")
    if cursor:
        value, pk = _decode(cursor, field, kind)
        queryset = queryset.filter(Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk}))
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return Page(items=rows, next_cursor=None, next=None)
    rows = rows[:limit]
    last = rows[-1]
    token = _encode(getattr(last, field), last.pk, field)
    query = request.GET.copy()
    query["cursor"] = token
    query["limit"] = str(limit)
    return Page(items=rows, next_cursor=token, next=request.build_absolute_uri(f"{request.path}?{query.urlencode()}"))
