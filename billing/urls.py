from django.urls import path, register_converter

from billing import views
from billing.models import INVOICE_NUMBER_PATTERN


class InvoiceNumberConverter:
    regex = INVOICE_NUMBER_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(InvoiceNumberConverter, "invoice_number")

app_name = "billing"

urlpatterns = [
    path("", views.invoice_list, name="list"),
    path("<invoice_number:number>/nota-fiscal/", views.nota_fiscal, name="nota_fiscal"),
    path("<invoice_number:number>/segunda-via/", views.reissue, name="reissue"),
    path("<invoice_number:number>/segunda-via.pdf", views.reissue_pdf, name="reissue_pdf"),
    path("<invoice_number:number>/ajuda/", views.ask_for_help, name="help"),
]
