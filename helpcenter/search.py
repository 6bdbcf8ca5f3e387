"""Search across published Dúvidas and documentation pages.

PostgreSQL full text: Portuguese stemming, accent-insensitive, ranked, with highlighted snippets,
over the GIN-indexed ``search_vector`` columns created by migration 0004.

Results are plain ``Hit`` objects. A ``SearchResults`` sequence is what ``Paginator`` pages over:
it counts with one query and fetches only the rows of the page it is sliced to, snippets
included, with one more.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 100
SNIPPET_WORDS = 30

# Markers that cannot occur in text typed by staff: ts_headline puts them around the matches,
# and they become <mark> only after the snippet has been escaped.
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class Hit:
    kind: str  # "article" or "documentation"
    title: str
    section: str  # the category or the product
    url: str
    snippet: SafeString


def _highlighted(snippet: str) -> SafeString:
    return mark_safe(escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308


def _url(kind: str, section_slug: str, anchor_slug: str) -> str:
    if kind == "article":
        return reverse("helpcenter:category", args=[section_slug]) + f"#pergunta-{anchor_slug}"
    return reverse("helpcenter:product", args=[section_slug]) + f"#doc-{anchor_slug}"


class SearchResults:
    """A lazily evaluated, sliceable sequence of hits for one query."""

    def __init__(self, query: str):
        self.query = query
        self._count: int | None = None

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        if self._count is None:
            self._count = _count(self.query)
        return self._count

    def __getitem__(self, item: slice) -> list[Hit]:
        if not isinstance(item, slice):
            raise TypeError("SearchResults only supports slicing.")
        start, stop = item.start or 0, item.stop
        if stop is None or stop <= start:
            return []
        return _page(self.query, offset=start, limit=stop - start)


def search(query: str) -> SearchResults:
    return SearchResults(query)


_MATCHES = """
    SELECT 'article' AS kind, a.id, ts_rank(a.search_vector, q.query) AS rank
      FROM helpcenter_article a, q
     WHERE a.published AND a.search_vector @@ q.query
    UNION ALL
    SELECT 'documentation', d.id, ts_rank(d.search_vector, q.query)
      FROM helpcenter_documentationpage d
      JOIN helpcenter_product p ON p.id = d.product_id
      , q
     WHERE d.published AND p.active AND d.search_vector @@ q.query
"""
_QUERY = "WITH q AS (SELECT websearch_to_tsquery('portal_pt', %s) AS query)"


def _page(query: str, *, offset: int, limit: int) -> list[Hit]:
    options = f"StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
    sql = f"""
        {_QUERY}, page AS (
            SELECT * FROM ({_MATCHES}) matches ORDER BY rank DESC, kind, id LIMIT %s OFFSET %s
        )
        SELECT page.kind,
               coalesce(a.question, d.title),
               coalesce(c.name, p.name),
               coalesce(c.slug, p.slug),
               coalesce(a.slug, d.slug),
               ts_headline('portal_pt', translate(coalesce(a.body_text, d.body_text), '<>', '‹›'), q.query, %s)
          FROM page
          CROSS JOIN q
          LEFT JOIN helpcenter_article a ON page.kind = 'article' AND a.id = page.id
          LEFT JOIN helpcenter_faqcategory c ON c.id = a.category_id
          LEFT JOIN helpcenter_documentationpage d ON page.kind = 'documentation' AND d.id = page.id
          LEFT JOIN helpcenter_product p ON p.id = d.product_id
         ORDER BY page.rank DESC, page.kind, page.id
    """  # noqa: S608 (only constants are interpolated; the query travels as a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, limit, offset, options])
        rows = cursor.fetchall()
    return [
        Hit(kind, title, section, _url(kind, section_slug, anchor_slug), _highlighted(snippet))
        for kind, title, section, section_slug, anchor_slug, snippet in rows
    ]


def _count(query: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"{_QUERY} SELECT count(*) FROM ({_MATCHES}) matches", [query])  # noqa: S608
        return cursor.fetchone()[0]


# Suggestions while a ticket is being written --------------------------------------------------------

SUGGESTION_MIN_WORD = 4
SUGGESTION_MAX_WORDS = 8


def suggest(text: str, *, limit: int = 3) -> list[Hit]:
    """Up to ``limit`` answers that share words with ``text`` (any of them), best first. One query."""
    words = [word for word in re.findall(r"\w+", text[: MAX_QUERY_LENGTH * 2]) if len(word) >= SUGGESTION_MIN_WORD]
    words = words[:SUGGESTION_MAX_WORDS]
    if not words:
        return []
    return _page(" or ".join(words), offset=0, limit=limit)
