from django.tasks import task

from helpcenter import query


@task
def refresh_word_list() -> None:
    """Rebuild the search's word list after staff change help content (see ``helpcenter.signals``)."""
    query.refresh_word_list()
