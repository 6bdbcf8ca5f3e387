"""Moving a certificate request: allowed transitions only, each recorded and e-mailed in the requester's language."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates import services
from certificates.models import TEAM_NAME, CertificateRequest
from portal.models import OutboundEmail
from tests.certificates.factories import CertificateRequestFactory
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = CertificateRequest.Status


@pytest.fixture
def attendant():
    user = UserFactory(is_staff=True, name="Rafael Costa")
    TeamFactory(name=TEAM_NAME).members.add(user)
    return user


@pytest.fixture
def gestor():
    return MembershipFactory(role="gestor", user__email="ana@cliente.example", user__name="Ana Paula Souza").user


def _ask(gestor, **fields):
    organization = gestor.memberships.get().organization
    data = {
        "kind": "e-cnpj",
        "media": "a1",
        "validity_years": 1,
        "holder_name": organization.legal_name,
        "holder_document": organization.cnpj,
        "holder_email": "ti@cliente.example",
        "delivery": "download",
        **fields,
    }
    return services.certificate_request(user=gestor, organization=organization, **data)


def test_a_gestor_request_is_registered_with_its_team_history_and_a_confirmation_in_their_language(gestor):
    certificate = _ask(gestor, language="en")

    assert certificate.status == Status.REQUESTED
    assert certificate.team.name == TEAM_NAME
    assert certificate.requester_name == "Ana Paula Souza"
    assert certificate.protocol == f"CD-{timezone.now():%Y}-{certificate.pk:06d}"
    assert [(event.from_status, event.to_status, event.by) for event in certificate.events.all()] == [
        ("", Status.REQUESTED, gestor)
    ]
    email = OutboundEmail.objects.get()
    assert email.to == ["ana@cliente.example"]
    assert certificate.protocol in email.subject
    assert "Hello, Ana Paula Souza." in email.body  # rendered in English, the language she asked in
    assert f"/certificado-digital/{certificate.pk}/" in email.body


def test_a_membro_cannot_request_a_certificate():
    membro = MembershipFactory(role="membro").user
    with pytest.raises(PermissionDenied):
        _ask(membro)
    assert not CertificateRequest.objects.exists()


def test_a_gestor_cannot_ask_for_another_company():
    gestor = MembershipFactory(role="gestor").user
    with pytest.raises(PermissionDenied):
        services.certificate_request(
            user=gestor,
            organization=OrganizationFactory(),
            kind="e-cpf",
            media="a1",
            validity_years=1,
            holder_name="X",
            holder_document="52998224725",
            holder_email="x@cliente.example",
            delivery="download",
        )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "e-cpf", "holder_document": "529.982.247-26"}, "holder_document"),
        ({"kind": "e-cnpj", "holder_document": "52998224725"}, "holder_document"),
        ({"media": "a1", "validity_years": 3}, "validity_years"),
        ({"media": "a3", "validity_years": 4, "delivery": "retirada", "service_unit": "recife"}, "validity_years"),
        ({"media": "a3", "validity_years": 2, "delivery": "download"}, "delivery"),
        ({"media": "a1", "delivery": "correio"}, "delivery"),
        ({"media": "a3", "validity_years": 2, "delivery": "retirada"}, "service_unit"),
        ({"media": "a3", "validity_years": 2, "delivery": "correio", "city": "Brasília"}, "postal_code"),
    ],
)
def test_inconsistent_requests_are_refused_on_the_field_to_change(gestor, fields, field):
    with pytest.raises(ValidationError) as error:
        _ask(gestor, **fields)
    assert field in error.value.message_dict
    assert not CertificateRequest.objects.exists()


def test_an_a3_by_mail_keeps_a_normalised_address_and_a_normalised_cpf(gestor):
    certificate = _ask(
        gestor,
        kind="e-cpf",
        media="a3",
        validity_years=3,
        holder_document="529.982.247-25",
        delivery="correio",
        postal_code="70.070120",
        street="SBS Quadra 1",
        street_number="s/n",
        district="Asa Sul",
        city="Brasília",
        state="DF",
        service_unit="recife",
    )
    assert certificate.holder_document == "52998224725"
    assert certificate.postal_code == "70070-120"
    assert certificate.service_unit == ""  # only a pick-up keeps a unit


def test_the_team_validates_then_issues_and_the_validity_counts_from_the_issue(attendant):
    certificate = CertificateRequestFactory(media="a3", validity_years=3, delivery="retirada", service_unit="recife")
    services.certificate_start_validation(request=certificate, by=attendant)
    issued_at = timezone.now() - datetime.timedelta(days=2)
    certificate = services.certificate_issue(request=certificate, by=attendant, serial=" 5C:1F ", issued_at=issued_at)

    assert certificate.status == Status.ISSUED
    assert certificate.serial_number == "5C:1F"
    assert certificate.expires_at == issued_at.replace(year=issued_at.year + 3)
    assert [event.to_status for event in certificate.events.all()] == [Status.VALIDATING, Status.ISSUED]
    assert OutboundEmail.objects.count() == 2
    assert "emitido" in OutboundEmail.objects.latest("pk").subject


def test_emails_follow_the_language_the_customer_asked_in(attendant):
    certificate = CertificateRequestFactory(language="es")
    services.certificate_start_validation(request=certificate, by=attendant)
    email = OutboundEmail.objects.get()
    assert certificate.protocol in email.subject
    assert f"Hola, {certificate.requester_name}." in email.body
    assert email.to == [certificate.requester_email]


def test_refusing_needs_a_reason_that_the_customer_reads(attendant):
    certificate = CertificateRequestFactory()
    with pytest.raises(ValidationError):
        services.certificate_refuse(request=certificate, by=attendant, reason="   ")
    certificate = services.certificate_refuse(request=certificate, by=attendant, reason="Procuração vencida.")
    assert certificate.status == Status.REFUSED
    assert certificate.refusal_reason == "Procuração vencida."
    assert certificate.events.get().note == "Procuração vencida."
    assert "Procuração vencida." in OutboundEmail.objects.get().body


@pytest.mark.parametrize(
    ("status", "move"),
    [
        ("solicitado", "issue"),
        ("emitido", "validate"),
        ("emitido", "refuse"),
        ("recusado", "validate"),
        ("em_validacao", "validate"),
    ],
)
def test_only_allowed_transitions_happen(attendant, status, move):
    fields = {"status": status}
    if status == "emitido":
        fields.update(serial_number="1", issued_at=timezone.now(), expires_at=timezone.now())
    if status == "recusado":
        fields["refusal_reason"] = "Motivo."
    certificate = CertificateRequestFactory(**fields)
    calls = {
        "issue": lambda: services.certificate_issue(request=certificate, by=attendant, serial="9"),
        "validate": lambda: services.certificate_start_validation(request=certificate, by=attendant),
        "refuse": lambda: services.certificate_refuse(request=certificate, by=attendant, reason="Motivo novo."),
    }
    with pytest.raises(ValidationError):
        calls[move]()
    certificate.refresh_from_db()
    assert certificate.status == status
    assert not certificate.events.exists()
    assert not OutboundEmail.objects.exists()


def test_staff_outside_the_team_cannot_move_a_request_but_a_supervisor_can():
    certificate = CertificateRequestFactory()
    outsider = UserFactory(is_staff=True)
    TeamFactory(name="Atendimento Financeiro").members.add(outsider)
    with pytest.raises(PermissionDenied):
        services.certificate_start_validation(request=certificate, by=outsider)
    supervisor = UserFactory(is_staff=True)
    supervisor.groups.add(Group.objects.get(name="Supervisor"))
    assert services.certificate_start_validation(request=certificate, by=supervisor).status == Status.VALIDATING


def test_an_issue_date_in_the_future_is_refused(attendant):
    certificate = CertificateRequestFactory(status="em_validacao")
    with pytest.raises(ValidationError):
        services.certificate_issue(
            request=certificate, by=attendant, serial="1", issued_at=timezone.now() + datetime.timedelta(days=1)
        )
