"""Solicitação Certificado Digital pages: who sees which requests, who may ask, and what bad input does."""

import pytest
from django.conf import settings

from certificates.models import CertificateRequest
from portal.models import OutboundEmail
from tests.budgets import max_queries
from tests.certificates.factories import CertificateRequestFactory, issued
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = CertificateRequest.Status


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte", cnpj="33451729000133")


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor", user__name="Ana Paula Souza").user


@pytest.fixture
def membro(company):
    return MembershipFactory(organization=company, role="membro").user


@pytest.fixture
def other_request():
    return CertificateRequestFactory(holder_name="Titular de Outra Empresa")


def _form(company, **fields):
    return {
        "organization": str(company.pk),
        "kind": "e-cnpj",
        "media": "a1",
        "validity_years": "1",
        "holder_name": "Banco Horizonte S.A.",
        "holder_document": "",
        "holder_email": "ti@bancohorizonte.example",
        "delivery": "download",
        **fields,
    }


# The list ------------------------------------------------------------------------------------------


def test_pages_require_login(client, other_request):
    for path in ["/certificado-digital/", "/certificado-digital/nova/", f"/certificado-digital/{other_request.pk}/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/entrar/")


def test_list_shows_the_company_requests_with_status_and_dates_and_the_button_for_a_gestor(
    client, gestor, company, other_request
):
    CertificateRequestFactory(organization=company, holder_name="Bruno Lima", status=Status.REQUESTED)
    issued(organization=company, holder_name="Banco Horizonte S.A.", expires_in_days=200)
    client.force_login(gestor)

    html = client.get("/certificado-digital/").content.decode()

    assert "Banco Horizonte" in html
    assert "e-CPF A1 — Bruno Lima" in html
    assert '<span class="status status--solicitado">Solicitado</span>' in html
    assert '<span class="status status--emitido">Emitido</span>' in html
    assert "Válido até" in html
    assert "Nova solicitação" in html
    assert "Titular de Outra Empresa" not in html


def test_a_membro_reads_the_list_without_the_button(client, membro, company):
    CertificateRequestFactory(organization=company, holder_name="Bruno Lima")
    client.force_login(membro)
    html = client.get("/certificado-digital/").content.decode()
    assert "Bruno Lima" in html
    assert "Só o gestor da empresa pode solicitar" in html
    assert 'href="/certificado-digital/nova/"' not in html


def test_list_without_companies_explains_what_to_do(client):
    client.force_login(UserFactory())
    response = client.get("/certificado-digital/")
    assert response.status_code == 200
    assert "ainda não está vinculada a nenhuma empresa" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 12])
def test_list_query_count_stays_flat(client, gestor, company, rows):
    for index in range(rows):
        CertificateRequestFactory(organization=company, holder_name=f"Titular {index}")
        MembershipFactory(user=gestor, role="membro")
    client.force_login(gestor)
    # session, user, memberships with companies, requests with their last change
    with max_queries(4):
        response = client.get("/certificado-digital/")
    assert response.content.decode().count('class="cert-row"') == rows


# The form ------------------------------------------------------------------------------------------


def test_a_membro_and_a_user_without_companies_cannot_open_the_form(client, membro, company):
    client.force_login(membro)
    assert client.get("/certificado-digital/nova/").status_code == 403
    assert client.post("/certificado-digital/nova/", _form(company)).status_code == 403
    client.force_login(UserFactory())
    assert client.get("/certificado-digital/nova/").status_code == 403
    assert not CertificateRequest.objects.exists()


def test_the_form_preselects_the_only_company_of_the_gestor(client, gestor, company):
    client.force_login(gestor)
    response = client.get("/certificado-digital/nova/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{company.pk}" selected>Banco Horizonte (33.451.729/0001-33)' in html
    assert "Nova solicitação de certificado digital" in html


def test_a_gestor_asks_for_an_e_cnpj_whose_holder_defaults_to_the_company(client, gestor, company):
    client.force_login(gestor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post("/certificado-digital/nova/", _form(company))

    certificate = CertificateRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/certificado-digital/{certificate.pk}/"
    assert certificate.holder_document == "33451729000133"
    assert certificate.requested_by == gestor
    assert certificate.language == "en"
    assert certificate.status == Status.REQUESTED
    assert "Hello, Ana Paula Souza." in OutboundEmail.objects.get().body


def test_a_masked_cnpj_is_accepted(client, gestor, company):
    client.force_login(gestor)
    response = client.post("/certificado-digital/nova/", _form(company, holder_document="33.451.729/0001-33"))
    assert response.status_code == 302
    assert CertificateRequest.objects.get().holder_document == "33451729000133"


def test_a_gestor_asks_for_an_a3_by_mail(client, gestor, company):
    client.force_login(gestor)
    fields = {
        "kind": "e-cpf",
        "media": "a3",
        "validity_years": "3",
        "holder_name": "Ana Paula Souza",
        "holder_document": "529.982.247-25",
        "delivery": "correio",
        "postal_code": "70070-120",
        "street": "SBS Quadra 1",
        "street_number": "10",
        "district": "Asa Sul",
        "city": "Brasília",
        "state": "DF",
    }
    response = client.post("/certificado-digital/nova/", _form(company, **fields))
    assert response.status_code == 302
    certificate = CertificateRequest.objects.get()
    assert (certificate.validity_years, certificate.city, certificate.holder_document) == (3, "Brasília", "52998224725")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "e-cpf", "holder_document": "529.982.247-26"}, "CPF inválido (dígito verificador)"),
        ({"kind": "e-cpf", "holder_document": ""}, "Informe o CPF do titular do e-CPF."),
        ({"validity_years": "3"}, "O certificado A1 vale 1 ano."),
        ({"media": "a3", "validity_years": "2"}, "O certificado A3 vem num token ou cartão"),
        ({"media": "a3", "validity_years": "2", "delivery": "retirada"}, "Escolha a unidade de atendimento"),
        ({"media": "a3", "validity_years": "2", "delivery": "correio"}, "Informe este dado do endereço de entrega."),
        ({"holder_email": "nao-e-email"}, "Informe um endereço de email válido."),
    ],
)
def test_bad_input_comes_back_with_a_400_a_clear_message_and_everything_typed(client, gestor, company, fields, message):
    client.force_login(gestor)
    data = _form(company, holder_name="Nome Digitado Pelo Gestor", **fields)
    response = client.post("/certificado-digital/nova/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="Nome Digitado Pelo Gestor"' in html
    if data["holder_document"]:
        assert f'value="{data["holder_document"]}"' in html
    assert not CertificateRequest.objects.exists()


def test_a_gestor_cannot_ask_for_another_company(client, gestor, other_request):
    client.force_login(gestor)
    response = client.post("/certificado-digital/nova/", _form(other_request.organization))
    assert response.status_code == 400
    assert "Faça uma escolha válida" in response.content.decode()
    assert CertificateRequest.objects.count() == 1


def test_renewal_starts_from_the_certificate_and_remembers_it(client, gestor, company):
    old = issued(
        organization=company,
        kind="e-cnpj",
        holder_name="Banco Horizonte S.A.",
        holder_document=company.cnpj,
        holder_email="ti@bancohorizonte.example",
        expires_in_days=12,
    )
    client.force_login(gestor)
    html = client.get(f"/certificado-digital/nova/?renovar={old.pk}").content.decode()
    assert "Renovar certificado digital" in html
    assert 'value="33.451.729/0001-33"' in html
    assert 'value="ti@bancohorizonte.example"' in html
    assert f'name="renovar" value="{old.pk}"' in html

    response = client.post("/certificado-digital/nova/", _form(company, renovar=str(old.pk)))
    assert response.status_code == 302
    assert CertificateRequest.objects.exclude(pk=old.pk).get().renewal_of == old


def test_renewal_of_another_company_or_of_a_company_one_only_reads_is_a_404(client, gestor, membro, company):
    client.force_login(gestor)
    foreign = issued(expires_in_days=10)
    assert client.get(f"/certificado-digital/nova/?renovar={foreign.pk}").status_code == 404
    assert client.get("/certificado-digital/nova/?renovar=abc").status_code == 404
    # Ana also belongs to a company where she only reads: she cannot renew its certificates.
    readonly = MembershipFactory(user=gestor, role="membro").organization
    theirs = issued(organization=readonly, expires_in_days=10)
    assert client.get(f"/certificado-digital/nova/?renovar={theirs.pk}").status_code == 404
    response = client.post("/certificado-digital/nova/", _form(company, renovar=str(foreign.pk)))
    assert response.status_code == 404
    assert CertificateRequest.objects.count() == 2


# The request page ----------------------------------------------------------------------------------


def test_a_membro_sees_the_request_with_its_timeline(client, membro, company):
    certificate = CertificateRequestFactory(organization=company, holder_name="Bruno Lima")
    certificate.events.create(to_status=Status.REQUESTED)
    certificate.events.create(from_status=Status.REQUESTED, to_status=Status.VALIDATING)
    client.force_login(membro)
    response = client.get(f"/certificado-digital/{certificate.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Certificado e-CPF A1 — Bruno Lima" in html
    assert certificate.protocol in html
    assert html.count("<time ") == 2
    assert "Em validação" in html
    assert "Solicitar renovação" not in html


def test_a_refused_request_shows_the_reason(client, gestor, company):
    certificate = CertificateRequestFactory(
        organization=company, status=Status.REFUSED, refusal_reason="A procuração enviada venceu."
    )
    client.force_login(gestor)
    html = client.get(f"/certificado-digital/{certificate.pk}/").content.decode()
    assert "Motivo da recusa" in html
    assert "A procuração enviada venceu." in html


def test_an_issued_certificate_offers_renewal_to_the_gestor(client, gestor, company):
    certificate = issued(organization=company, expires_in_days=100)
    client.force_login(gestor)
    html = client.get(f"/certificado-digital/{certificate.pk}/").content.decode()
    assert "válido até" in html
    assert f'href="/certificado-digital/nova/?renovar={certificate.pk}"' in html


def test_another_company_request_is_a_404(client, gestor, other_request):
    client.force_login(gestor)
    assert client.get(f"/certificado-digital/{other_request.pk}/").status_code == 404
    assert client.get("/certificado-digital/999999/").status_code == 404


@pytest.mark.parametrize("events", [1, 10])
def test_request_page_query_count_stays_flat(client, gestor, company, events):
    certificate = CertificateRequestFactory(organization=company)
    for _index in range(events):
        certificate.events.create(to_status=Status.REQUESTED)
    client.force_login(gestor)
    # session, user, request with company, events, gestor check
    with max_queries(5):
        response = client.get(f"/certificado-digital/{certificate.pk}/")
    assert response.content.decode().count("<time ") == events
