"""The renewal reminder on the home page: issued certificates of the user's companies near their expiry."""

import datetime

import pytest
from django.utils import formats, timezone

from certificates.models import CertificateRequest
from certificates.selectors import renewal_reminders
from portal import reminders
from tests.budgets import max_queries
from tests.certificates.factories import CertificateRequestFactory, issued
from tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor").user


def _date(days: int) -> str:
    return formats.date_format(timezone.localdate() + datetime.timedelta(days=days), "SHORT_DATE_FORMAT")


def test_the_certificates_provider_is_registered_with_the_home_page():
    assert renewal_reminders in reminders._providers


def test_home_reminds_a_gestor_to_renew_a_certificate_expiring_in_12_days(client, gestor, company):
    certificate = issued(organization=company, kind="e-cnpj", holder_name="Banco Horizonte S.A.", expires_in_days=12)
    client.force_login(gestor)
    html = client.get("/").content.decode()
    assert f"O certificado e-CNPJ A1 de Banco Horizonte S.A. vence em 12 dias ({_date(12)})." in html
    assert f'href="/certificado-digital/nova/?renovar={certificate.pk}">Solicitar renovação</a>' in html
    assert "Suas empresas" in html


def test_a_recently_expired_certificate_is_reminded_too(gestor, company):
    issued(organization=company, holder_name="Ana Paula Souza", expires_in_days=-5)
    [reminder] = renewal_reminders(gestor)
    assert reminder.text == f"O certificado e-CPF A1 de Ana Paula Souza venceu em {_date(-5)}."


def test_a_membro_is_reminded_with_a_link_to_the_certificate(client, gestor, company):
    membro = MembershipFactory(organization=company, role="membro").user
    certificate = issued(organization=company, expires_in_days=1)
    assert [reminder.link_label for reminder in renewal_reminders(gestor)] == ["Solicitar renovação"]
    [reminder] = renewal_reminders(membro)
    assert reminder.url == f"/certificado-digital/{certificate.pk}/"
    assert reminder.link_label == "Ver o certificado"
    assert "vence em 1 dia" in reminder.text


def test_no_reminder_far_from_expiry_long_expired_for_other_companies_or_once_renewed(client, gestor, company):
    issued(organization=company, holder_name="Longe", expires_in_days=90)
    issued(organization=company, holder_name="Vencido Há Muito", expires_in_days=-60)
    issued(holder_name="De Outra Empresa", expires_in_days=10)
    renewed = issued(organization=company, holder_name="Já Renovado", expires_in_days=10)
    CertificateRequestFactory(organization=company, renewal_of=renewed)
    refused_renewal = issued(organization=company, holder_name="Renovação Recusada", expires_in_days=10)
    CertificateRequestFactory(
        organization=company, renewal_of=refused_renewal, status=CertificateRequest.Status.REFUSED, refusal_reason="x"
    )
    client.force_login(gestor)
    html = client.get("/").content.decode()
    assert "Suas empresas" in html
    assert "Renovação Recusada vence em 10 dias" in html
    for holder in ["Longe", "Vencido Há Muito", "De Outra Empresa", "Já Renovado"]:
        assert f"de {holder} v" not in html


@pytest.mark.parametrize("count", [1, 8])
def test_home_query_count_stays_flat_with_reminders(client, gestor, company, count):
    for index in range(count):
        issued(organization=company, holder_name=f"Titular {index}", expires_in_days=index + 1)
    client.force_login(gestor)
    # session, user, memberships with organizations and contract counts, reminders
    with max_queries(4):
        response = client.get("/")
    assert response.content.decode().count("Solicitar renovação") == count
