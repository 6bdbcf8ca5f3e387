"""Keep what the search derives from content current when staff save it.

The word list (for typos) is rebuilt in a background task after the change commits; the
synonym dictionary's cached copy is dropped at once.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from helpcenter import query
from helpcenter.models import Article, DocumentationPage, SynonymGroup


def _refresh_word_list() -> None:
    from helpcenter.tasks import refresh_word_list

    refresh_word_list.enqueue()


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=DocumentationPage)
def content_changed(sender, **kwargs) -> None:
    """One rebuild per transaction, however many answers it saves (the demo seed saves dozens)."""
    connection = transaction.get_connection()
    if any(callback is _refresh_word_list for _savepoints, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_refresh_word_list)


@receiver([post_save, post_delete], sender=SynonymGroup)
def synonyms_changed(sender, **kwargs) -> None:
    transaction.on_commit(query.forget_synonyms)
