"""Dates in each language's own style; in Portuguese the month in lower case, as Brazilians write it."""

import datetime

import pytest
from django.utils import formats, translation

MOMENT = datetime.datetime(2026, 11, 29, 14, 30)


@pytest.mark.parametrize(
    ("language", "date", "date_time"),
    [
        ("pt-br", "29 de novembro de 2026", "29 de novembro de 2026, 14:30"),
        ("es", "29 de noviembre de 2026", None),
        ("en", "Nov. 29, 2026", None),
    ],
)
def test_long_dates_follow_each_languages_style(language, date, date_time):
    with translation.override(language):
        assert formats.date_format(MOMENT) == date
        if date_time:
            assert formats.date_format(MOMENT, "DATETIME_FORMAT") == date_time


def test_short_dates_stay_day_month_year_in_portuguese():
    with translation.override("pt-br"):
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "29/11/2026 14:30"
        assert formats.date_format(MOMENT, "MONTH_DAY_FORMAT") == "29 de novembro"
        assert formats.date_format(MOMENT, "YEAR_MONTH_FORMAT") == "novembro de 2026"


@pytest.mark.django_db
def test_the_admins_blank_choice_is_in_portuguese():
    from tests.factories import UserFactory
    from tests.two_factor import staff_client

    client = staff_client(UserFactory(is_staff=True, is_superuser=True, cpf=None))
    html = client.get("/admin/tickets/ticketform/add/").content.decode()
    assert "— Escolha uma opção —" in html
    assert "Select an option" not in html
