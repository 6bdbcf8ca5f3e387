"""Search across published Dúvidas and documentation pages.

PostgreSQL full text: Portuguese stemming, accent-insensitive, ranked, with highlighted snippets,
over the GIN-indexed ``search_vector`` columns created by migration 0004. An English or Spanish
reader searches the translations first (``search_vector_en``/``_es``, migration 0010, English and
Spanish stemming), then the Portuguese text, which also covers what is not translated yet.

Results are plain ``Hit`` objects. A ``SearchResults`` sequence is what ``Paginator`` pages over:
it counts with one query and fetches only the rows of the page it is sliced to, snippets
included, with one more.
"""

import hashlib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from helpcenter import page_cache
from helpcenter.query import Analysis, Concept, analyse, fold

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
    content_language: str = "pt-BR"  # the language title and snippet are in (templates mark it with lang)


def _highlighted(snippet: str) -> SafeString:
    return mark_safe(escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308


def _url(kind: str, section_slug: str, anchor_slug: str) -> str:
    if kind == "article":
        return reverse("helpcenter:question", args=[section_slug, anchor_slug])
    return reverse("helpcenter:product", args=[section_slug]) + f"#doc-{anchor_slug}"


class SearchResults:
    """A lazily evaluated, sliceable sequence of hits for one query.

    The query is analysed once (``helpcenter.query``). Results are the answers that match at least
    half of its concepts (or as many as the best answer does), ranked by concepts matched, title
    matches, helpful votes and density; when none matches, the questions and pages whose titles
    look like the query (trigram similarity, for typos the word list missed).
    """

    def __init__(self, query: str, language: str | None = None):
        self.query = query
        #: "en" or "es" when the reader's translations are searched first; None for Portuguese.
        self.language = language if language in TRANSLATED else None
        self._analysis: Analysis | None = None
        self._mode: str | None = None
        self._ranking: list[tuple[str, int]] | None = None

    @property
    def analysis(self) -> Analysis:
        if self._analysis is None:
            self._analysis = analyse(self.query)
        return self._analysis

    @property
    def suggestion(self) -> str:
        """ "Você quis dizer": the query with its unknown words corrected, or ""."""
        return self.analysis.suggestion

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        return len(self._ranked())

    def _ranked(self) -> list[tuple[str, int]]:
        """Every match, best first, as (table, id): scored once, by one query; pages only fetch their rows."""
        if self._ranking is None:
            self._mode, ranking = MODE_NONE, []
            if self.analysis.concepts:
                for mode in (MODE_MOST, MODE_TITLE) if self.analysis.meaningful else (MODE_TITLE,):
                    ranking = _ranking(self.analysis, mode, self.query)
                    if ranking:
                        self._mode = mode
                        break
            if self.language:
                translated = _translated_ranking(self.language, self.query)
                seen = set(translated)
                ranking = translated + [row for row in ranking if row not in seen]
            self._ranking = ranking
        return self._ranking

    def __getitem__(self, item: slice) -> list[Hit]:
        if not isinstance(item, slice):
            raise TypeError("SearchResults only supports slicing.")
        start, stop = item.start or 0, item.stop
        if stop is None or stop <= start:
            return []
        rows = self._ranked()[start:stop]
        if not rows:
            return []
        analysis = self.analysis if self._mode == MODE_MOST else _title_analysis(self.query)
        return _hits(analysis, rows, language=self.language, query=self.query)


def search(query: str, language: str | None = None) -> SearchResults:
    """The answers to ``query``, for a reader of ``language`` (by default the active one)."""
    return SearchResults(query, (language or get_language() or "").split("-")[0].lower())


MODE_NONE, MODE_MOST, MODE_TITLE, MODE_ANY = "none", "most", "title", "any"

# Ranking, in points: each concept matched counts 2, and 1 more where it matches the title, so a
# title match outranks a body match; answers customers marked helpful get at most HELPFUL_BOOST,
# and ts_rank's density at most DENSITY_WEIGHT — both less than one concept, so they only break ties.
HELPFUL_BOOST = 0.3
DENSITY_WEIGHT = 0.4


#: A concept found in at most this many answers is *selective*: candidates are the answers that match
#: a selective concept, so a common word ("contrato") never makes the search score the whole base.
SELECTIVE = 2000
#: However the query is made, at most this many answers per table are scored.
MAX_CANDIDATES = 2000


def _concept_queries(analysis: Analysis) -> tuple[str, list]:
    """CTE ``r``: each meaningful concept (c0, c1…) as an OR of its alternatives, and their combinations."""
    concepts = analysis.meaningful
    if not concepts:  # nothing to match in Portuguese (the reader's language found the rows)
        return "r AS (SELECT ''::tsquery AS any, ''::tsquery AS candidates)", []
    columns, params = [], []
    for n, concept in enumerate(concepts):
        alternatives = " || ".join(["phraseto_tsquery('portal_pt', %s)"] * len(concept.alternatives))
        columns.append(f"({alternatives}) AS c{n}")
        params += concept.alternatives
    names = [f"c{n}" for n in range(len(concepts))]
    selective = [f"c{n}" for n, concept in enumerate(concepts) if concept.frequency <= SELECTIVE]
    sql = f"""
        q AS (SELECT {", ".join(columns)}),
        r AS (
            SELECT q.*,
                   {" || ".join(names)} AS any,
                   {" || ".join(selective) if selective else " && ".join(names)} AS candidates
              FROM q
        )
    """  # noqa: S608 (only column names are interpolated)
    return sql, params


def _matches(analysis: Analysis, mode: str) -> str:
    """Every matching answer (kind, id) with its score; needs CTE ``r``."""
    n = len(analysis.meaningful)
    coverage = " + ".join(f"(sv @@ r.c{i})::int" for i in range(n))
    title_hits = " + ".join(f"(ts_filter(sv, '{{a}}') @@ r.c{i})::int" for i in range(n))
    candidates = f"""
        (SELECT 'article' AS kind, t.id, t.search_vector AS sv,
                {HELPFUL_BOOST} * t.helpful_yes / (t.helpful_yes + t.helpful_no + 3.0) AS helpful
           FROM helpcenter_article t, r
          WHERE t.published AND t.search_vector @@ r.candidates
          LIMIT {MAX_CANDIDATES})
        UNION ALL
        (SELECT 'documentationpage', t.id, t.search_vector, 0
           FROM helpcenter_documentationpage t JOIN helpcenter_product p ON p.id = t.product_id, r
          WHERE t.published AND p.active AND t.search_vector @@ r.candidates
          LIMIT {MAX_CANDIDATES})
    """  # noqa: S608 (only constants are interpolated)
    scored = f"""
        SELECT kind, id, {coverage} AS coverage,
               2 * ({coverage}) + {title_hits} + helpful + {DENSITY_WEIGHT} * ts_rank(sv, r.any, 32) AS score
          FROM ({candidates}) candidate, r
    """  # noqa: S608 (only constants are interpolated)
    if mode == MODE_ANY:
        return scored
    # At least half of what was asked, and never less than the best answer has.
    return f"""
        SELECT * FROM (SELECT *, max(coverage) OVER () AS best FROM ({scored}) s) s
         WHERE coverage >= least(best, {max(1, -(-n // 2))})
    """  # noqa: S608 (only constants are interpolated)


#: The languages content is translated into, with their text search configurations (migration 0010).
TRANSLATED = {"en": "portal_en", "es": "portal_es"}

# The query in the reader's language: every word ("strict", an AND) and any word ("loose", an OR).
_READER_QUERY = """
    rq AS (SELECT plainto_tsquery(%s::regconfig, %s) AS strict,
                 replace(plainto_tsquery(%s::regconfig, %s)::text, ' & ', ' | ')::tsquery AS loose)
"""


def _reader_query_params(language: str, query: str) -> list:
    return [TRANSLATED[language], query, TRANSLATED[language], query]


def _translated_ranking(language: str, query: str) -> list[tuple[str, int]]:
    """(table, id) of the translations into ``language`` that match ``query``, best first.

    Scored as the Portuguese search is: all the words count most, a title match outranks a body
    match, helpful votes and density break ties.
    """
    sv = f"t.search_vector_{language}"
    score = f"""
        3 * ({sv} @@ rq.strict)::int + (ts_filter({sv}, '{{a}}') @@ rq.loose)::int
        + {DENSITY_WEIGHT} * ts_rank({sv}, rq.loose, 32)
    """
    sql = f"""
        WITH {_READER_QUERY}
        SELECT kind, id FROM (
            (SELECT 'article' AS kind, t.id,
                    {score} + {HELPFUL_BOOST} * t.helpful_yes / (t.helpful_yes + t.helpful_no + 3.0) AS score
               FROM helpcenter_article t, rq
              WHERE t.published AND {sv} @@ rq.loose
              LIMIT {MAX_CANDIDATES})
            UNION ALL
            (SELECT 'documentationpage', t.id, {score}
               FROM helpcenter_documentationpage t JOIN helpcenter_product p ON p.id = t.product_id, rq
              WHERE t.published AND p.active AND {sv} @@ rq.loose
              LIMIT {MAX_CANDIDATES})
        ) matches ORDER BY score DESC, kind, id
    """  # noqa: S608 (only constants are interpolated; the query travels as a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, _reader_query_params(language, query))
        return cursor.fetchall()


_TITLES = """
    SELECT 'article' AS kind, t.id, similarity(t.question, %s) AS score
      FROM helpcenter_article t WHERE t.published AND t.question %% %s
    UNION ALL
    SELECT 'documentationpage', t.id, similarity(t.title, %s)
      FROM helpcenter_documentationpage t JOIN helpcenter_product p ON p.id = t.product_id
     WHERE t.published AND p.active AND t.title %% %s
"""


def _title_analysis(query: str) -> Analysis:
    """For the title fallback: the whole query as one concept (it only feeds the snippets)."""
    return Analysis([Concept(query, [query], meaningful=True)])


def _ranking(analysis: Analysis, mode: str, query: str, *, limit: int | None = None) -> list[tuple[str, int]]:
    """(table, id) of every match (or the first ``limit``), best first."""
    if mode == MODE_TITLE:
        sql, params = _TITLES, [query] * 4
    else:
        concepts, params = _concept_queries(analysis)
        sql = f"WITH {concepts} {_matches(analysis, mode)}"  # noqa: S608 (only constants are interpolated)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, id FROM ({sql}) matches ORDER BY score DESC, kind, id LIMIT %s",  # noqa: S608
            [*params, limit],
        )
        return cursor.fetchall()


def _hits(
    analysis: Analysis,
    rows: list[tuple[str, int]] | None,
    *,
    best: int = 0,
    language: str | None = None,
    query: str = "",
) -> list[Hit]:
    """The hits of ``rows`` (table, id), in that order, with highlighted snippets. One query.

    With ``rows`` None, the ``best`` first matches of the analysis instead, ranked in the same query.
    With a ``language`` ("en", "es"), each hit is in that language where it is translated, its
    snippet highlighting ``query``'s words; in Portuguese otherwise.
    """
    options = f"StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
    concepts, params = _concept_queries(analysis)
    portuguese = {
        "title": "coalesce(a.question, d.title)",
        "section": "coalesce(c.name, p.name)",
        "snippet": "ts_headline('portal_pt', translate(coalesce(a.body_text, d.body_text), '<>', '‹›'), r.any, %s)",
    }
    columns = dict(portuguese, translated="false")
    reader_params: list = []
    if language in TRANSLATED:
        concepts = f"{concepts}, {_READER_QUERY}"
        reader_params = _reader_query_params(language, query)
        translated = f"coalesce(a.question_{language}, d.title_{language}, '') <> ''"
        columns = {
            "title": f"CASE WHEN {translated} THEN coalesce(a.question_{language}, d.title_{language}) "
            f"ELSE {portuguese['title']} END",
            "section": f"coalesce(nullif(c.name_{language}, ''), nullif(p.name_{language}, ''), "
            f"{portuguese['section']})",
            "snippet": f"CASE WHEN {translated} THEN ts_headline('{TRANSLATED[language]}', "
            f"translate(coalesce(a.body_text_{language}, d.body_text_{language}), '<>', '‹›'), rq.loose, %s) "
            f"ELSE {portuguese['snippet']} END",
            "translated": translated,
        }
    if rows is None:
        page = f"""
            SELECT row_number() OVER (ORDER BY score DESC, kind, id), kind, id
              FROM ({_matches(analysis, MODE_ANY)}) matches ORDER BY score DESC, kind, id LIMIT %s
        """  # noqa: S608 (only constants are interpolated)
        page_params: list = [best]
    else:
        page = "SELECT * FROM unnest(%s::int[], %s::text[], %s::bigint[])"
        page_params = [list(range(len(rows))), [kind for kind, _id in rows], [pk for _kind, pk in rows]]
    sql = f"""
        WITH {concepts}, page(position, kind, id) AS ({page})
        SELECT page.kind,
               {columns["title"]},
               {columns["section"]},
               coalesce(c.slug, p.slug),
               coalesce(a.slug, d.slug),
               {columns["snippet"]},
               {columns["translated"]}
          FROM page
          CROSS JOIN r
          {"CROSS JOIN rq" if reader_params else ""}
          LEFT JOIN helpcenter_article a ON page.kind = 'article' AND a.id = page.id
          LEFT JOIN helpcenter_faqcategory c ON c.id = a.category_id
          LEFT JOIN helpcenter_documentationpage d ON page.kind = 'documentationpage' AND d.id = page.id
          LEFT JOIN helpcenter_product p ON p.id = d.product_id
         ORDER BY page.position
    """  # noqa: S608 (only constants are interpolated; the query travels as parameters)
    options_params = [options, options] if reader_params else [options]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *reader_params, *page_params, *options_params])
        found = cursor.fetchall()
    return [
        Hit(
            "article" if kind == "article" else "documentation",
            title,
            section,
            _url("article" if kind == "article" else "documentation", section_slug, anchor_slug),
            _highlighted(snippet or ""),
            language if language and is_translated else "pt-BR",
        )
        for kind, title, section, section_slug, anchor_slug, snippet, is_translated in found
    ]


# Suggestions while a ticket is being written --------------------------------------------------------

SUGGESTION_MIN_WORD = 4
SUGGESTION_MAX_WORDS = 8


def suggest(text: str, *, limit: int = 3) -> list[Hit]:
    """Up to ``limit`` answers that share words with ``text`` (any of them), best first. One query."""
    words = [word for word in re.findall(r"\w+", text[: MAX_QUERY_LENGTH * 2]) if len(word) >= SUGGESTION_MIN_WORD]
    words = words[:SUGGESTION_MAX_WORDS]
    if not words:
        return []
    # Kept per content version: step 3 of every ticket form asks with the same text (the form's subject).
    digest = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
    key = f"helpcenter:suggest:{page_cache.version()}:{get_language()}:{limit}:{digest}"
    hits = cache.get(key)
    if hits is None:
        analysis = Analysis([Concept(fold(word), [word], meaningful=True) for word in words])
        hits = _hits(analysis, None, best=limit)
        cache.set(key, hits, page_cache.TIMEOUT)
    return hits
