"""Forget the API's bearer tokens that have expired.

A token lasts 30 minutes (``credentials.services.TOKEN_LIFETIME``); an expired one is refused
already, so this only keeps the table small. Run it daily, next to ``purge_ticket_drafts``.
"""

from django.core.management.base import BaseCommand

from credentials.services import tokens_purge


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]

    def handle(self, *args, **options):
        deleted = tokens_purge()
        self.stdout.write(f"{deleted} expired API token(s) deleted.")
