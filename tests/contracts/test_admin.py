import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contracts.models import ContractDocument
from tests.contracts.factories import ContractDocumentFactory
from tests.factories import ContractFactory, UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_2fa():
    return staff_client(UserFactory(is_staff=True, is_superuser=True))


def test_staff_edit_value_gestor_fiscal_and_documents_on_the_contract_page(admin_client_2fa):
    contract = ContractFactory(monthly_value=Decimal("1500.00"))
    ContractDocumentFactory(contract=contract, title="Contrato assinado")
    html = admin_client_2fa.get(f"/admin/portal/contract/{contract.pk}/change/").content.decode()
    for field in ["monthly_value", "value_is_estimate", "manager_name", "fiscal_name"]:
        assert f'name="{field}"' in html
    assert "Contrato assinado" in html
    assert "documents-TOTAL_FORMS" in html


def test_contract_document_admin_lists_documents(admin_client_2fa):
    ContractDocumentFactory(title="1º Termo Aditivo", kind="aditivo")
    response = admin_client_2fa.get("/admin/contracts/contractdocument/")
    assert response.status_code == 200
    assert "1º Termo Aditivo" in response.content.decode()


def test_staff_upload_a_document_checked_by_content_with_its_name_kept(admin_client_2fa):
    contract = ContractFactory()
    response = admin_client_2fa.post(
        "/admin/contracts/contractdocument/add/",
        {
            "contract": contract.pk,
            "kind": "aditivo",
            "title": "2º Termo Aditivo",
            "date": "2026-06-01",
            "file": SimpleUploadedFile("../aditivo 2.pdf", b"%PDF-1.4\n%%EOF\n", content_type="text/html"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = ContractDocument.objects.get()
    assert document.original_name == "aditivo 2.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == 15
    assert document.date == datetime.date(2026, 6, 1)
    assert document.file.name.startswith("contratos/2026/")
    assert "aditivo" not in document.file.name


def test_staff_cannot_upload_a_page_disguised_as_a_pdf(admin_client_2fa):
    contract = ContractFactory()
    response = admin_client_2fa.post(
        "/admin/contracts/contractdocument/add/",
        {
            "contract": contract.pk,
            "kind": "contrato",
            "title": "Contrato",
            "date": "2026-06-01",
            "file": SimpleUploadedFile("contrato.pdf", b"<html><script>alert(1)</script></html>"),
        },
    )
    assert response.status_code == 200
    assert "não é de um tipo aceito" in response.content.decode()
    assert not ContractDocument.objects.exists()


def test_staff_download_a_stored_document_from_the_admin(admin_client_2fa):
    document = ContractDocumentFactory(original_name="contrato.pdf")
    html = admin_client_2fa.get(f"/admin/contracts/contractdocument/{document.pk}/change/").content.decode()
    url = f"/admin/contracts/contractdocument/{document.pk}/arquivo/"
    assert f'href="{url}"' in html
    response = admin_client_2fa.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")


def test_people_without_staff_rights_cannot_download_from_the_admin(client):
    document = ContractDocumentFactory()
    client.force_login(UserFactory())
    response = client.get(f"/admin/contracts/contractdocument/{document.pk}/arquivo/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_without_document_permission_get_404_from_the_admin_download():
    document = ContractDocumentFactory()
    client = staff_client(UserFactory(is_staff=True))
    assert client.get(f"/admin/contracts/contractdocument/{document.pk}/arquivo/").status_code in (403, 404)
