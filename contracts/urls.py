from django.urls import path, register_converter

from contracts import views
from portal.models import CONTRACT_NUMBER_PATTERN


class ContractNumberConverter:
    """A contract number as it is written, slash included: /contratos/CT-2026/00001/."""

    regex = CONTRACT_NUMBER_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ContractNumberConverter, "contract_number")

app_name = "contracts"

urlpatterns = [
    path("", views.contract_list, name="list"),
    path("<contract_number:number>/", views.contract_detail, name="detail"),
    path("<contract_number:number>/documentos/<int:pk>/", views.document_download, name="document"),
]
