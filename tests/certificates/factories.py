import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from certificates.models import TEAM_NAME, CertificateRequest, CertificateStatusEvent
from tests.factories import OrganizationFactory, TeamFactory, UserFactory, valid_cpf


class CertificateRequestFactory(DjangoModelFactory):
    """A requested e-CPF A1, delivered by link, of the Certificação Digital team."""

    class Meta:
        model = CertificateRequest

    organization = factory.SubFactory(OrganizationFactory)
    requested_by = factory.SubFactory(UserFactory)
    requester_name = factory.SelfAttribute("requested_by.name")
    requester_email = factory.SelfAttribute("requested_by.email")
    kind = CertificateRequest.Kind.ECPF
    media = CertificateRequest.Media.A1
    validity_years = 1
    holder_name = "Marcos Vinícius Teixeira"
    holder_document = factory.Sequence(lambda n: valid_cpf(n + 500))
    holder_email = "marcos@cliente.example"
    delivery = CertificateRequest.Delivery.DOWNLOAD
    team = factory.LazyFunction(lambda: TeamFactory(name=TEAM_NAME))


def issued(*, expires_in_days: int, **fields) -> CertificateRequest:
    """An issued certificate that expires ``expires_in_days`` from now (negative: expired)."""
    expires = timezone.now() + datetime.timedelta(days=expires_in_days)
    certificate = CertificateRequestFactory(
        status=CertificateRequest.Status.ISSUED,
        serial_number="5C:1F:0B",
        issued_at=expires - datetime.timedelta(days=365),
        expires_at=expires,
        **fields,
    )
    CertificateStatusEvent.objects.create(request=certificate, to_status=CertificateRequest.Status.ISSUED)
    return certificate


def with_history(certificate: CertificateRequest) -> CertificateRequest:
    """The status events that led to the certificate's status, an hour apart, as the services write them."""
    Status = CertificateRequest.Status
    path = {
        Status.REQUESTED: [Status.REQUESTED],
        Status.VALIDATING: [Status.REQUESTED, Status.VALIDATING],
        Status.ISSUED: [Status.REQUESTED, Status.VALIDATING, Status.ISSUED],
        Status.REFUSED: [Status.REQUESTED, Status.VALIDATING, Status.REFUSED],
    }[certificate.status]
    start = certificate.created_at
    previous = ""
    for hours, status in enumerate(path):
        CertificateStatusEvent.objects.create(
            request=certificate, from_status=previous, to_status=status, at=start + datetime.timedelta(hours=hours)
        )
        previous = status
    return certificate
