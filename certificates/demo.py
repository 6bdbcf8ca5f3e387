"""Demo certificate requests: a few in each status for each demo company, made through the services
(so each has its history and e-mails), the oldest issued months ago. Banco Horizonte's e-CNPJ A1
expires in about 20 days, so Ana's home page shows the renewal reminder. Rafael Costa (tickets'
demo staff) joins the Certificação Digital team. Runs after portal's and tickets' demos. A
company that already has requests is left as it is, so running it again adds nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates import services
from certificates.models import TEAM_NAME, CertificateRequest
from portal.models import Organization, User
from tickets.models import Team

DEMO_ATTENDANT = "rafael.costa@areadocliente.example"

# company CNPJ, requester e-mail, then each request: days ago asked, final status, fields
ADDRESS = {
    "postal_code": "70070-120",
    "street": "SBS Quadra 1, Bloco A",
    "street_number": "s/n",
    "complement": "Edifício Sede, 8º andar",
    "district": "Asa Sul",
    "city": "Brasília",
    "state": "DF",
}
PLAN = [
    (
        "33451729000133",
        "ana.souza@bancohorizonte.example",
        [
            # The one the home page reminds of: issued 345 days ago, valid 1 year.
            (
                350,
                "emitido",
                {
                    "kind": "e-cnpj",
                    "media": "a1",
                    "validity_years": 1,
                    "holder_name": "Banco Horizonte S.A.",
                    "holder_document": "",
                    "holder_email": "ti@bancohorizonte.example",
                    "delivery": "download",
                },
            ),
            (
                420,
                "emitido",
                {
                    "kind": "e-cpf",
                    "media": "a3",
                    "validity_years": 3,
                    "holder_name": "Ana Paula Souza",
                    "holder_document": "38512047607",
                    "holder_email": "ana.souza@bancohorizonte.example",
                    "delivery": "retirada",
                    "service_unit": "brasilia",
                },
            ),
            (
                60,
                "recusado",
                {
                    "kind": "e-cnpj",
                    "media": "a3",
                    "validity_years": 2,
                    "holder_name": "Banco Horizonte S.A.",
                    "holder_document": "",
                    "holder_email": "ti@bancohorizonte.example",
                    "delivery": "correio",
                    **ADDRESS,
                },
            ),
            (
                4,
                "em_validacao",
                {
                    "kind": "e-cpf",
                    "media": "a3",
                    "validity_years": 2,
                    "holder_name": "Marcos Vinícius Teixeira",
                    "holder_document": "41809362750",
                    "holder_email": "marcos.teixeira@bancohorizonte.example",
                    "delivery": "correio",
                    **ADDRESS,
                },
            ),
            (
                1,
                "solicitado",
                {
                    "kind": "e-cpf",
                    "media": "a1",
                    "validity_years": 1,
                    "holder_name": "Bruno Lima",
                    "holder_document": "27456109370",
                    "holder_email": "bruno.lima@bancohorizonte.example",
                    "delivery": "download",
                },
            ),
        ],
    ),
    (
        "07864215000108",
        "carla.mendes@valeverde.example",
        [
            (
                200,
                "emitido",
                {
                    "kind": "e-cnpj",
                    "media": "a1",
                    "validity_years": 1,
                    "holder_name": "Cooperativa de Crédito Vale Verde",
                    "holder_document": "",
                    "holder_email": "carla.mendes@valeverde.example",
                    "delivery": "download",
                },
            ),
            (
                2,
                "solicitado",
                {
                    "kind": "e-cpf",
                    "media": "a3",
                    "validity_years": 3,
                    "holder_name": "Carla Mendes",
                    "holder_document": "61304728544",
                    "holder_email": "carla.mendes@valeverde.example",
                    "delivery": "retirada",
                    "service_unit": "porto-alegre",
                },
            ),
        ],
    ),
    (
        "12ABC345000188",
        "elisa.rocha@novarota.example",
        [
            (
                6,
                "em_validacao",
                {
                    "kind": "e-cnpj",
                    "media": "a1",
                    "validity_years": 1,
                    "holder_name": "Nova Rota Tecnologia Ltda.",
                    "holder_document": "",
                    "holder_email": "elisa.rocha@novarota.example",
                    "delivery": "download",
                },
            ),
        ],
    ),
]
REFUSAL = (
    "A procuração do representante legal enviada com o pedido venceu em março. Envie uma procuração "
    "válida, com firma reconhecida, e faça uma nova solicitação."
)
SERIALS = iter(f"5C:1F:{n:02X}:A7:39:0E:D2:{n * 7 % 256:02X}" for n in range(11, 99))


def seed(stdout) -> None:
    team, _created = Team.objects.get_or_create(name=TEAM_NAME)
    attendant = get_user_model().objects.filter(email=DEMO_ATTENDANT, is_staff=True).first()
    if attendant is not None:
        team.members.add(attendant)
    worker = attendant or get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    created = 0
    now = timezone.now()
    for cnpj, email, requests in PLAN:
        organization = Organization.objects.filter(cnpj=cnpj).first()
        requester = User.objects.filter(email=email).first()
        if organization is None or requester is None or worker is None:
            continue
        if CertificateRequest.objects.filter(organization=organization).exists():
            continue
        for days_ago, status, fields in requests:
            asked = now - datetime.timedelta(days=days_ago, hours=3)
            certificate = services.certificate_request(
                user=requester, organization=organization, now=asked, **_with_document(fields, organization)
            )
            created += 1
            if status == "solicitado":
                continue
            validating = asked + datetime.timedelta(hours=5)
            services.certificate_start_validation(request=certificate, by=worker, now=validating)
            if status == "emitido":
                issued = asked + datetime.timedelta(days=5)
                services.certificate_issue(
                    request=certificate, by=worker, serial=next(SERIALS), issued_at=issued, now=issued
                )
            elif status == "recusado":
                services.certificate_refuse(
                    request=certificate, by=worker, reason=REFUSAL, now=validating + datetime.timedelta(days=2)
                )
    total = CertificateRequest.objects.count()
    stdout.write(f"  certificates: {total} solicitações de certificado ({created} novas)\n")


def _with_document(fields: dict, organization: Organization) -> dict:
    if fields["kind"] == "e-cnpj" and not fields["holder_document"]:
        return {**fields, "holder_document": organization.cnpj}
    return fields
