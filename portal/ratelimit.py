"""Fixed-window rate limits kept in the shared cache, so every app server counts the same hits.

Identifiers (IP addresses, CPFs) are keyed by an HMAC, never stored in clear in the cache.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    seconds: int


def limit(scope: str) -> Limit:
    """The limit configured for ``scope`` in ``settings.PORTAL_RATE_LIMITS``."""
    count, seconds = settings.PORTAL_RATE_LIMITS[scope]
    return Limit(scope, count, seconds)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the header our own proxy sets (PORTAL_CLIENT_IP_HEADER)."""
    header = settings.PORTAL_CLIENT_IP_HEADER
    if header:
        value = request.META.get(header, "")
        # X-Forwarded-For style lists: the right-most entry is the one our proxy added.
        value = value.split(",")[-1].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "")


def _key(limit: Limit, identifier: str, window: int) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), identifier.encode(), hashlib.sha256).hexdigest()[:32]
    return f"ratelimit:{limit.scope}:{digest}:{window}"


def hit(limit: Limit, identifier: str) -> bool:
    """Count one attempt; True while the identifier is within its limit for the current window."""
    window = int(time.time() // limit.seconds)
    key = _key(limit, identifier, window)
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds + 1)
        count = 1
    return count <= limit.count


def hits(limit: Limit, identifier: str) -> int:
    """How many hits the identifier has had in the current window, without counting one."""
    window = int(time.time() // limit.seconds)
    return cache.get(_key(limit, identifier, window), 0)


def too_many_requests(request):
    """The friendly page shown past a limit, with status 429 and a hint of when to retry."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
