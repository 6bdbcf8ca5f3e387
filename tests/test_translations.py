"""Every string of the interface is translated into English and Spanish."""

import os

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

SOURCES = [
    "helpcenter",
    "portal",
    "tickets",
    "staff",
    "consent",
    "contracts",
    "billing",
    "usage",
    "attestation",
    "contacts",
    "certificates",
    "credentials",
    "api",
    "support",
    "templates",
]
LANGUAGES = ["en", "es"]


@pytest.fixture
def fresh_catalogs(tmp_path, settings):
    """The committed catalogs, updated with the strings the code has now (the repo is not touched)."""
    for name in SOURCES:
        (tmp_path / name).symlink_to(settings.BASE_DIR / name)
    for language in LANGUAGES:
        target = tmp_path / "locale" / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        (target / "django.po").write_bytes(
            (settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po").read_bytes()
        )
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command("makemessages", locale=LANGUAGES, symlinks=True, no_location=True, verbosity=0)
    finally:
        os.chdir(cwd)
    return {
        language: polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        for language in LANGUAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(fresh_catalogs, language):
    catalog = fresh_catalogs[language]
    missing = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert (missing, fuzzy) == ([], []), f"run makemessages and translate locale/{language}"
    assert len(catalog.translated_entries()) > 50


def test_committed_catalogs_have_no_stale_entries():
    for language in LANGUAGES:
        catalog = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
        assert catalog.obsolete_entries() == [], language
