"""The background worker: django-tasks-db's ``db_worker``, plus the outbox sweep beside it.

Runs the tasks as ``db_worker`` does (same options), and in a second thread, every
``--sweep-interval`` seconds, ``portal.outbox.sweep``: tasks left RUNNING by a worker that died
go back to the queue, and e-mails whose next attempt is due are queued. Run as many workers as
needed; the sweep is safe to run in all of them at once.
"""

import logging
import threading

from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from portal import outbox

logger = logging.getLogger(__name__)


def _sweep_forever(interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        close_old_connections()
        try:
            outbox.sweep()
        except DatabaseError:
            # The database is away: keep going, the next round tries again.
            logger.warning("Outbox sweep skipped: the database is unavailable.", exc_info=True)
            connection.close()


class Command(DbWorkerCommand):
    help = "Run background tasks (e-mail, consultations) and the outbox sweep: retries and dead workers' tasks."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--sweep-interval", type=float, default=15.0, help="Seconds between two outbox sweeps (default 15)."
        )

    def handle(self, *args, sweep_interval: float, **options) -> None:
        stop = threading.Event()
        sweeper = threading.Thread(target=_sweep_forever, args=(sweep_interval, stop), name="outbox-sweep", daemon=True)
        sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
