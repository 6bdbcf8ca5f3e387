import csv
import io

import pytest
from django.utils import timezone

from tests.factories import ContractFactory, MembershipFactory, ProductFactory, UserFactory
from tests.usage.factories import UsageAllowanceFactory, UsageRecordFactory
from usage.selectors import add_months

pytestmark = pytest.mark.django_db


@pytest.fixture
def gestor_client(client):
    user = UserFactory()
    contract = ContractFactory(number="CT-2025/00431", product=ProductFactory(name="Consulta Dívida Ativa"))
    MembershipFactory(user=user, organization=contract.organization, role="gestor")
    UsageAllowanceFactory(contract=contract, unit='=HYPERLINK("http://x.example","clique")', monthly_quantity=100)
    month = timezone.localdate().replace(day=1)
    UsageRecordFactory(contract=contract, day=month, quantity=150)
    UsageRecordFactory(contract=contract, day=add_months(month, -12), quantity=120)
    client.force_login(user)
    return client


def test_csv_follows_brazilian_spreadsheet_conventions(gestor_client):
    response = gestor_client.get("/consumo/csv/?contrato=CT-2025/00431&meses=12")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'attachment; filename="consumo-CT-2025-00431-12-meses.csv"'
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Contrato", "Produto", "Empresa", "Mês", "Consumo"]
    assert len(rows) == 13
    current = rows[-1]
    assert current[0] == "CT-2025/00431"
    assert current[1] == "Consulta Dívida Ativa"
    assert current[3] == timezone.localdate().strftime("%m/%Y")
    assert current[4] == "150"
    assert current[6:] == ["120", "25,0", "100", "Sim"]


def test_csv_neutralises_formulas_in_labels(gestor_client):
    text = gestor_client.get("/consumo/csv/").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert all(row[5] == '\'=HYPERLINK("http://x.example","clique")' for row in rows[1:])
