"""The background worker: django-tasks-db's ``db_worker``, riding out database outages, plus the outbox sweep.

Runs the tasks as ``db_worker`` does (same options), with two additions:

- when the database goes away (a restart, a fail-over), the worker waits and picks up where it
  was, instead of exiting and leaving every task queued until someone restarts it;
- in a second thread, every ``--sweep-interval`` seconds, ``portal.outbox.sweep``: tasks left
  RUNNING by a worker that died go back to the queue, and e-mails whose next attempt is due
  are queued; then ``portal.signals.sweep``, for the other apps' retries (private files storage
  failed to remove, ``tickets.removals``). Run as many workers as needed; the sweep is safe to
  run in all of them at once.
"""

import logging
import os
import threading
import time

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from portal import outbox, signals

logger = logging.getLogger(__name__)

#: How long to wait before trying the database again after it went away.
RECONNECT_SECONDS = 1.0


class ResilientWorker(Worker):
    """django-tasks-db's worker, which keeps going when the database drops instead of exiting."""

    def run(self) -> None:
        while True:
            try:
                super().run()
            except (OperationalError, InterfaceError):
                if not self.running:
                    return
                logger.warning("The database is unavailable; trying again shortly.", exc_info=True)
                connection.close()
                time.sleep(RECONNECT_SECONDS)
            else:
                return


def _sweep_forever(interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        close_old_connections()
        try:
            outbox.sweep()
            signals.sweep.send(sender=Command)
        except DatabaseError:
            # The database is away: keep going, the next round tries again.
            logger.warning("Outbox sweep skipped: the database is unavailable.", exc_info=True)
            connection.close()


class Command(DbWorkerCommand):
    help = "Run background tasks (e-mail, consultations) and the outbox sweep: retries and dead workers' tasks."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--sweep-interval",
            type=float,
            default=15.0,
            help="Seconds between two sweeps: the outbox, then the other apps' retries (default 15).",
        )

    def handle(  # type: ignore[override]  # the parent's options, plus --sweep-interval
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        sweep_interval: float,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        stop = threading.Event()
        sweeper = threading.Thread(target=_sweep_forever, args=(sweep_interval, stop), name="outbox-sweep", daemon=True)
        sweeper.start()
        try:
            if reload and not batch:
                if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                    worker.configure_signals()  # only the reloaded child handles signals
                run_with_reloader(worker.run)
            else:
                worker.configure_signals()
                worker.run()
        finally:
            stop.set()
