import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from billing.models import BoletoIssue, Invoice
from billing.services import boleto_issue
from tests.billing.factories import InvoiceFactory
from tests.factories import ContractFactory, UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"


@pytest.fixture
def staff(client):
    return staff_client(UserFactory(is_staff=True, is_superuser=True))


def test_staff_list_invoices_and_see_the_issued_boletos(staff):
    invoice = InvoiceFactory(number="FAT-ADMIN", overdue=True)
    boleto_issue(invoice=invoice, user=UserFactory())
    assert "FAT-ADMIN" in staff.get("/admin/billing/invoice/").content.decode()
    html = staff.get(f"/admin/billing/invoice/{invoice.pk}/change/").content.decode()
    assert BoletoIssue.objects.get().digitable_line in html
    assert staff.get("/admin/billing/boletoissue/").status_code == 200
    assert staff.get("/admin/billing/boletoissue/add/").status_code == 403


def test_staff_create_an_invoice_with_its_nota_fiscal_and_download_it(staff):
    contract = ContractFactory()
    response = staff.post(
        "/admin/billing/invoice/add/",
        {
            "contract": contract.pk,
            "number": "FAT-NOVA",
            "period": "2026-10-01",
            "issue_date": "2026-10-05",
            "due_date": "2026-10-20",
            "amount": "1500.00",
            "status": "aberta",
            "late_fee_percent": "2.00",
            "monthly_interest_percent": "1.00",
            "nota_fiscal": SimpleUploadedFile("nf.pdf", PDF, content_type="application/pdf"),
            "boleto_issues-TOTAL_FORMS": "0",
            "boleto_issues-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    invoice = Invoice.objects.get(number="FAT-NOVA")
    assert invoice.nota_fiscal.name.startswith("notas-fiscais/2026/10/")
    download = staff.get(f"/admin/billing/invoice/{invoice.pk}/nota-fiscal/")
    assert download["Content-Disposition"].startswith("attachment;")


def test_a_period_that_is_not_the_first_of_the_month_is_refused(staff):
    response = staff.post(
        "/admin/billing/invoice/add/",
        {
            "contract": ContractFactory().pk,
            "number": "FAT-ERRADA",
            "period": "2026-10-15",
            "issue_date": "2026-10-05",
            "due_date": "2026-10-20",
            "amount": "1500.00",
            "status": "aberta",
            "late_fee_percent": "2.00",
            "monthly_interest_percent": "1.00",
            "boleto_issues-TOTAL_FORMS": "0",
            "boleto_issues-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "A competência é o primeiro dia do mês." in response.content.decode()
