"""Dates as Brazilians write them: "29 de novembro de 2026", the month in lower case.

Django's pt_BR formats use ``F`` (the month's name, capitalised in its catalog). These use
``E``, the month's "alternative" name, which locale/pt_BR gives in lower case. The rest is
Django's.
"""

from django.conf.locale.pt_BR.formats import *  # noqa: F403

DATE_FORMAT = r"j \d\e E \d\e Y"
DATETIME_FORMAT = r"j \d\e E \d\e Y, H:i"
YEAR_MONTH_FORMAT = r"E \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e E"
