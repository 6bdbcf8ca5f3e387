from django.urls import path, register_converter

from consent import views


class CnpjConverter:
    """A company's CNPJ as stored: 14 characters, letters allowed in the root (alphanumeric CNPJ)."""

    regex = r"[0-9A-Za-z]{14}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value


register_converter(CnpjConverter, "consent_cnpj")

app_name = "consent"

urlpatterns = [
    path("", views.consent_list, name="list"),
    path("<consent_cnpj:cnpj>/historico/", views.consent_history, name="history"),
    path("<consent_cnpj:cnpj>/historico.csv", views.consent_history_csv, name="history_csv"),
    path("<consent_cnpj:cnpj>/<slug:slug>/conceder/", views.consent_grant, name="grant"),
    path("<consent_cnpj:cnpj>/<slug:slug>/revogar/", views.consent_revoke, name="revoke"),
]
