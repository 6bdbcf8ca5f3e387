"""Files removed for good: recorded with the change, removed after the commit, retried while storage fails."""

import datetime
import os

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from portal import signals
from tests.factories import AttachmentFactory, TicketFactory, UserFactory
from tickets import removals, services
from tickets.models import FileRemoval

pytestmark = pytest.mark.django_db

CPF = "52998224725"


@pytest.fixture
def kept_file(storage_fault):
    """A customer's attachment, really in (the test's) private storage."""
    attachment = AttachmentFactory(ticket=TicketFactory(requester_cpf=CPF))
    path = storage_fault.storage.path(attachment.file.name)
    assert os.path.exists(path)
    return attachment, path


def _anonymise(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.requester_anonymise(CPF, user=UserFactory(is_staff=True))


def test_anonymising_removes_the_files_at_once_and_leaves_nothing_to_retry(
    kept_file, django_capture_on_commit_callbacks
):
    attachment, path = kept_file
    assert _anonymise(django_capture_on_commit_callbacks) == 1
    assert not os.path.exists(path)
    assert not FileRemoval.objects.exists()


def test_anonymising_while_storage_fails_keeps_the_removal_and_a_later_sweep_removes_the_file(
    kept_file, storage_fault, django_capture_on_commit_callbacks
):
    attachment, path = kept_file
    storage_fault.broken = True
    before = timezone.now()
    assert _anonymise(django_capture_on_commit_callbacks) == 1
    attachment.ticket.refresh_from_db()
    assert attachment.ticket.anonymised_at is not None
    assert not attachment.ticket.attachments.exists()
    assert os.path.exists(path)  # storage refused: the file is still there...
    removal = FileRemoval.objects.get()  # ...and so is the order to remove it
    assert removal.path == attachment.file.name
    assert removal.attempts == 1
    assert "Input/output error" in removal.last_error
    assert (
        before + datetime.timedelta(minutes=1)
        <= removal.next_attempt_at
        <= timezone.now() + datetime.timedelta(minutes=1)
    )

    assert removals.sweep() == 0  # not due yet: nothing tried
    assert FileRemoval.objects.get().attempts == 1
    storage_fault.broken = False
    assert removals.sweep(now=timezone.now() + datetime.timedelta(minutes=2)) == 1
    assert not os.path.exists(path)
    assert not FileRemoval.objects.exists()


def test_a_failing_removal_waits_longer_each_time_then_every_hour(storage_fault):
    storage_fault.broken = True
    now = timezone.now()
    FileRemoval.objects.create(path="anexos/2026/11/falha", next_attempt_at=now)
    waits = []
    for _attempt in range(5):
        assert removals.sweep(now=now) == 0
        removal = FileRemoval.objects.get()
        waits.append(removal.next_attempt_at - now)
        now = removal.next_attempt_at
    minutes = [wait / datetime.timedelta(minutes=1) for wait in waits]
    assert minutes == [1, 5, 30, 60, 60]
    assert FileRemoval.objects.get().attempts == 5


def test_a_rolled_back_change_removes_nothing(kept_file, django_capture_on_commit_callbacks):
    attachment, path = kept_file

    def failing_change():
        with transaction.atomic():
            removals.remove_after_commit([attachment.file.name])
            raise RuntimeError("the change failed")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        failing_change()
    assert callbacks == []
    assert os.path.exists(path)
    assert not FileRemoval.objects.exists()


def test_a_file_already_gone_counts_as_removed(storage_fault):
    FileRemoval.objects.create(path="anexos/2026/11/ja-removido")
    assert removals.sweep() == 1
    assert not FileRemoval.objects.exists()


def test_the_workers_sweep_retries_the_due_removals(kept_file, storage_fault):
    attachment, path = kept_file
    FileRemoval.objects.create(path=attachment.file.name, attempts=2, next_attempt_at=timezone.now())
    FileRemoval.objects.create(
        path="anexos/2026/11/mais-tarde", next_attempt_at=timezone.now() + datetime.timedelta(hours=1)
    )
    signals.sweep.send(sender=None)
    assert not os.path.exists(path)
    assert list(FileRemoval.objects.values_list("path", flat=True)) == ["anexos/2026/11/mais-tarde"]


def test_the_daily_command_retries_the_removals_and_says_how_many_wait(kept_file, storage_fault, capsys):
    attachment, path = kept_file
    FileRemoval.objects.create(path=attachment.file.name, next_attempt_at=timezone.now())
    FileRemoval.objects.create(
        path="anexos/2026/11/mais-tarde", next_attempt_at=timezone.now() + datetime.timedelta(hours=1)
    )
    call_command("purge_ticket_drafts")
    assert "1 file(s) removed that storage had failed to remove; 1 still waiting." in capsys.readouterr().out
    assert not os.path.exists(path)
