"""Delete attachments parked by ticket forms that were never sent.

A file uploaded on step 3 waits in private storage until the ticket is sent (then the ticket
keeps its own copy) or the form is cleared. Forms abandoned halfway leave their files behind;
run this daily (cron, or a scheduler calling it) to delete those older than the session lifetime.
It also forgets consultation links that expired more than a day ago, expired sessions (Django's
``clearsessions``), so half-filled forms don't pile up in the session table, and e-mails of the
outbox done with for longer than its retention (``portal.outbox.RETENTION``). Last, it retries the
removals storage failed on (``tickets.removals``; the worker does too) and says how many are left.
"""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal import outbox
from tickets import removals
from tickets.models import private_storage
from tickets.services import lookup_tokens_purge

DRAFTS = "rascunhos"


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-hours",
            type=float,
            default=settings.SESSION_COOKIE_AGE / 3600,
            help="Only files older than this (default: the session lifetime).",
        )

    def handle(self, *args, older_than_hours, **options):
        cutoff = timezone.now() - datetime.timedelta(hours=older_than_hours)
        deleted = self._purge(DRAFTS, cutoff)
        self.stdout.write(f"{deleted} abandoned draft attachment(s) deleted.")
        links = lookup_tokens_purge(older_than=timezone.now() - datetime.timedelta(days=1))
        self.stdout.write(f"{links} expired consultation link(s) deleted.")
        call_command("clearsessions")
        self.stdout.write("Expired sessions deleted.")
        self.stdout.write(f"{outbox.purge()} old e-mail(s) deleted from the outbox.")
        removed = removals.sweep()
        self.stdout.write(
            f"{removed} file(s) removed that storage had failed to remove; {removals.pending()} still waiting."
        )

    def _purge(self, folder: str, cutoff) -> int:
        if not private_storage.exists(folder):
            return 0
        deleted = 0
        folders, files = private_storage.listdir(folder)
        for name in files:
            path = f"{folder}/{name}"
            if private_storage.get_modified_time(path) < cutoff:
                private_storage.delete(path)
                deleted += 1
        for name in folders:
            deleted += self._purge(f"{folder}/{name}", cutoff)
        return deleted
