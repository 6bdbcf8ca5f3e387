import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from tickets.models import private_storage


@pytest.fixture
def drafts():
    old = private_storage.save("rascunhos/2026/01/01/antigo", ContentFile(b"x"))
    new = private_storage.save("rascunhos/2026/01/02/recente", ContentFile(b"x"))
    kept = private_storage.save("anexos/2026/01/do-ticket", ContentFile(b"x"))
    two_days_ago = time.time() - 48 * 3600
    os.utime(private_storage.path(old), (two_days_ago, two_days_ago))
    yield old, new, kept
    for path in (old, new, kept):
        private_storage.delete(path)


@pytest.mark.django_db
def test_abandoned_drafts_are_deleted_and_recent_ones_and_ticket_files_kept(drafts):
    old, new, kept = drafts
    out = io.StringIO()
    call_command("purge_ticket_drafts", "--older-than-hours", "24", stdout=out)
    assert not private_storage.exists(old)
    assert private_storage.exists(new)
    assert private_storage.exists(kept)
    assert "1 abandoned" in out.getvalue()


@pytest.mark.django_db
def test_expired_sessions_are_cleared_and_live_ones_kept():
    import datetime

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    expired, live = SessionStore(), SessionStore()
    for session in (expired, live):
        session["ticket_form:datavalid"] = {"data": {}}
        session.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("purge_ticket_drafts", stdout=io.StringIO())
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
