"""Private files removed for good, even when storage fails at that moment.

A change that leaves files unused for good (a requester anonymised under the LGPD) calls
``remove_after_commit`` inside its transaction:

- a ``FileRemoval`` row per file is written in that transaction, so a rolled-back change removes
  nothing and a committed one cannot forget a file;
- right after the commit each file is removed and its row deleted;
- a file that storage fails to remove keeps its row, with the error and the next attempt, on the
  e-mails' schedule (``portal.outbox.retry_wait``: 1, 5 and 30 minutes, then every hour), for as
  long as it takes. ``sweep`` tries the due ones; the
  worker runs it every few seconds (``portal.signals.sweep``), and the daily
  ``purge_ticket_drafts`` runs it too.

Removing a file that is already gone counts as done, so a removal tried twice is harmless. The
form's parked copies, removed once the ticket holds its own, do without: one that stays is among
the drafts, which ``purge_ticket_drafts`` removes by age.
"""

import datetime
import logging
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from portal.outbox import retry_wait
from tickets.attachments import STORAGE_ERRORS
from tickets.models import FileRemoval, private_storage

logger = logging.getLogger(__name__)

#: A sweep takes this many at most; the next one takes the rest.
SWEEP_BATCH = 500


def remove_after_commit(paths: Iterable[str | None]) -> None:
    """Record ``paths`` for removal in the caller's transaction; remove them once it commits (empty names: none)."""
    paths = sorted({path for path in paths if path})
    if not paths:
        return
    with transaction.atomic():
        FileRemoval.objects.bulk_create([FileRemoval(path=path) for path in paths], ignore_conflicts=True)
        transaction.on_commit(partial(_remove_recorded, paths))


def _remove_recorded(paths: list[str]) -> None:
    with transaction.atomic():
        due = list(FileRemoval.objects.filter(path__in=paths).select_for_update(skip_locked=True))
        _remove(due, now=timezone.now())


def sweep(*, now: datetime.datetime | None = None) -> int:
    """Try the removals that are due again. Returns how many files were removed."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            FileRemoval.objects.filter(next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .select_for_update(skip_locked=True)[:SWEEP_BATCH]
        )
        return _remove(due, now=now)


def pending() -> int:
    """Files still waiting to be removed (storage failed on them)."""
    return FileRemoval.objects.count()


def _remove(removals: list[FileRemoval], *, now: datetime.datetime) -> int:
    removed, failed = [], []
    for removal in removals:
        try:
            private_storage.delete(removal.path)
        except STORAGE_ERRORS as error:
            removal.last_error = f"{type(error).__name__}: {error}"[:500]
            removal.attempts += 1
            removal.next_attempt_at = now + retry_wait(removal.attempts)
            failed.append(removal)
        else:
            removed.append(removal.pk)
    if failed:
        FileRemoval.objects.bulk_update(failed, ["attempts", "next_attempt_at", "last_error"])
        logger.warning(
            "Private storage could not remove %s file(s); trying again from %s.",
            len(failed),
            min(removal.next_attempt_at for removal in failed).isoformat(),
        )
    FileRemoval.objects.filter(pk__in=removed).delete()
    return len(removed)


def on_sweep(sender: object, **kwargs: object) -> None:
    """The worker's sweep (``portal.signals.sweep``): the removals that are due."""
    removed = sweep()
    if removed:
        logger.info("Removed %s file(s) storage had failed to remove before.", removed)
