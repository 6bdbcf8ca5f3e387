import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from certificates.models import TEAM_NAME, CertificateRequest
from certificates.selectors import renewal_reminders
from portal.models import OutboundEmail, User
from tests.certificates.factories import CertificateRequestFactory
from tests.factories import TeamFactory, UserFactory
from tests.two_factor import staff_client
from tickets.models import Team

pytestmark = pytest.mark.django_db

Status = CertificateRequest.Status
LIST = "/admin/certificates/certificaterequest/"


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_the_team_migration_reverses_and_applies_again():
    def atendente_codenames():
        return set(Group.objects.get(name="Atendente").permissions.values_list("codename", flat=True))

    granted = {"view_certificaterequest", "change_certificaterequest", "view_certificatestatusevent"}
    call_command("migrate", "certificates", "0001", verbosity=0)
    assert not Team.objects.filter(name=TEAM_NAME).exists()
    assert not granted & atendente_codenames()
    call_command("migrate", "certificates", verbosity=0)
    assert Team.objects.filter(name=TEAM_NAME).exists()
    assert granted <= atendente_codenames()


def test_reversing_the_team_migration_keeps_a_team_with_requests():
    CertificateRequestFactory()
    call_command("migrate", "certificates", "0001", verbosity=0)
    assert Team.objects.filter(name=TEAM_NAME).exists()
    call_command("migrate", "certificates", verbosity=0)


def test_demo_has_requests_in_every_status_and_reminds_ana_to_renew_idempotently():
    output = _seed()
    assert "  certificates: " in output
    assert set(CertificateRequest.objects.values_list("status", flat=True)) == set(Status.values)
    ana = User.objects.get(email="ana.souza@bancohorizonte.example")
    [reminder] = renewal_reminders(ana)
    # "About 20 days": the demo dates its requests back from now, so the count of days depends on the hour.
    assert re.match(r"O certificado e-CNPJ A1 de Banco Horizonte S.A. vence em (19|20|21) dias", reminder.text)
    assert Team.objects.get(name=TEAM_NAME).members.filter(email="rafael.costa@areadocliente.example").exists()
    counts = (CertificateRequest.objects.count(), OutboundEmail.objects.count())
    _seed()
    assert (CertificateRequest.objects.count(), OutboundEmail.objects.count()) == counts


@pytest.fixture
def desk():
    team = TeamFactory(name=TEAM_NAME)
    attendant = UserFactory(is_staff=True, name="Rafael Costa")
    attendant.groups.add(Group.objects.get(name="Atendente"))
    team.members.add(attendant)
    outsider = UserFactory(is_staff=True, name="Lúcia Freitas")
    outsider.groups.add(Group.objects.get(name="Atendente"))
    TeamFactory(name="Atendimento Financeiro").members.add(outsider)
    supervisor = UserFactory(is_staff=True, name="Sofia Ramos")
    supervisor.groups.add(Group.objects.get(name="Supervisor"))
    other_team = CertificateRequestFactory(team=TeamFactory(name="Outra Equipe"), holder_name="Titular Outra Equipe")
    ours = CertificateRequestFactory(holder_name="Titular da Equipe")
    return attendant, outsider, supervisor, ours, other_team


def test_an_atendente_sees_only_their_team_requests_and_a_supervisor_all(desk):
    attendant, outsider, supervisor, ours, other_team = desk
    html = staff_client(attendant).get(LIST + "?status__exact=solicitado").content.decode()
    assert "Titular da Equipe" in html
    assert "Titular Outra Equipe" not in html
    assert staff_client(attendant).get(f"{LIST}{other_team.pk}/change/").status_code == 404
    assert staff_client(outsider).get(f"{LIST}{ours.pk}/situacao/").status_code == 404
    html = staff_client(supervisor).get(LIST + "?kind__exact=e-cpf").content.decode()
    assert "Titular da Equipe" in html
    assert "Titular Outra Equipe" in html


def test_the_request_page_is_read_only_with_its_history_and_a_link_to_move_it(desk):
    attendant, _outsider, _supervisor, ours, _other = desk
    ours.events.create(to_status=Status.REQUESTED, note="")
    response = staff_client(attendant).get(f"{LIST}{ours.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="holder_name"' not in html
    assert "Mudar situação" in html
    assert "Solicitado" in html


def test_staff_move_a_request_through_validation_to_issue(desk):
    attendant, *_rest, ours, _other = desk
    client = staff_client(attendant)
    response = client.post(LIST, {"action": "start_validation", "_selected_action": [ours.pk]})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == Status.VALIDATING

    response = client.post(f"{LIST}{ours.pk}/situacao/", {"to": "emitido", "serial": ""})
    assert response.status_code == 400
    assert "Informe o número de série" in response.content.decode()

    response = client.post(
        f"{LIST}{ours.pk}/situacao/", {"to": "emitido", "serial": "5C:1F:0B", "issued_on": timezone.localdate()}
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == Status.ISSUED
    assert ours.expires_at.year == ours.issued_at.year + 1
    assert OutboundEmail.objects.count() == 2


def test_staff_refuse_with_a_reason_and_a_finished_request_cannot_move(desk):
    attendant, *_rest, ours, _other = desk
    client = staff_client(attendant)
    response = client.post(f"{LIST}{ours.pk}/situacao/", {"to": "recusado", "reason": ""})
    assert response.status_code == 400
    assert "Informe o motivo da recusa" in response.content.decode()
    response = client.post(f"{LIST}{ours.pk}/situacao/", {"to": "recusado", "reason": "Procuração vencida."})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert (ours.status, ours.refusal_reason) == (Status.REFUSED, "Procuração vencida.")
    page = client.get(f"{LIST}{ours.pk}/situacao/").content.decode()
    assert "já foi concluída" in page
    response = client.post(f"{LIST}{ours.pk}/situacao/", {"to": "em_validacao"})
    assert response.status_code == 400
    ours.refresh_from_db()
    assert ours.status == Status.REFUSED
    assert client.get(f"{LIST}add/").status_code == 403
