import datetime

from django.urls import path, register_converter

import contracts.urls  # noqa: F401  (registers the "contract_number" converter)
from attestation import views


class PeriodConverter:
    """A billing period as its month, 2026-10, read as the month's first day."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        return datetime.date(int(value[:4]), int(value[5:]), 1)  # a ValueError (month 13) is a 404

    def to_url(self, value: datetime.date) -> str:
        return f"{value:%Y-%m}"


register_converter(PeriodConverter, "attestation_period")

app_name = "attestation"

urlpatterns = [
    path("", views.attestation_list, name="list"),
    path("<contract_number:number>/<attestation_period:period>/", views.period_detail, name="period"),
    path("<contract_number:number>/<attestation_period:period>/atestar/", views.attest, name="attest"),
    path("<contract_number:number>/<attestation_period:period>/contestar/", views.contest, name="contest"),
]
