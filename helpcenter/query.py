"""What a search box query means: its concepts, each with the words that may stand for it.

People don't type the answers' words. ``analyse`` turns what they typed into *concepts*, each with
its alternatives, before any full-text matching:

- **Synonyms** from the dictionary staff keep in the admin (``SynonymGroup``): "segunda via",
  "2ª via" and "reemitir" are one concept; so are "ticket", "chamado" and "solicitação".
- **Ordinals and numbers**: "2ª", "2a", "2o", "2º", "2" and "segunda" all stand for the second.
- **Typos**: a word the help content never uses is looked up in the content's own word list
  (``helpcenter_searchword``, trigram- and edit-distance-close words), and the closest one
  joins its alternatives; the page then offers it: "Você quis dizer: boleto?".

``helpcenter.search`` matches each concept as an OR of its alternatives.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection

SYNONYMS_CACHE_KEY = "helpcenter:synonyms:v1"
#: Words this short are never "corrected": too many real words are one letter away.
MIN_CORRECTABLE = 4
#: At most this many concepts are matched; the rest of a very long question is ignored.
MAX_CONCEPTS = 10

ORDINAL_WORDS = {
    1: ("primeira", "primeiro"),
    2: ("segunda", "segundo"),
    3: ("terceira", "terceiro"),
    4: ("quarta", "quarto"),
    5: ("quinta", "quinto"),
}
_ORDINAL_BY_WORD = {word: number for number, words in ORDINAL_WORDS.items() for word in words}
_TOKEN = re.compile(r"(\d+)\s*(?:[ªºaoº°]|\.(?=\s|$))?(?![\w])|\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, without accents ("Ação" → "acao"), as the content's word list is kept."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in text if not unicodedata.combining(char))


@dataclass
class Concept:
    """One thing the query asks about, and the words (or phrases) that may express it."""

    typed: str  # as the person typed it (folded)
    alternatives: list[str] = field(default_factory=list)
    correction: str = ""  # the word list's closest word, when the typed one is unknown
    #: In how many answers any alternative occurs (an upper bound): rare concepts pick the candidates.
    frequency: int = 0
    #: False when every alternative is a stop word ("como", "de"): the concept is then left out.
    meaningful: bool = False


@dataclass
class Analysis:
    concepts: list[Concept]

    @property
    def meaningful(self) -> list[Concept]:
        """The concepts that are more than stop words: the ones matched."""
        return [concept for concept in self.concepts if concept.meaningful]

    @property
    def suggestion(self) -> str:
        """The query with each unknown word replaced by its correction ("" when nothing was corrected)."""
        if not any(concept.correction for concept in self.concepts):
            return ""
        return " ".join(concept.correction or concept.typed for concept in self.concepts)


def _tokens(query: str) -> list[str]:
    """Folded words; numbers and ordinals ("2ª", "2a", "2.") become "#2"."""
    tokens = []
    for match in _TOKEN.finditer(query.lower()):
        if match.group(1):
            tokens.append(f"#{int(match.group(1))}")
        else:
            word = fold(match.group(0))
            number = _ORDINAL_BY_WORD.get(word)
            tokens.append(f"#{number}" if number else word)
    return tokens


def _ordinal_alternatives(number: int) -> list[str]:
    forms = [f"{number}ª", f"{number}º", f"{number}a", f"{number}o", str(number)]
    return forms + list(ORDINAL_WORDS.get(number, ()))


def _same_word(typed: str, term: str) -> bool:
    """Equal, or the plural of the term ("impostos" for "imposto", "solicitacoes" for "solicitacao")."""
    if typed == term:
        return True
    if term.endswith("ao") and typed == term[:-2] + "oes":
        return True
    return typed in (term + "s", term + "es")


def synonym_groups() -> list[list[str]]:
    """The dictionary's groups of equivalent terms, cached until staff change it (``SynonymGroup``)."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        from helpcenter.models import SynonymGroup

        groups = [group.term_list for group in SynonymGroup.objects.all()]
        cache.set(SYNONYMS_CACHE_KEY, groups, timeout=None)
    return groups


def forget_synonyms() -> None:
    cache.delete(SYNONYMS_CACHE_KEY)


def _synonym_index(groups: list[list[str]]) -> list[tuple[list[str], list[str]]]:
    """(term as tokens, the group's terms), longest terms first, so "segunda via" wins over "via"."""
    index = [(_tokens(term), group) for group in groups for term in group]
    return sorted((entry for entry in index if entry[0]), key=lambda entry: -len(entry[0]))


def _concepts(tokens: list[str], groups: list[list[str]]) -> list[Concept]:
    index = _synonym_index(groups)
    concepts: list[Concept] = []
    position = 0
    while position < len(tokens) and len(concepts) < MAX_CONCEPTS:
        for term_tokens, group in index:
            end = position + len(term_tokens)
            if end <= len(tokens) and all(
                _same_word(typed, term) for typed, term in zip(tokens[position:end], term_tokens, strict=True)
            ):
                typed = " ".join(token.lstrip("#") for token in tokens[position:end])
                alternatives = list(group)
                if term_tokens[0].startswith("#"):
                    # An ordinal inside a synonym ("2a via"): the other ways of writing that ordinal too.
                    number = int(term_tokens[0][1:])
                    rest = " ".join(term_tokens[1:])
                    alternatives += [f"{form} {rest}".strip() for form in _ordinal_alternatives(number)]
                concepts.append(Concept(typed, alternatives))
                position = end
                break
        else:
            token = tokens[position]
            if token.startswith("#"):
                concepts.append(Concept(token[1:], _ordinal_alternatives(int(token[1:]))))
            else:
                concepts.append(Concept(token, [token]))
            position += 1
    return concepts


_LOOKUP = """
    SELECT typed.word,
           EXISTS (SELECT 1 FROM helpcenter_searchword known WHERE known.word = typed.word),
           (SELECT close.word
              FROM helpcenter_searchword close
             WHERE length(typed.word) >= %s
               AND (close.word %% typed.word
                    OR (left(close.word, 1) = left(typed.word, 1)
                        AND abs(length(close.word) - length(typed.word)) <= 2))
               AND levenshtein_less_equal(close.word, typed.word, 2) <= 2
             ORDER BY levenshtein(close.word, typed.word), similarity(close.word, typed.word) DESC,
                      close.ndoc DESC, close.word
             LIMIT 1)
      FROM unnest(%s::text[]) AS typed(word)
"""


def _correct(concepts: list[Concept]) -> None:
    """Give each single word the content never uses its closest known word. One query."""
    words = [concept.typed for concept in concepts if concept.alternatives == [concept.typed]]
    if not words:
        return
    with connection.cursor() as cursor:
        cursor.execute(_LOOKUP, [MIN_CORRECTABLE, words])
        found = {word: (known, close) for word, known, close in cursor.fetchall()}
    for concept in concepts:
        known, close = found.get(concept.typed, (True, None))
        if not known and close and close != concept.typed:
            concept.correction = close
            concept.alternatives.append(close)


_FREQUENCIES = """
    SELECT alternative.n, alternative.text, min(coalesce(stem.ndoc, 0))
      FROM unnest(%s::int[], %s::text[]) AS alternative(n, text)
     CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('portal_pt', alternative.text))) AS lexeme(value)
      LEFT JOIN helpcenter_searchlexeme stem ON stem.lexeme = lexeme.value
     GROUP BY alternative.n, alternative.text
"""


def _count_frequencies(concepts: list[Concept]) -> None:
    """How many answers each concept may match: the sum over its alternatives of their rarest stem. One query."""
    numbers, texts = [], []
    for n, concept in enumerate(concepts):
        numbers += [n] * len(concept.alternatives)
        texts += concept.alternatives
    if not texts:
        return
    with connection.cursor() as cursor:
        cursor.execute(_FREQUENCIES, [numbers, texts])
        for n, _text, frequency in cursor.fetchall():
            concepts[n].frequency += frequency
            concepts[n].meaningful = True


def analyse(query: str) -> Analysis:
    concepts = _concepts(_tokens(query), synonym_groups())
    _correct(concepts)
    _count_frequencies(concepts)
    return Analysis(concepts)


def refresh_word_list() -> None:
    """Rebuild the content's word list (after content changes; ``helpcenter.tasks`` runs it)."""
    with connection.cursor() as cursor:
        cursor.execute("REFRESH MATERIALIZED VIEW helpcenter_searchword")
        cursor.execute("REFRESH MATERIALIZED VIEW helpcenter_searchlexeme")
