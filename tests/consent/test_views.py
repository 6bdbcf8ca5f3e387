"""Compartilha RFB: who sees which companies' consents, who may change them, and what each change leaves."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from consent import selectors, services
from consent.models import Consent, ConsentEvent, ImmutableEventError
from tests.budgets import max_queries
from tests.consent.factories import ConsentEventFactory, RfbDataUseFactory
from tests.factories import ContractFactory, MembershipFactory, OrganizationFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte", cnpj="33451729000133")


@pytest.fixture
def datavalid():
    product = ProductFactory(name="Datavalid", slug="datavalid")
    RfbDataUseFactory(product=product, description="Compara nome, CPF e foto com a base da Receita Federal.")
    return product


@pytest.fixture
def contract(company, datavalid):
    return ContractFactory(organization=company, product=datavalid, number="CT-2024/00113")


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor", user__name="Ana Paula Souza").user


@pytest.fixture
def membro(company):
    return MembershipFactory(organization=company, role="membro", user__name="Bruno Lima").user


@pytest.fixture
def other_company():
    return OrganizationFactory(legal_name="Empresa de Outra Pessoa Ltda.", cnpj="07864215000108")


def _grant(client, product="datavalid", reason="Prevenção a fraudes no cadastro.", cnpj="33451729000133"):
    return client.post(f"/compartilha-rfb/{cnpj}/{product}/conceder/", {"reason": reason})


def _revoke(client, product="datavalid", reason="Revisão do contrato pelo DPO.", cnpj="33451729000133"):
    return client.post(f"/compartilha-rfb/{cnpj}/{product}/revogar/", {"reason": reason})


# The page --------------------------------------------------------------------------------------------


def test_the_page_requires_login(client):
    response = client.get("/compartilha-rfb/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def test_gestor_sees_a_product_in_force_that_needs_consent_with_what_it_reads_and_a_grant_form(
    client, contract, gestor
):
    ContractFactory(organization=contract.organization, product=ProductFactory(name="Escola Serpro Educa"))
    client.force_login(gestor)
    html = client.get("/compartilha-rfb/").content.decode()
    assert "O que significa compartilhar" in html
    assert "Banco Horizonte" in html
    assert "33.451.729/0001-33" in html
    assert "Datavalid" in html
    assert "Compara nome, CPF e foto com a base da Receita Federal." in html
    assert "Não concedido" in html
    assert "1 produto contratado aguarda autorização." in html
    assert 'action="/compartilha-rfb/33451729000133/datavalid/conceder/"' in html
    assert "Escola Serpro Educa" not in html  # does not read RFB data


def test_membro_reads_the_state_and_the_last_change_but_has_no_form(client, contract, gestor, membro):
    ConsentEventFactory(organization=contract.organization, product=contract.product, actor=gestor)
    client.force_login(membro)
    html = client.get("/compartilha-rfb/").content.decode()
    assert "Concedido por Ana Paula Souza em" in html
    assert "Validação do CPF de novos clientes." in html
    assert "Só o gestor da empresa pode conceder ou revogar" in html
    assert "consent-row__form" not in html
    assert "Você é membro desta empresa" in html
    assert "/revogar/" not in html


def test_the_page_shows_only_the_users_companies(client, contract, gestor, other_company, datavalid):
    ContractFactory(organization=other_company, product=datavalid)
    ConsentEventFactory(organization=other_company, product=datavalid, reason="Segredo da outra empresa.")
    client.force_login(gestor)
    html = client.get("/compartilha-rfb/").content.decode()
    assert "Banco Horizonte" in html
    assert "Empresa de Outra Pessoa" not in html
    assert "Segredo da outra empresa." not in html


def test_a_granted_consent_stays_revocable_after_the_contract_ends(client, company, datavalid, gestor):
    ContractFactory(organization=company, product=datavalid, status="encerrado")
    ConsentEventFactory(organization=company, product=datavalid, actor=gestor)
    client.force_login(gestor)
    html = client.get("/compartilha-rfb/").content.decode()
    assert "A empresa não tem contrato em vigor deste produto." in html
    assert 'action="/compartilha-rfb/33451729000133/datavalid/revogar/"' in html
    assert "Nenhum produto contratado aguarda autorização." in html


def test_a_company_without_products_that_need_consent_says_so(client, company, gestor):
    ContractFactory(organization=company)
    client.force_login(gestor)
    html = client.get("/compartilha-rfb/").content.decode()
    assert "Banco Horizonte" in html
    assert "Nenhum produto em vigor desta empresa usa dados da Receita Federal." in html


@pytest.mark.parametrize("products", [1, 8])
def test_the_page_keeps_its_query_count_flat(client, company, gestor, products):
    for n in range(products):
        product = ProductFactory()
        RfbDataUseFactory(product=product)
        ContractFactory(organization=company, product=product)
        if n % 2:
            ConsentEventFactory(organization=company, product=product, actor=gestor)
    second = OrganizationFactory()
    MembershipFactory(organization=second, user=gestor, role="membro")
    client.force_login(gestor)
    with max_queries(5):  # session, user, memberships, contracts in force, consents
        assert client.get("/compartilha-rfb/").status_code == 200


# Granting and revoking -------------------------------------------------------------------------------


def test_gestor_grants_with_a_reason_and_the_state_and_history_follow(client, contract, gestor):
    client.force_login(gestor)
    response = _grant(client)
    assert response.status_code == 302
    assert response["Location"] == "/compartilha-rfb/"
    event = ConsentEvent.objects.get()
    assert (event.action, event.reason, event.actor, event.actor_name) == (
        "concedido",
        "Prevenção a fraudes no cadastro.",
        gestor,
        "Ana Paula Souza",
    )
    consent = Consent.objects.get()
    assert consent.granted
    assert consent.last_event == event
    html = client.get("/compartilha-rfb/").content.decode()
    assert "Compartilhamento com Datavalid concedido para Banco Horizonte." in html
    assert "Concedido por Ana Paula Souza em" in html
    assert 'action="/compartilha-rfb/33451729000133/datavalid/revogar/"' in html


def test_a_revocation_is_in_effect_at_once_and_kept_in_the_history(client, contract, gestor):
    client.force_login(gestor)
    _grant(client)
    assert selectors.contract_ids_lacking_consent(type(contract).objects.all()) == set()
    response = _revoke(client)
    assert response.status_code == 302
    assert not Consent.objects.get().granted
    assert selectors.contract_ids_lacking_consent(type(contract).objects.all()) == {contract.pk}
    assert list(ConsentEvent.objects.values_list("action", flat=True)) == ["revogado", "concedido"]
    html = client.get("/compartilha-rfb/").content.decode()
    assert "Revogado por Ana Paula Souza em" in html
    assert "Revisão do contrato pelo DPO." in html
    assert "Sem autorização, este produto não recebe os dados da Receita Federal da empresa." in html


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1001])
def test_a_missing_or_too_long_reason_is_refused_with_400_keeping_what_was_typed(client, contract, gestor, reason):
    client.force_login(gestor)
    response = _grant(client, reason=reason)
    assert response.status_code == 400
    html = response.content.decode()
    assert "A alteração do compartilhamento com Datavalid não foi registrada." in html
    assert 'href="#motivo-' in html
    assert "is-invalid" in html
    if reason.strip():
        assert reason in html
    assert not ConsentEvent.objects.exists()


def test_granting_twice_is_refused_with_a_clear_message_keeping_the_reason(client, contract, gestor):
    client.force_login(gestor)
    _grant(client)
    # A second tab still showing the grant form.
    response = _grant(client, reason="De novo, por engano.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "O compartilhamento com Datavalid já está concedido." in html
    assert ConsentEvent.objects.count() == 1


def test_revoking_what_was_never_granted_is_refused(client, contract, gestor):
    client.force_login(gestor)
    response = _revoke(client)
    assert response.status_code == 400
    assert "O compartilhamento com Datavalid não está concedido." in response.content.decode()
    assert not ConsentEvent.objects.exists()


def test_granting_without_a_contract_in_force_is_refused(client, company, datavalid, gestor):
    ContractFactory(organization=company, product=datavalid, status="suspenso")
    client.force_login(gestor)
    response = _grant(client)
    assert response.status_code == 400
    assert "não tem contrato em vigor de Datavalid" in response.content.decode()
    assert not ConsentEvent.objects.exists()


def test_membro_may_not_grant_nor_revoke(client, contract, membro, gestor):
    client.force_login(membro)
    assert _grant(client).status_code == 403
    ConsentEventFactory(organization=contract.organization, product=contract.product, actor=gestor)
    assert _revoke(client).status_code == 403
    assert ConsentEvent.objects.count() == 1


def test_a_product_that_does_not_read_rfb_data_is_not_found(client, company, gestor):
    ContractFactory(organization=company, product=ProductFactory(slug="escola"))
    client.force_login(gestor)
    assert _grant(client, product="escola").status_code == 404
    assert _grant(client, product="nao-existe").status_code == 404


def test_get_on_the_change_urls_is_not_allowed(client, contract, gestor):
    client.force_login(gestor)
    assert client.get("/compartilha-rfb/33451729000133/datavalid/conceder/").status_code == 405


# IDOR: another company's consents are not there ------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/compartilha-rfb/07864215000108/datavalid/conceder/"),
        ("post", "/compartilha-rfb/07864215000108/datavalid/revogar/"),
        ("get", "/compartilha-rfb/07864215000108/historico/"),
        ("get", "/compartilha-rfb/07864215000108/historico.csv"),
    ],
)
def test_another_companys_urls_answer_404(client, contract, gestor, other_company, datavalid, method, path):
    ContractFactory(organization=other_company, product=datavalid)
    ConsentEventFactory(organization=other_company, product=datavalid)
    client.force_login(gestor)
    response = getattr(client, method)(path, {"reason": "Tentativa."} if method == "post" else {})
    assert response.status_code == 404
    assert ConsentEvent.objects.count() == 1
    # The same paths of the user's own company work.
    own = getattr(client, method)(
        path.replace("07864215000108", "33451729000133"), {"reason": "Ok."} if method == "post" else {}
    )
    assert own.status_code != 404


# History and CSV -------------------------------------------------------------------------------------


def test_history_lists_every_change_newest_first_for_gestor_and_membro(client, contract, gestor, membro):
    client.force_login(gestor)
    _grant(client, reason="Primeira concessão.")
    _revoke(client, reason="Revogação temporária.")
    _grant(client, reason="Concessão renovada.")
    for person in (gestor, membro):
        client.force_login(person)
        response = client.get("/compartilha-rfb/33451729000133/historico/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "3 registros" in html
        assert (
            html.index("Concessão renovada.") < html.index("Revogação temporária.") < html.index("Primeira concessão.")
        )
        assert "Ana Paula Souza" in html


def test_history_is_paginated_and_keeps_its_query_count_flat(client, contract, gestor):
    def events(count):
        for n in range(count):
            ConsentEventFactory(
                organization=contract.organization,
                product=contract.product,
                actor=gestor,
                reason=f"Registro {n}",
                action="concedido" if n % 2 else "revogado",
            )

    client.force_login(gestor)
    events(1)
    with max_queries(5):  # session, user, company, count, page
        assert client.get("/compartilha-rfb/33451729000133/historico/").status_code == 200
    events(40)
    with max_queries(5):
        html = client.get("/compartilha-rfb/33451729000133/historico/").content.decode()
    assert "Página 1 de 2" in html
    assert "41 registros" in html
    second = client.get("/compartilha-rfb/33451729000133/historico/?pagina=2").content.decode()
    assert "Página 2 de 2" in second
    assert "Registro 0" in second


def test_history_of_a_company_without_changes_says_so(client, company, gestor):
    client.force_login(gestor)
    html = client.get("/compartilha-rfb/33451729000133/historico/").content.decode()
    assert "Nenhuma concessão ou revogação registrada para esta empresa." in html


def test_history_accepts_the_alphanumeric_cnpj_in_any_case(client):
    organization = OrganizationFactory(cnpj="12ABC34501DE35")
    person = MembershipFactory(organization=organization).user
    client.force_login(person)
    assert client.get("/compartilha-rfb/12ABC34501DE35/historico/").status_code == 200
    assert client.get("/compartilha-rfb/12abc34501de35/historico/").status_code == 200


def test_csv_is_utf8_with_bom_semicolons_and_neutralised_formulas(client, contract, gestor):
    ConsentEventFactory(
        organization=contract.organization,
        product=contract.product,
        actor=gestor,
        reason='=HYPERLINK("http://mal.example";"clique")',
    )
    client.force_login(gestor)
    response = client.get("/compartilha-rfb/33451729000133/historico.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="compartilha-rfb-33451729000133.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffData e hora;Empresa;CNPJ;Produto;Ação;Motivo;Responsável")
    line = body.splitlines()[1]
    assert "Banco Horizonte S.A.;33.451.729/0001-33;Datavalid;Concedido;" in line
    assert "'=HYPERLINK" in line
    assert line.endswith(";Ana Paula Souza")


# Services and the model ------------------------------------------------------------------------------


def test_the_service_refuses_someone_outside_the_company(contract):
    with pytest.raises(PermissionDenied):
        services.consent_grant(
            user=UserFactory(), organization=contract.organization, product=contract.product, reason="x"
        )


def test_the_service_refuses_an_empty_reason_before_anything_else(contract, gestor):
    with pytest.raises(ValidationError, match="Informe o motivo."):
        services.consent_grant(user=gestor, organization=contract.organization, product=contract.product, reason=" ")


def test_events_cannot_be_changed_nor_deleted(contract, gestor):
    event = ConsentEventFactory(organization=contract.organization, product=contract.product, actor=gestor)
    event.reason = "Outro motivo"
    with pytest.raises(ImmutableEventError):
        event.save()
    with pytest.raises(ImmutableEventError):
        event.delete()
    with pytest.raises(ImmutableEventError):
        ConsentEvent.objects.filter(pk=event.pk).update(reason="Outro")
    with pytest.raises(ImmutableEventError):
        ConsentEvent.objects.all().delete()


def test_the_database_refuses_update_and_delete_of_an_event(contract, gestor):
    event = ConsentEventFactory(organization=contract.organization, product=contract.product, actor=gestor)
    Consent.objects.all().delete()
    for sql in [
        "UPDATE consent_consentevent SET reason = 'x' WHERE id = %s",
        "DELETE FROM consent_consentevent WHERE id = %s",
    ]:
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert ConsentEvent.objects.get().reason == "Validação do CPF de novos clientes."


def test_deleting_the_persons_account_keeps_the_event_and_the_name(contract, gestor):
    event = ConsentEventFactory(organization=contract.organization, product=contract.product, actor=gestor)
    gestor.delete()
    event.refresh_from_db()
    assert event.actor is None
    assert event.actor_name == "Ana Paula Souza"


# Warnings on Meus Contratos and Suporte --------------------------------------------------------------


def test_meus_contratos_warns_about_a_contract_without_consent_and_not_after_the_grant(client, contract, gestor):
    ContractFactory(organization=contract.organization, number="CT-2024/00112")
    client.force_login(gestor)
    html = client.get("/contratos/").content.decode()
    assert html.count("Sem autorização de dados da RFB") == 1
    assert "Autorizar no Compartilha RFB" in html
    assert 'href="/compartilha-rfb/"' in html
    detail = client.get("/contratos/CT-2024/00113/").content.decode()
    assert "Sem autorização de dados da RFB" in detail
    _grant(client)
    html = client.get("/contratos/").content.decode()
    assert "CT-2024/00113" in html
    assert "Sem autorização de dados da RFB" not in html
    detail = client.get("/contratos/CT-2024/00113/").content.decode()
    assert "Datavalid" in detail
    assert "Sem autorização de dados da RFB" not in detail


def test_an_ended_contract_is_not_flagged(client, company, datavalid, gestor):
    ContractFactory(organization=company, product=datavalid, number="CT-2022/00987", status="encerrado")
    client.force_login(gestor)
    html = client.get("/contratos/").content.decode()
    assert "CT-2022/00987" in html
    assert "Sem autorização de dados da RFB" not in html


def test_suporte_warns_on_the_product_box(client, contract, gestor, datavalid):
    other = ProductFactory(name="Consulta NF-e")
    ContractFactory(organization=contract.organization, product=other)
    client.force_login(gestor)
    html = client.get("/suporte/").content.decode()
    box = html.split('id="produtos-titulo"', 1)[1]
    assert "Consulta NF-e" in box
    assert box.count("Sem autorização de dados da RFB") == 1
    assert box.index("Datavalid") < box.index("Sem autorização de dados da RFB")
    _grant(client)
    box = client.get("/suporte/").content.decode().split('id="produtos-titulo"', 1)[1]
    assert "Datavalid" in box
    assert "Sem autorização de dados da RFB" not in box


def test_a_consent_of_one_company_does_not_cover_another_company_of_the_same_user(
    client, contract, gestor, other_company, datavalid
):
    ContractFactory(organization=other_company, product=datavalid, number="CT-2024/00377")
    MembershipFactory(organization=other_company, user=gestor, role="gestor")
    client.force_login(gestor)
    _grant(client)
    html = client.get("/contratos/").content.decode()
    assert html.count("Sem autorização de dados da RFB") == 1
    assert [(product.name, product.lacking_consent) for product in selectors.contracted_products(gestor)] == [
        ("Datavalid", True)
    ]


@pytest.mark.parametrize("granted_by", ["first", "second"])
def test_contracted_products_come_once_each_flagged_when_any_of_the_users_companies_lacks_consent(
    contract, gestor, other_company, datavalid, granted_by
):
    # Datavalid through two companies: granted by one (either), not by the other; Consulta NF-e reads no RFB data.
    MembershipFactory(organization=other_company, user=gestor, role="membro")
    ContractFactory(organization=other_company, product=datavalid, number="CT-2024/00377")
    first, second = contract.organization, other_company
    ConsentEventFactory(organization=first if granted_by == "first" else second, product=datavalid, actor=gestor)
    nfe = ProductFactory(name="Consulta NF-e")
    ContractFactory(organization=first, product=nfe)
    ContractFactory(organization=second, product=nfe, number="CT-2024/00378")
    with max_queries(1):
        products = selectors.contracted_products(gestor)
        flags = {product.name: product.lacking_consent for product in products}
    assert [product.name for product in products] == ["Consulta NF-e", "Datavalid"]
    assert flags == {"Consulta NF-e": False, "Datavalid": True}
    ConsentEventFactory(organization=second if granted_by == "first" else first, product=datavalid, actor=gestor)
    assert {product.name: product.lacking_consent for product in selectors.contracted_products(gestor)} == {
        "Consulta NF-e": False,
        "Datavalid": False,
    }


def test_contracted_products_leave_out_ended_contracts_inactive_products_and_other_peoples_companies(
    contract, gestor, other_company, datavalid
):
    ContractFactory(organization=contract.organization, product=ProductFactory(name="Biovalid"), status="encerrado")
    ContractFactory(organization=contract.organization, product=ProductFactory(name="Consulta CPF", active=False))
    ContractFactory(organization=other_company, product=ProductFactory(name="Produto de outra empresa"))
    assert [product.name for product in selectors.contracted_products(gestor)] == ["Datavalid"]


def test_contracted_products_are_in_alphabetical_order_of_the_readers_language_whatever_the_accents(contract, gestor):
    for name, name_en in [("Zeladoria Digital", "Digital Upkeep"), ("Árvore de Serviços", "Service Tree")]:
        product = ProductFactory(name=name)
        product.name_en = name_en
        product.save()
        ContractFactory(organization=contract.organization, product=product)
    names = [product.name for product in selectors.contracted_products(gestor)]
    assert names == ["Árvore de Serviços", "Datavalid", "Zeladoria Digital"]
    with translation.override("en"):
        names = [product.name for product in selectors.contracted_products(gestor)]
    assert names == ["Datavalid", "Digital Upkeep", "Service Tree"]
