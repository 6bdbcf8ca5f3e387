"""Writes of the help center that involve more than one row or the visitor's session."""

from django.db.models import F

from helpcenter.models import Article

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
