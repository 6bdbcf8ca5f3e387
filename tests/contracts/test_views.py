import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from contracts.selectors import contract_list, days_to_renewal
from portal.models import Contract
from tests.budgets import max_queries
from tests.contracts.factories import ContractDocumentFactory
from tests.factories import (
    ContractFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")


@pytest.fixture
def other_company():
    return OrganizationFactory(legal_name="Cooperativa Vale Verde", trade_name="Vale Verde")


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor").user


@pytest.fixture
def membro(company):
    return MembershipFactory(organization=company, role="membro").user


@pytest.fixture
def signed_in(client, membro):
    client.force_login(membro)
    return client


# The list ------------------------------------------------------------------------------------------


def test_meus_contratos_requires_login(client):
    response = client.get("/contratos/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


@pytest.mark.parametrize("role", ["gestor", "membro"])
def test_gestor_and_membro_see_their_companys_contracts_and_not_others(client, company, other_company, role):
    person = MembershipFactory(organization=company, role=role).user
    ContractFactory(organization=company, number="CT-2026/00001", product=ProductFactory(name="Datavalid"))
    ContractFactory(organization=other_company, number="CT-2026/00002", product=ProductFactory(name="Biovalid"))
    client.force_login(person)
    html = client.get("/contratos/").content.decode()
    assert "CT-2026/00001" in html
    assert "Datavalid" in html
    assert "CT-2026/00002" not in html
    assert "Biovalid" not in html
    assert 'aria-current="page">Meus Contratos<' in html


def test_a_person_of_two_companies_sees_both_and_can_filter_by_company(client, company, other_company):
    person = MembershipFactory(organization=company).user
    MembershipFactory(organization=other_company, user=person, role="gestor")
    ContractFactory(organization=company, number="CT-2026/00001")
    ContractFactory(organization=other_company, number="CT-2026/00002")
    client.force_login(person)
    html = client.get("/contratos/").content.decode()
    assert "CT-2026/00001" in html
    assert "CT-2026/00002" in html
    assert "Vale Verde" in html  # the company is shown when there are several

    html = client.get("/contratos/", {"empresa": other_company.cnpj}).content.decode()
    assert "CT-2026/00001" not in html
    assert "CT-2026/00002" in html


def test_company_filter_cannot_reach_a_company_the_person_does_not_belong_to(signed_in, company, other_company):
    ContractFactory(organization=company, number="CT-2026/00001")
    ContractFactory(organization=other_company, number="CT-2026/00002")
    html = signed_in.get("/contratos/", {"empresa": other_company.cnpj}).content.decode()
    assert "CT-2026/00002" not in html


def test_list_filters_by_status(signed_in, company):
    ContractFactory(organization=company, number="CT-2026/00001", status="ativo")
    ContractFactory(organization=company, number="CT-2026/00002", status="suspenso")
    ContractFactory(
        organization=company,
        number="CT-2022/00003",
        status="encerrado",
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    html = signed_in.get("/contratos/", {"situacao": "suspenso"}).content.decode()
    assert "CT-2026/00002" in html
    assert "CT-2026/00001" not in html
    assert "CT-2022/00003" not in html
    assert "Limpar filtros" in html

    html = signed_in.get("/contratos/", {"situacao": "encerrado"}).content.decode()
    assert "CT-2022/00003" in html
    assert "Encerrado" in html
    assert "CT-2026/00001" not in html


def test_an_unknown_filter_value_shows_every_contract(signed_in, company):
    ContractFactory(organization=company, number="CT-2026/00001")
    response = signed_in.get("/contratos/", {"situacao": "cancelado", "empresa": "x"})
    assert response.status_code == 200
    assert "CT-2026/00001" in response.content.decode()


def test_filtering_to_nothing_says_so_and_offers_every_contract(signed_in, company):
    ContractFactory(organization=company, status="ativo")
    html = signed_in.get("/contratos/", {"situacao": "suspenso"}).content.decode()
    assert "Nenhum contrato corresponde a esses filtros." in html


def test_without_contracts_the_page_points_to_support(signed_in):
    html = signed_in.get("/contratos/").content.decode()
    assert "Nenhum contrato das suas empresas" in html
    assert 'href="/suporte/"' in html


def test_list_shows_term_value_estimate_gestor_and_fiscal(signed_in, company):
    ContractFactory(
        organization=company,
        number="CT-2026/00001",
        start_date=datetime.date(2026, 1, 10),
        end_date=datetime.date(2028, 1, 9),
        monthly_value=Decimal("1234567.8"),
        value_is_estimate=True,
        manager_name="Ana Paula Souza",
        fiscal_name="Roberto Carvalho",
    )
    html = signed_in.get("/contratos/").content.decode()
    assert "10/01/2026" in html
    assert "09/01/2028" in html
    assert "R$\u00a01.234.567,80" in html
    assert "Valor mensal estimado" in html
    assert "Ana Paula Souza" in html
    assert "Roberto Carvalho" in html


def test_money_is_written_in_brazilian_reais_in_every_language(signed_in, company):
    ContractFactory(organization=company, monthly_value=Decimal("9876.5"))
    html = signed_in.get("/contratos/", headers={"accept-language": "en"}).content.decode()
    assert "R$\u00a09.876,50" in html


# Renewal ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "end_date", "expected"),
    [
        ("ativo", TODAY + datetime.timedelta(days=30), 30),
        ("ativo", TODAY + datetime.timedelta(days=90), 90),
        ("ativo", TODAY, 0),
        ("ativo", TODAY + datetime.timedelta(days=91), None),
        ("ativo", TODAY - datetime.timedelta(days=1), None),
        ("ativo", None, None),
        ("suspenso", TODAY + datetime.timedelta(days=30), None),
        ("encerrado", TODAY + datetime.timedelta(days=30), None),
    ],
)
def test_active_contracts_ending_within_90_days_count_down_to_renewal(status, end_date, expected):
    contract = ContractFactory.build(status=status, start_date=datetime.date(2025, 1, 1), end_date=end_date)
    assert days_to_renewal(contract, today=TODAY) == expected


def test_contract_list_counts_down_from_the_given_day(membro, company):
    ContractFactory(organization=company, start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2027, 1, 14))
    [row] = contract_list(membro, today=TODAY)
    assert row.expires_in == 45


def test_contracts_ending_soon_get_the_badge_and_the_renewal_faq_link(signed_in, company):
    ContractFactory(
        organization=company, number="CT-2026/00001", end_date=datetime.date.today() + datetime.timedelta(days=45)
    )
    ContractFactory(
        organization=company, number="CT-2026/00002", end_date=datetime.date.today() + datetime.timedelta(days=200)
    )
    html = signed_in.get("/contratos/").content.decode()
    assert html.count('class="renewal-badge"') == 1
    assert "Vence em 45 dias" in html
    assert 'href="/ajuda/duvidas/gestao-contratual/"' in html


# The detail page -------------------------------------------------------------------------------------


def test_detail_shows_the_contract_its_documents_and_related_links(signed_in, company):
    contract = ContractFactory(
        organization=company, number="CT-2026/00001", product=ProductFactory(name="Datavalid", slug="datavalid")
    )
    ContractDocumentFactory(contract=contract, title="Contrato assinado", date=datetime.date(2026, 1, 10))
    ContractDocumentFactory(contract=contract, kind="aditivo", title="1º Termo Aditivo", date=datetime.date(2026, 6, 1))
    assert contract.get_absolute_url() == "/contratos/CT-2026/00001/"
    html = signed_in.get("/contratos/CT-2026/00001/").content.decode()
    assert "Contrato CT-2026/00001" in html
    assert "Datavalid" in html
    assert 'href="/ajuda/produtos/datavalid/"' in html
    assert html.index("Contrato assinado") < html.index("1º Termo Aditivo")
    assert "Termo aditivo" in html
    assert 'href="/financeiro/?contrato=CT-2026%2F00001"' in html
    assert 'href="/consumo/?contrato=CT-2026%2F00001"' in html
    assert 'href="/chaves/?contrato=CT-2026%2F00001"' in html
    assert 'href="/suporte/"' in html
    assert 'aria-current="page">Meus Contratos<' in html


def test_detail_of_another_companys_contract_is_not_found(signed_in, other_company):
    ContractFactory(organization=other_company, number="CT-2026/00002")
    assert signed_in.get("/contratos/CT-2026/00002/").status_code == 404


def test_detail_of_an_unknown_contract_is_not_found(signed_in):
    assert signed_in.get("/contratos/CT-2026/99999/").status_code == 404


def test_detail_requires_login(client, company):
    ContractFactory(organization=company, number="CT-2026/00001")
    response = client.get("/contratos/CT-2026/00001/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


# Document downloads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["gestor", "membro"])
def test_people_of_the_company_download_a_document_as_an_attachment(client, company, role):
    client.force_login(MembershipFactory(organization=company, role=role).user)
    document = ContractDocumentFactory(
        contract=ContractFactory(organization=company, number="CT-2026/00001"), original_name="Contrato assinado.pdf"
    )
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "Contrato assinado.pdf" in response["Content-Disposition"]
        or "Contrato%20assinado.pdf" in response["Content-Disposition"]
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_document_of_another_companys_contract_is_not_found(signed_in, other_company):
    document = ContractDocumentFactory(contract=ContractFactory(organization=other_company, number="CT-2026/00002"))
    assert signed_in.get(document.get_absolute_url()).status_code == 404


def test_a_document_is_not_found_under_another_contracts_number(signed_in, company, other_company):
    ContractFactory(organization=company, number="CT-2026/00001")
    theirs = ContractDocumentFactory(contract=ContractFactory(organization=other_company, number="CT-2026/00002"))
    assert signed_in.get(f"/contratos/CT-2026/00001/documentos/{theirs.pk}/").status_code == 404


def test_anonymous_download_is_redirected_to_login(client, company):
    document = ContractDocumentFactory(contract=ContractFactory(organization=company))
    response = client.get(document.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


# Budgets ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 40])
def test_contract_list_query_budget_is_flat(client, company, other_company, rows):
    person = MembershipFactory(organization=company).user
    MembershipFactory(organization=other_company, user=person)
    for n in range(rows):
        ContractFactory(organization=company if n % 2 else other_company)
    client.force_login(person)
    with max_queries(5):  # session, user, companies, contracts, contracts lacking RFB consent
        assert client.get("/contratos/").status_code == 200


@pytest.mark.parametrize("rows", [1, 40])
def test_contract_detail_query_budget_is_flat(signed_in, company, rows):
    contract = ContractFactory(organization=company, number="CT-2026/00001")
    ContractDocumentFactory.create_batch(rows, contract=contract)
    with max_queries(5):  # session, user, contract, documents, RFB consent
        assert signed_in.get("/contratos/CT-2026/00001/").status_code == 200


# Model -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["CT-2026/00001", "CT2026-1", "2026.001"])
def test_contract_numbers_that_fit_an_address_are_valid(number):
    ContractFactory.build(number=number, organization=OrganizationFactory(), product=ProductFactory()).full_clean()


@pytest.mark.parametrize("number", ["CT 2026/1", "CT/2026/1", "CT-2026/abc", "CT-2026/"])
def test_contract_numbers_that_do_not_fit_an_address_are_refused(number):
    contract = ContractFactory.build(number=number, organization=OrganizationFactory(), product=ProductFactory())
    with pytest.raises(ValidationError) as error:
        contract.full_clean()
    assert "number" in error.value.message_dict


def test_a_negative_monthly_value_is_refused():
    contract = ContractFactory.build(
        monthly_value=Decimal("-1"), organization=OrganizationFactory(), product=ProductFactory()
    )
    with pytest.raises(ValidationError):
        contract.full_clean()


def test_contract_status_choices_are_the_three_of_the_brief():
    assert Contract.Status.values == ["ativo", "suspenso", "encerrado"]


def test_list_shows_contracts_in_force_first_then_suspended_then_ended(membro, company):
    ContractFactory(
        organization=company, number="CT-2020/00001", status="encerrado", end_date=datetime.date(2027, 1, 1)
    )
    ContractFactory(organization=company, number="CT-2020/00002", status="suspenso")
    ContractFactory(organization=company, number="CT-2020/00003", status="ativo", start_date=datetime.date(2020, 1, 1))
    ContractFactory(organization=company, number="CT-2020/00004", status="ativo", start_date=datetime.date(2025, 1, 1))
    numbers = [row.contract.number for row in contract_list(membro, today=TODAY)]
    assert numbers == ["CT-2020/00004", "CT-2020/00003", "CT-2020/00002", "CT-2020/00001"]
