import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "pt-BR", "viewport": {"width": 1280, "height": 800}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached pages never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _portuguese_by_default():
    """Each test starts in the site's language, as each request does: a request in English made by an
    earlier test leaves English active in the thread, and translated fields (modeltranslation) then
    look up ``name`` in ``name_en``."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def empty_kept_html():
    """The stores of HTML rendered once (portal.kept_html: blank forms, the page shell) empty before and after."""
    from portal import kept_html

    kept_html.clear_all()
    yield
    kept_html.clear_all()


class StorageFault:
    """Private storage that fails as a full disk does, until told to recover (``broken = False``).

    With ``writes_partly``, a save writes the file's first bytes before failing, as a disk that
    fills up during the write leaves them; ``deletes_fail = False`` lets removals through, as a full
    disk does."""

    def __init__(self, location):
        from django.core.files.storage import FileSystemStorage

        outer = self

        class FailingStorage(FileSystemStorage):
            def _save(self, name, content):
                if outer.broken and outer.writes_partly:
                    Path(self.path(name)).parent.mkdir(parents=True, exist_ok=True)
                    with open(self.path(name), "xb") as partial:
                        partial.write(next(iter(content.chunks()))[:8])
                if outer.broken:
                    raise OSError(28, "No space left on device")
                return super()._save(name, content)

            def _open(self, name, mode="rb"):
                if outer.broken and outer.reads_fail:
                    raise OSError(5, "Input/output error")
                return super()._open(name, mode)

            def delete(self, name):
                if outer.broken and outer.deletes_fail:
                    raise OSError(5, "Input/output error")
                return super().delete(name)

        self.broken = True
        self.reads_fail = True
        self.writes_partly = False
        self.deletes_fail = True
        self.storage = FailingStorage(location=location)


@pytest.fixture
def storage_fault(tmp_path):
    """Attachments go to a storage that refuses to write (and read) until ``storage_fault.broken = False``."""
    from django.utils.functional import empty

    from tickets.models import private_storage

    fault = StorageFault(tmp_path)
    fault.broken = False
    private_storage._wrapped = fault.storage
    yield fault
    private_storage._wrapped = empty
