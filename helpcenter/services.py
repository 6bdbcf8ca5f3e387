"""Writes of the help center that involve more than one row or the visitor's session."""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from helpcenter.models import Article, EmptySearch

VOTED_SESSION_KEY = "helpcenter_voted_articles"


def article_vote(*, session, article: Article, helpful: bool) -> bool:
    """Count the visitor's "Esta resposta foi útil?" once per browser session.

    Returns False, changing nothing, when this session already voted on the article.
    """
    voted = set(session.get(VOTED_SESSION_KEY, []))
    if article.pk in voted:
        return False
    field = "helpful_yes" if helpful else "helpful_no"
    Article.objects.filter(pk=article.pk).update(**{field: F(field) + 1})
    session[VOTED_SESSION_KEY] = sorted(voted | {article.pk})
    return True


def voted_articles(session) -> set[int]:
    return set(session.get(VOTED_SESSION_KEY, []))


# Searches that found nothing ---------------------------------------------------------------------

#: What could identify someone in a query: any word with a digit or an "@" (CPF, CNPJ — alphanumeric
#: too —, phones, protocol numbers, e-mail addresses) is dropped whole.
_PERSONAL = re.compile(r"\S*[\d@]\S*")


def empty_search_record(query: str, *, today: datetime.date | None = None) -> EmptySearch | None:
    """Count a search that found nothing, by its words only, in this month's log for staff."""
    words = " ".join(_PERSONAL.sub(" ", query).lower().split())[: EmptySearch._meta.get_field("query").max_length]
    if not words:
        return None
    month = (today or timezone.localdate()).replace(day=1)
    if EmptySearch.objects.filter(month=month, query=words).update(count=F("count") + 1, last_seen=timezone.now()):
        return None
    try:
        with transaction.atomic():
            return EmptySearch.objects.create(month=month, query=words)
    except IntegrityError:  # the same query, logged by another request just now
        EmptySearch.objects.filter(month=month, query=words).update(count=F("count") + 1, last_seen=timezone.now())
        return None
