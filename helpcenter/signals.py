"""Keep what the search and the cached pages derive from content current when staff save it.

The word list (for typos) is rebuilt in a background task after the change commits; the
synonym dictionary's cached copy is dropped at once.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from helpcenter import page_cache, query
from helpcenter.models import Article, DocumentationPage, FaqCategory, Product, SynonymGroup


def _refresh_word_list() -> None:
    from helpcenter.tasks import refresh_word_list

    refresh_word_list.enqueue()


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=DocumentationPage)
def content_changed(sender, **kwargs) -> None:
    """One rebuild per transaction, however many answers it saves (the demo seed saves dozens)."""
    _on_commit_once(_refresh_word_list)


def _on_commit_once(callback) -> None:
    """``transaction.on_commit(callback)`` unless this transaction already has it."""
    connection = transaction.get_connection()
    if any(pending is callback for _savepoints, pending, _robust in connection.run_on_commit):
        return
    transaction.on_commit(callback)


@receiver([post_save, post_delete], sender=SynonymGroup)
def synonyms_changed(sender, **kwargs) -> None:
    transaction.on_commit(query.forget_synonyms)


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=DocumentationPage)
@receiver([post_save, post_delete], sender=FaqCategory)
@receiver([post_save, post_delete], sender=Product)
@receiver([post_save, post_delete], sender=SynonymGroup)  # the search's results
@receiver([post_save, post_delete], sender="tickets.TicketForm")  # a product page links to its form
# What the ticket form is built from (tickets.catalog):
@receiver([post_save, post_delete], sender="tickets.FormField")
@receiver([post_save, post_delete], sender="tickets.TicketType")
@receiver([post_save, post_delete], sender="tickets.Subject")
@receiver([post_save, post_delete], sender="tickets.Team")
def pages_changed(sender, **kwargs) -> None:
    """The cached help pages show this content: they are rendered afresh.

    Now, for this transaction's own reads, and again at the commit, for any page another request
    rendered in between from the old rows.
    """
    page_cache.bump()
    _on_commit_once(page_cache.bump)
