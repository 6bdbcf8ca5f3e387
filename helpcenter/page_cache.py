"""Whole-page cache for the public Central de Ajuda, for visitors who carry no state.

A help page is the same for every anonymous visitor in a language, so it is rendered once and kept
in the cache, keyed by the content's version, the language, the high-contrast choice and the URL.
Staff saving content bump the version (``bump``, from signals), so nobody waits for a timeout.

Only what is the same for everyone is cached:

- signed-in users, and visitors with a session (they may have voted) or a pending message, get a
  fresh page;
- the forms' CSRF token differs per visitor: the cached copy holds a placeholder, replaced on the way
  out by this visitor's token (``get_token`` also sets the cookie, as rendering it would);
- only 200 answers to GET are kept.
"""

import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

VERSION_KEY = "helpcenter:pages:version"
#: Long: a change of content makes a new version, so entries of the old one are simply never read.
TIMEOUT = 24 * 60 * 60
#: The cookie that keeps "Alto contraste" on ("1") or off ("0") in a browser (set by portal.views); a
#: cached page is kept apart for each value. Defined here, the lowest layer that reads it.
HIGH_CONTRAST_COOKIE = "alto_contraste"
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = "\x00csrf\x00"


def contrast_choice(request) -> str:
    """The visitor's "Alto contraste" choice: "1" on, "0" off, "" none (the system's setting rules)."""
    value = request.COOKIES.get(HIGH_CONTRAST_COOKIE, "")
    return value if value in ("0", "1") else ""


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        first = _first_version()
        cache.add(VERSION_KEY, first, timeout=None)
        current = cache.get(VERSION_KEY, first)
    return current


def _first_version() -> int:
    """A version lost with the cache (a restart, a flush) starts again from the clock, not from 1: a
    copy kept outside the cache under an old number (a process's blank forms) is never read again."""
    return time.time_ns() // 1000


def bump(**kwargs) -> None:
    """Content changed: every cached help page is out of date (a signal receiver)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: nothing cached either
        cache.add(VERSION_KEY, _first_version(), timeout=None)


def _cacheable(request) -> bool:
    return (
        settings.PORTAL_HELP_PAGE_CACHE
        and request.method == "GET"
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"helpcenter:page:{version()}:{get_language()}:{contrast_choice(request)}:{path}"


def public_page(view=None, *, on_hit=None):
    """Serve ``view``'s page from the cache to visitors who carry no state; fill the cache on a miss.

    A view can leave a note on its response (``response.cache_note``): it is kept with the page, and
    ``on_hit(request, note)`` runs on every hit, for what must still happen per request (the search
    counts the queries that found nothing).
    """
    if view is None:
        return lambda view: public_page(view, on_hit=on_hit)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            content, content_type, note = cached
            if on_hit is not None:
                on_hit(request, note)
            token = get_token(request)
            return HttpResponse(content.replace(_PLACEHOLDER.encode(), token.encode()), content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            content = _TOKEN.sub(rf"\g<1>{_PLACEHOLDER}\g<2>", response.content.decode(response.charset))
            note = getattr(response, "cache_note", None)
            cache.set(key, (content.encode(response.charset), response["Content-Type"], note), TIMEOUT)
        return response

    return wrapper
