"""Forget the customer API's idempotency records older than 24 hours.

An expired record is already ignored (the key may be used again); this only keeps the table
small. Run it daily, next to ``purge_api_tokens``.
"""

from django.core.management.base import BaseCommand

from api.idempotency import purge


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]

    def handle(self, *args, **options):
        deleted = purge()
        self.stdout.write(f"{deleted} expired idempotency record(s) deleted.")
