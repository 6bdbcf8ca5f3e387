import datetime
import re

import pytest
from django.utils import timezone

from tests.budgets import max_queries
from tests.factories import ContractFactory, MembershipFactory, OrganizationFactory, ProductFactory, UserFactory
from tests.usage.factories import UsageAllowanceFactory, UsageRecordFactory
from usage.selectors import add_months

pytestmark = pytest.mark.django_db


def this_month() -> datetime.date:
    return timezone.localdate().replace(day=1)


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.")


@pytest.fixture
def membro(company):
    user = UserFactory(name="Bruno Lima")
    MembershipFactory(user=user, organization=company, role="membro")
    return user


@pytest.fixture
def signed_in(client, membro):
    client.force_login(membro)
    return client


@pytest.fixture
def contract(company):
    contract = ContractFactory(
        organization=company, number="CT-2024/00112", product=ProductFactory(name="Consulta CPF")
    )
    UsageAllowanceFactory(contract=contract, unit="consultas", monthly_quantity=1000)
    return contract


def _row(html: str, month_label: str) -> str:
    match = re.search(rf"<tr[^>]*>\s*<th scope=\"row\">{month_label}(?:<br>.*?)?</th>(.*?)</tr>", html, re.S)
    assert match, month_label
    return match.group(1)


def test_consumo_requires_login(client):
    response = client.get("/consumo/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def test_a_membro_sees_monthly_sums_of_the_companys_contract(signed_in, contract):
    month = this_month()
    UsageRecordFactory(contract=contract, day=month, quantity=300)
    UsageRecordFactory(contract=contract, day=month + datetime.timedelta(days=1), quantity=450)
    last = add_months(month, -1)
    UsageRecordFactory(contract=contract, day=last + datetime.timedelta(days=27), quantity=1_234)
    html = signed_in.get("/consumo/").content.decode()
    assert "CT-2024/00112 — Consulta CPF" in html
    assert 'aria-current="page">Consultar Consumo<' in html
    from django.utils.formats import date_format

    assert ">750<" in _row(html, date_format(month, "YEAR_MONTH_FORMAT"))
    assert "1.234" in _row(html, date_format(last, "YEAR_MONTH_FORMAT"))
    assert "Total do período" in html
    assert "1.984 consultas" in html


def test_each_month_is_compared_with_the_same_month_of_the_previous_year(signed_in, contract):
    from django.utils.formats import date_format

    month = this_month()
    UsageRecordFactory(contract=contract, day=month, quantity=900)
    UsageRecordFactory(contract=contract, day=add_months(month, -12), quantity=600)
    UsageRecordFactory(contract=contract, day=add_months(month, -13), quantity=999)  # not in any compared month
    row = _row(signed_in.get("/consumo/").content.decode(), date_format(month, "YEAR_MONTH_FORMAT"))
    assert re.findall(r'<td class="usage-num">([^<]*)', row) == ["900", "600", "+50,0%"]


def test_a_month_without_last_years_usage_has_no_variation(signed_in, contract):
    from django.utils.formats import date_format

    UsageRecordFactory(contract=contract, day=this_month(), quantity=10)
    row = _row(signed_in.get("/consumo/").content.decode(), date_format(this_month(), "YEAR_MONTH_FORMAT"))
    assert "sem comparação" in row


def test_usage_above_the_monthly_allowance_is_marked_in_words(signed_in, contract):
    from django.utils.formats import date_format

    month = this_month()
    UsageRecordFactory(contract=contract, day=month, quantity=1_001)
    UsageRecordFactory(contract=contract, day=add_months(month, -1), quantity=1_000)
    html = signed_in.get("/consumo/").content.decode()
    over = _row(html, date_format(month, "YEAR_MONTH_FORMAT"))
    within = _row(html, date_format(add_months(month, -1), "YEAR_MONTH_FORMAT"))
    assert "acima da franquia" in over
    assert "acima da franquia" not in within
    assert '<tr class="usage-over">' in html
    assert html.count('class="usage-bar usage-bar--over"') == 1
    assert "1.001 consultas — acima da franquia</title>" in html


def test_the_period_selector_shows_12_or_24_months(signed_in, contract):
    html12 = signed_in.get("/consumo/").content.decode()
    html24 = signed_in.get("/consumo/?meses=24").content.decode()
    assert html12.count('<th scope="row">') == 12
    assert html24.count('<th scope="row">') == 24
    assert '<option value="24" selected>' in html24
    assert signed_in.get("/consumo/?meses=999").content.decode().count('<th scope="row">') == 12


def test_the_chart_is_an_accessible_svg_that_scales(signed_in, contract):
    UsageRecordFactory(contract=contract, day=this_month(), quantity=500)
    html = signed_in.get("/consumo/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    pk = contract.pk
    assert f'role="img" aria-labelledby="grafico-{pk}-titulo grafico-{pk}-descricao"' in svg
    assert 'viewBox="0 0 640 320"' in svg
    assert f'<title id="grafico-{pk}-titulo">Consumo mensal do contrato CT-2024/00112</title>' in svg
    assert f'<desc id="grafico-{pk}-descricao">' in svg
    assert "Os mesmos números estão na tabela" in svg
    assert "Quantidade (consultas)" in svg
    assert ">Mês</text>" in svg
    assert svg.count("<rect ") == 24  # this month and last year's, for each of 12 months
    assert svg.count("<title>") == 24
    assert "style=" not in html
    assert " fill=" not in svg
    assert '<th scope="col">Mês</th>' in html
    assert "<caption" in html


def test_another_companys_contract_is_not_found(signed_in, contract):
    other = ContractFactory(number="CT-OUTRA/1")
    UsageRecordFactory(contract=other, day=this_month(), quantity=777)
    assert signed_in.get("/consumo/?contrato=CT-OUTRA/1").status_code == 404
    assert signed_in.get("/consumo/csv/?contrato=CT-OUTRA/1").status_code == 404
    assert signed_in.get("/consumo/?contrato=NAO-EXISTE").status_code == 404
    html = signed_in.get("/consumo/").content.decode()
    assert "CT-OUTRA/1" not in html
    assert "777" not in html


def test_the_contract_filter_shows_only_that_contract(signed_in, contract, company):
    ContractFactory(organization=company, number="CT-2024/00113", product=ProductFactory(name="Datavalid"))
    html = signed_in.get("/consumo/?contrato=CT-2024/00113").content.decode()
    assert "CT-2024/00113 — Datavalid</h2>" in html
    assert "CT-2024/00112 — Consulta CPF</h2>" not in html
    assert '<option value="CT-2024/00112">' in html  # still offered in the filter


def test_without_contracts_the_page_says_so(client):
    client.force_login(UserFactory())
    html = client.get("/consumo/").content.decode()
    assert "Nenhum contrato das suas empresas aparece aqui" in html
    assert "Baixar CSV" not in html


@pytest.mark.parametrize("rows", [1, 30])
def test_consumo_query_budget_is_flat(signed_in, company, rows):
    for index in range(rows):
        contract = ContractFactory(organization=company)
        UsageAllowanceFactory(contract=contract)
        for day in range(3):
            UsageRecordFactory(contract=contract, day=this_month() - datetime.timedelta(days=40 * day), quantity=index)
    # session + user, contracts (with their allowances), the monthly sums
    with max_queries(4):
        assert signed_in.get("/consumo/?meses=24").status_code == 200
    with max_queries(4):
        assert signed_in.get("/consumo/csv/?meses=24").status_code == 200


def test_a_person_in_two_companies_sees_the_contracts_of_both_and_a_gestor_sees_the_same(client, contract, company):
    second = ContractFactory(number="CT-2025/00999")
    gestor = UserFactory()
    MembershipFactory(user=gestor, organization=company, role="gestor")
    MembershipFactory(user=gestor, organization=second.organization, role="membro")
    client.force_login(gestor)
    html = client.get("/consumo/").content.decode()
    assert "CT-2024/00112 — Consulta CPF</h2>" in html
    assert f"CT-2025/00999 — {second.product.name}</h2>" in html
    assert client.get("/consumo/?contrato=CT-2025/00999").status_code == 200
