"""Contatos' writes: who may do what, the last-gestor rule, invitations' single use, and the trail."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from contacts import services
from contacts.models import ContactEvent, FormerMember, Invitation
from portal.models import Membership, OutboundEmail, User
from tests.contacts.factories import FormerMemberFactory, InvitationFactory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor", user__name="Ana Paula Souza").user


def test_inviting_stores_only_the_tokens_hash_and_mails_the_link(company, gestor, settings):
    settings.PORTAL_BASE_URL = "https://cliente.example.gov.br"
    invitation = services.invitation_send(
        organization=company, actor=gestor, name="  Luciana   Prado ", email="Luciana@Cliente.Example", role="membro"
    )
    assert invitation.email == "luciana@cliente.example"
    assert invitation.name == "Luciana Prado"
    assert len(invitation.token_hash) == 64
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=7)
    email = OutboundEmail.objects.get()
    assert email.to == ["luciana@cliente.example"]
    assert "Banco Horizonte" in email.subject
    assert "https://cliente.example.gov.br/contatos/convite/" in email.body
    raw = email.body.split("/contatos/convite/")[1].split("/")[0]
    assert services.hash_token(raw) == invitation.token_hash
    assert raw not in invitation.token_hash
    event = ContactEvent.objects.get()
    assert (event.action, event.actor_name, event.target_email) == ("convidou", "Ana Paula Souza", invitation.email)


def test_the_invitation_email_is_in_the_inviters_language(company, gestor):
    from django.utils import translation

    with translation.override("en"):
        services.invitation_send(organization=company, actor=gestor, name="Luciana", email="l@c.example", role="membro")
    # The English catalogue may not have this text yet; the language at least reaches the HTML.
    assert 'lang="en"' in OutboundEmail.objects.get().html_body


def test_a_membro_cannot_invite(company):
    membro = MembershipFactory(organization=company, role="membro").user
    with pytest.raises(PermissionDenied):
        services.invitation_send(organization=company, actor=membro, name="X", email="x@c.example", role="membro")
    assert not Invitation.objects.exists()


def test_inviting_someone_already_active_is_refused(company, gestor):
    other = MembershipFactory(organization=company, user__email="bruno@cliente.example").user
    with pytest.raises(ValidationError, match="já está ativa"):
        services.invitation_send(
            organization=company, actor=gestor, name=other.name, email="BRUNO@cliente.example", role="membro"
        )


def test_inviting_an_inactive_person_says_to_reactivate(company, gestor):
    FormerMemberFactory(organization=company, user__email="rafael@cliente.example")
    with pytest.raises(ValidationError, match="Reativar"):
        services.invitation_send(
            organization=company, actor=gestor, name="Rafael", email="rafael@cliente.example", role="membro"
        )


def test_only_one_pending_invitation_per_email_and_company(company, gestor):
    services.invitation_send(organization=company, actor=gestor, name="L", email="l@c.example", role="membro")
    with pytest.raises(ValidationError, match="Reenviar"):
        services.invitation_send(organization=company, actor=gestor, name="L", email="L@c.example", role="gestor")
    # Another company may invite the same address.
    other = OrganizationFactory()
    MembershipFactory(organization=other, user=gestor, role="gestor")
    services.invitation_send(organization=other, actor=gestor, name="L", email="l@c.example", role="membro")
    assert Invitation.objects.count() == 2


def test_inviting_again_after_expiry_renews_the_invitation(company, gestor):
    old = InvitationFactory(organization=company, email="l@c.example", expired=True)
    renewed = services.invitation_send(organization=company, actor=gestor, name="L", email="l@c.example", role="gestor")
    assert renewed.pk == old.pk
    assert renewed.token_hash != old.token_hash
    assert renewed.expires_at > timezone.now()
    assert services.invitation_for_token(old.token) is None


def test_resending_kills_the_old_link(company, gestor):
    invitation = InvitationFactory(organization=company)
    services.invitation_resend(invitation=invitation, actor=gestor)
    assert services.invitation_for_token(invitation.token) is None
    assert OutboundEmail.objects.count() == 1
    assert ContactEvent.objects.get().action == "reenviou"


def test_cancelled_invitation_cannot_be_accepted(company, gestor):
    invitation = InvitationFactory(organization=company)
    services.invitation_cancel(invitation=invitation, actor=gestor)
    assert services.invitation_for_token(invitation.token) is None
    with pytest.raises(Invitation.DoesNotExist):
        services.invitation_accept_new_account(
            token=invitation.token, name="X", cpf="52998224725", password="uma senha longa 2026"
        )
    with pytest.raises(ValidationError):
        services.invitation_resend(invitation=invitation, actor=gestor)


def test_accepting_creates_the_account_and_the_membership_once(company):
    invitation = InvitationFactory(organization=company, email="novo@cliente.example", role="gestor")
    user = services.invitation_accept_new_account(
        token=invitation.token, name="Nova Pessoa", cpf="529.982.247-25", password="uma senha longa 2026"
    )
    assert (user.email, user.cpf, user.name) == ("novo@cliente.example", "52998224725", "Nova Pessoa")
    assert user.check_password("uma senha longa 2026")
    assert Membership.objects.get(user=user).role == "gestor"
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert invitation.accepted_at
    assert ContactEvent.objects.get().action == "aceitou"
    with pytest.raises(Invitation.DoesNotExist):
        services.invitation_accept_new_account(
            token=invitation.token, name="Outra", cpf="11144477735", password="uma senha longa 2026"
        )


def test_accepting_with_a_cpf_of_another_account_is_refused_without_saying_whose(company):
    UserFactory(cpf="52998224725", name="Maria da Silva")
    invitation = InvitationFactory(organization=company, email="novo@cliente.example")
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept_new_account(
            token=invitation.token, name="X", cpf="52998224725", password="uma senha longa 2026"
        )
    assert "outra conta" in str(caught.value)
    assert "Maria" not in str(caught.value)
    assert not User.objects.filter(email="novo@cliente.example").exists()


def test_accepting_with_a_weak_password_is_refused(company):
    invitation = InvitationFactory(organization=company, email="novo@cliente.example")
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept_new_account(token=invitation.token, name="X", cpf="52998224725", password="12345678")
    assert "password1" in caught.value.error_dict


def test_an_existing_account_joins_after_confirming_its_cpf(company):
    user = UserFactory(email="bruno@cliente.example", cpf="52998224725")
    FormerMemberFactory(organization=company, user=user)
    invitation = InvitationFactory(organization=company, email="Bruno@Cliente.example")
    with pytest.raises(ValidationError, match="não confere"):
        services.invitation_accept_existing(token=invitation.token, user=user, cpf="11144477735")
    services.invitation_accept_existing(token=invitation.token, user=user, cpf="529.982.247-25")
    assert Membership.objects.filter(user=user, organization=company).exists()
    assert not FormerMember.objects.exists()


def test_another_account_cannot_accept_someone_elses_invitation(company):
    invitation = InvitationFactory(organization=company, email="bruno@cliente.example")
    intruder = UserFactory(email="intruso@cliente.example", cpf="52998224725")
    with pytest.raises(PermissionDenied):
        services.invitation_accept_existing(token=invitation.token, user=intruder, cpf="52998224725")


def test_the_last_gestor_cannot_demote_or_deactivate_themselves(company, gestor):
    own = Membership.objects.get(user=gestor)
    with pytest.raises(ValidationError, match="único gestor"):
        services.role_change(membership=own, actor=gestor, role="membro")
    with pytest.raises(ValidationError, match="único gestor"):
        services.member_deactivate(membership=own, actor=gestor)
    assert Membership.objects.get(user=gestor).role == "gestor"
    assert not ContactEvent.objects.exists()


def test_a_gestor_may_step_down_when_another_gestor_remains(company, gestor):
    MembershipFactory(organization=company, role="gestor")
    own = Membership.objects.get(user=gestor)
    services.role_change(membership=own, actor=gestor, role="membro")
    event = ContactEvent.objects.get()
    assert (event.action, event.detail, event.detail_display) == ("alterou_papel", "gestor → membro", "Gestor → Membro")


def test_deactivating_removes_access_and_reactivating_restores_it(company, gestor):
    membro = MembershipFactory(organization=company, role="membro")
    former = services.member_deactivate(membership=membro, actor=gestor)
    assert not Membership.objects.filter(pk=membro.pk).exists()
    assert (former.role, former.deactivated_by) == ("membro", gestor)
    membership = services.member_reactivate(former=former, actor=gestor, role="gestor")
    assert membership.role == "gestor"
    assert not FormerMember.objects.exists()
    assert list(ContactEvent.objects.order_by("pk").values_list("action", flat=True)) == ["desativou", "reativou"]


def test_a_membro_cannot_change_roles_or_deactivate(company, gestor):
    membro = MembershipFactory(organization=company, role="membro").user
    with pytest.raises(PermissionDenied):
        services.role_change(membership=Membership.objects.get(user=gestor), actor=membro, role="membro")
    with pytest.raises(PermissionDenied):
        services.member_deactivate(membership=Membership.objects.get(user=gestor), actor=membro)
