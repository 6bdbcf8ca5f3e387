import io

import pytest

from contacts import demo
from contacts.models import ContactEvent, FormerMember, Invitation
from helpcenter import demo as helpcenter_demo
from portal import demo as portal_demo
from portal.models import Membership, Organization
from tests.contacts.factories import ContactEventFactory, FormerMemberFactory, InvitationFactory
from tests.factories import UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    helpcenter_demo.seed(out)
    portal_demo.seed(out)
    demo.seed(out)
    return out.getvalue()


def test_demo_gives_each_company_people_invitations_an_inactive_person_and_a_history():
    output = _seed()
    assert "  contacts: " in output
    for organization in Organization.objects.filter(cnpj__in=demo.GESTORES):
        assert Membership.objects.filter(organization=organization).count() >= 3
        assert FormerMember.objects.filter(organization=organization).exists()
        assert Invitation.objects.filter(organization=organization).exists()
        assert ContactEvent.objects.filter(organization=organization).count() >= 4
    pending = [invitation for invitation in Invitation.objects.open() if not invitation.is_expired]
    expired = [invitation for invitation in Invitation.objects.open() if invitation.is_expired]
    assert pending
    assert expired
    counts = (
        Membership.objects.count(),
        Invitation.objects.count(),
        FormerMember.objects.count(),
        ContactEvent.objects.count(),
    )
    _seed()
    assert (
        Membership.objects.count(),
        Invitation.objects.count(),
        FormerMember.objects.count(),
        ContactEvent.objects.count(),
    ) == counts


@pytest.fixture
def admin_client_2fa():
    return staff_client(UserFactory(is_staff=True, is_superuser=True))


def test_staff_read_the_trail_with_filters_and_cannot_edit_it(admin_client_2fa):
    event = ContactEventFactory(target_name="Luciana Prado", action="desativou")
    response = admin_client_2fa.get("/admin/contacts/contactevent/?action__exact=desativou")
    assert response.status_code == 200
    assert "Luciana Prado" in response.content.decode()
    assert admin_client_2fa.get("/admin/contacts/contactevent/add/").status_code == 403
    detail = admin_client_2fa.get(f"/admin/contacts/contactevent/{event.pk}/change/")
    assert detail.status_code == 200
    assert 'name="target_name"' not in detail.content.decode()
    assert admin_client_2fa.post(f"/admin/contacts/contactevent/{event.pk}/delete/").status_code == 403


def test_staff_see_invitations_without_their_token_and_inactive_people(admin_client_2fa):
    invitation = InvitationFactory(email="luciana@cliente.example")
    former = FormerMemberFactory(user__name="Rafael Teixeira")
    html = admin_client_2fa.get("/admin/contacts/invitation/").content.decode()
    assert "luciana@cliente.example" in html
    detail = admin_client_2fa.get(f"/admin/contacts/invitation/{invitation.pk}/change/").content.decode()
    assert invitation.token_hash not in detail
    assert invitation.token not in detail
    assert "Rafael Teixeira" in admin_client_2fa.get("/admin/contacts/formermember/").content.decode()
    assert former.pk
