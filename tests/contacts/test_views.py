"""The Contatos pages: who sees what, who may act, bad input, another company's objects, budgets."""

import pytest
from django.utils import timezone

from contacts.models import ContactEvent, FormerMember, Invitation
from contacts.views import SESSION_KEY
from portal.models import Membership, OutboundEmail, User
from tests.budgets import max_queries
from tests.contacts.factories import ContactEventFactory, FormerMemberFactory, InvitationFactory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")


@pytest.fixture
def gestor(company):
    return MembershipFactory(
        organization=company, role="gestor", user__name="Ana Paula Souza", user__cpf="52998224725"
    ).user


@pytest.fixture
def membro(company):
    return MembershipFactory(organization=company, role="membro", user__name="Bruno Lima").user


@pytest.fixture
def other():
    """Another company, with its people, an invitation and an inactive person."""
    company = OrganizationFactory(legal_name="Outra Empresa Ltda.", trade_name="Outra")
    membership = MembershipFactory(organization=company, role="membro", user__name="Zuleica Estranha")
    return {
        "membership": membership,
        "invitation": InvitationFactory(organization=company),
        "former": FormerMemberFactory(organization=company),
    }


# The list --------------------------------------------------------------------------------------


def test_contatos_requires_login(client):
    response = client.get("/contatos/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def test_gestor_sees_people_with_masked_cpf_roles_states_and_actions(client, company, gestor, membro, other):
    InvitationFactory(organization=company, name="Luciana Prado", email="luciana@cliente.example")
    FormerMemberFactory(organization=company, user__name="Rafael Teixeira", user__email="rafael@cliente.example")
    client.force_login(gestor)
    response = client.get("/contatos/")
    page = response.content.decode().replace("<wbr>", "")
    assert response.status_code == 200
    assert "Ana Paula Souza" in page
    assert "(você)" in page
    assert "***.982.247-**" in page
    assert "529.982.247-25" not in page
    assert "Bruno Lima" in page
    assert membro.email in page
    assert "Luciana Prado" in page
    assert "Convidado" in page
    assert "Rafael Teixeira" in page
    assert "rafael@cliente.example" in page
    assert "Inativo" in page
    assert "Convidar pessoa" in page
    assert "Alterar papel" in page
    assert "Reenviar convite" in page
    assert "Zuleica" not in page


def test_membro_reads_the_list_without_actions_nor_inactive_emails(client, company, gestor, membro):
    InvitationFactory(organization=company, name="Luciana Prado", email="luciana@cliente.example")
    FormerMemberFactory(organization=company, user__name="Rafael Teixeira", user__email="rafael@cliente.example")
    client.force_login(membro)
    page = client.get("/contatos/").content.decode().replace("<wbr>", "")
    assert "Ana Paula Souza" in page
    assert gestor.email in page
    assert "Rafael Teixeira" in page
    assert "Inativo" in page
    assert "rafael@cliente.example" not in page
    assert "luciana@cliente.example" in page
    assert "Você é membro desta empresa" in page
    assert "Convidar pessoa" not in page
    assert "Alterar papel" not in page
    assert "Desativar" not in page


def test_a_user_without_company_sees_an_explanation(client):
    client.force_login(UserFactory())
    response = client.get("/contatos/")
    assert response.status_code == 200
    assert "não está vinculada a nenhuma empresa" in response.content.decode().replace("<wbr>", "")


def _populate(company, n):
    for _index in range(n):
        MembershipFactory(organization=company)
        InvitationFactory(organization=company)
        FormerMemberFactory(organization=company)


@pytest.mark.parametrize("rows", [1, 15])
def test_the_list_query_count_is_flat(client, company, gestor, rows):
    second = OrganizationFactory()
    MembershipFactory(organization=second, user=gestor, role="membro")
    _populate(company, rows)
    _populate(second, rows)
    client.force_login(gestor)
    with max_queries(6):
        assert client.get("/contatos/").status_code == 200


@pytest.mark.parametrize("rows", [1, 40])
def test_the_history_query_count_is_flat(client, company, gestor, rows):
    ContactEventFactory.create_batch(rows, organization=company)
    client.force_login(gestor)
    with max_queries(6):
        assert client.get("/contatos/historico/").status_code == 200


# Inviting --------------------------------------------------------------------------------------


def test_gestor_invites_by_email(client, company, gestor):
    client.force_login(gestor)
    assert client.get("/contatos/convidar/").status_code == 200
    response = client.post(
        "/contatos/convidar/",
        {"empresa": company.pk, "name": "Luciana Prado", "email": "luciana@cliente.example", "role": "membro"},
    )
    assert response.status_code == 302
    assert Invitation.objects.get().email == "luciana@cliente.example"
    assert OutboundEmail.objects.count() == 1
    page = client.get("/contatos/").content.decode().replace("<wbr>", "")
    assert "Convite enviado para luciana@cliente.example" in page


def test_invite_with_bad_input_keeps_what_was_typed(client, company, gestor, membro):
    client.force_login(gestor)
    response = client.post(
        "/contatos/convidar/",
        {"empresa": company.pk, "name": "Luciana Prado", "email": "não é e-mail", "role": "membro"},
    )
    assert response.status_code == 400
    assert "Luciana Prado" in response.content.decode().replace("<wbr>", "")
    response = client.post(
        "/contatos/convidar/", {"empresa": company.pk, "name": "Bruno", "email": membro.email, "role": "membro"}
    )
    assert response.status_code == 400
    assert "já está ativa" in response.content.decode().replace("<wbr>", "")
    assert not Invitation.objects.exists()


def test_invitations_are_rate_limited_per_gestor(client, company, gestor, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "convite-gestor": (1, 3600)}
    client.force_login(gestor)
    data = {"empresa": company.pk, "name": "L", "role": "membro"}
    assert client.post("/contatos/convidar/", {**data, "email": "a@c.example"}).status_code == 302
    response = client.post("/contatos/convidar/", {**data, "email": "b@c.example"})
    assert response.status_code == 429
    assert "Muitos convites" in response.content.decode().replace("<wbr>", "")
    assert Invitation.objects.count() == 1


def test_a_membro_cannot_open_the_invite_page(client, membro):
    client.force_login(membro)
    assert client.get("/contatos/convidar/").status_code == 403


def test_a_gestor_cannot_invite_to_another_company(client, gestor, other):
    client.force_login(gestor)
    foreign = other["membership"].organization
    response = client.post(
        "/contatos/convidar/", {"empresa": foreign.pk, "name": "X", "email": "x@c.example", "role": "membro"}
    )
    assert response.status_code == 400
    assert not Invitation.objects.filter(organization=foreign, email="x@c.example").exists()


def test_gestor_resends_and_cancels(client, company, gestor):
    invitation = InvitationFactory(organization=company)
    client.force_login(gestor)
    assert client.post(f"/contatos/convites/{invitation.pk}/reenviar/").status_code == 302
    assert OutboundEmail.objects.count() == 1
    assert client.post(f"/contatos/convites/{invitation.pk}/cancelar/").status_code == 302
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    # Cancelling twice: a clear message, not a 500.
    client.post(f"/contatos/convites/{invitation.pk}/cancelar/")
    assert "já foi aceito ou cancelado" in client.get("/contatos/").content.decode().replace("<wbr>", "")


# Roles, deactivation -----------------------------------------------------------------------------


def test_gestor_changes_a_role(client, company, gestor, membro):
    client.force_login(gestor)
    membership = Membership.objects.get(user=membro)
    response = client.post(f"/contatos/vinculos/{membership.pk}/papel/", {"role": "gestor"}, follow=True)
    assert "Bruno Lima agora é gestor." in response.content.decode().replace("<wbr>", "")
    membership.refresh_from_db()
    assert membership.role == "gestor"


def test_a_bad_role_is_refused_with_a_message(client, gestor, membro):
    client.force_login(gestor)
    membership = Membership.objects.get(user=membro)
    response = client.post(f"/contatos/vinculos/{membership.pk}/papel/", {"role": "dono"}, follow=True)
    assert "Escolha um papel" in response.content.decode().replace("<wbr>", "")
    membership.refresh_from_db()
    assert membership.role == "membro"


def test_the_last_gestor_is_told_why_they_cannot_leave(client, gestor):
    client.force_login(gestor)
    own = Membership.objects.get(user=gestor)
    response = client.post(f"/contatos/vinculos/{own.pk}/desativar/", follow=True)
    assert "único gestor ativo de Banco Horizonte" in response.content.decode().replace("<wbr>", "")
    assert Membership.objects.filter(pk=own.pk).exists()


def test_deactivation_asks_for_confirmation_then_ends_access(client, company, gestor, membro):
    client.force_login(gestor)
    membership = Membership.objects.get(user=membro)
    page = client.get(f"/contatos/vinculos/{membership.pk}/desativar/").content.decode().replace("<wbr>", "")
    assert "Desativar Bruno Lima" in page
    assert "imediatamente" in page
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.post(f"/contatos/vinculos/{membership.pk}/desativar/")
    assert not Membership.objects.filter(pk=membership.pk).exists()
    former = FormerMember.objects.get()
    client.force_login(membro)
    assert "não está vinculada a nenhuma empresa" in client.get("/contatos/").content.decode().replace("<wbr>", "")
    client.force_login(gestor)
    client.post(f"/contatos/inativos/{former.pk}/reativar/", {"role": "membro"})
    assert Membership.objects.filter(user=membro, organization=company).exists()


def test_a_membro_gets_403_on_every_management_action(client, company, gestor, membro):
    invitation = InvitationFactory(organization=company)
    former = FormerMemberFactory(organization=company)
    own = Membership.objects.get(user=gestor)
    client.force_login(membro)
    assert client.post(f"/contatos/vinculos/{own.pk}/papel/", {"role": "membro"}).status_code == 403
    assert client.get(f"/contatos/vinculos/{own.pk}/desativar/").status_code == 403
    assert client.post(f"/contatos/vinculos/{own.pk}/desativar/").status_code == 403
    assert client.post(f"/contatos/inativos/{former.pk}/reativar/", {"role": "membro"}).status_code == 403
    assert client.post(f"/contatos/convites/{invitation.pk}/reenviar/").status_code == 403
    assert client.post(f"/contatos/convites/{invitation.pk}/cancelar/").status_code == 403
    assert client.get("/contatos/historico/").status_code == 403
    assert Membership.objects.get(pk=own.pk).role == "gestor"
    assert not ContactEvent.objects.exists()


def test_another_companys_objects_answer_404_on_every_url(client, gestor, other):
    client.force_login(gestor)
    membership, invitation, former = other["membership"], other["invitation"], other["former"]
    assert client.post(f"/contatos/vinculos/{membership.pk}/papel/", {"role": "gestor"}).status_code == 404
    assert client.get(f"/contatos/vinculos/{membership.pk}/desativar/").status_code == 404
    assert client.post(f"/contatos/vinculos/{membership.pk}/desativar/").status_code == 404
    assert client.post(f"/contatos/inativos/{former.pk}/reativar/", {"role": "membro"}).status_code == 404
    assert client.post(f"/contatos/convites/{invitation.pk}/reenviar/").status_code == 404
    assert client.post(f"/contatos/convites/{invitation.pk}/cancelar/").status_code == 404
    membership.refresh_from_db()
    assert membership.role == "membro"
    assert FormerMember.objects.filter(pk=former.pk).exists()
    assert Invitation.objects.get(pk=invitation.pk).cancelled_at is None


# History -----------------------------------------------------------------------------------------


def test_gestor_reads_the_history_of_their_companies_only(client, company, gestor, other):
    ContactEventFactory(organization=company, actor=gestor, target_name="Luciana Prado", action="convidou")
    ContactEventFactory(
        organization=company, actor=gestor, target_name="Bruno Lima", action="alterou_papel", detail="membro → gestor"
    )
    ContactEventFactory(organization=other["membership"].organization, target_name="Segredo Alheio")
    client.force_login(gestor)
    page = client.get("/contatos/historico/").content.decode().replace("<wbr>", "")
    assert "Luciana Prado" in page
    assert "Convidou" in page
    assert "Membro → Gestor" in page
    assert "Segredo Alheio" not in page
    # A company filter naming another company shows only the user's own.
    page = (
        client.get(f"/contatos/historico/?empresa={other['membership'].organization_id}")
        .content.decode()
        .replace("<wbr>", "")
    )
    assert "Luciana Prado" in page
    assert "Segredo Alheio" not in page


def test_history_is_paginated(client, company, gestor):
    ContactEventFactory.create_batch(30, organization=company)
    client.force_login(gestor)
    assert "Página 1 de 2" in client.get("/contatos/historico/").content.decode().replace("<wbr>", "")
    assert "Página 2 de 2" in client.get("/contatos/historico/?pagina=2").content.decode().replace("<wbr>", "")


# Accepting ---------------------------------------------------------------------------------------


def test_opening_the_link_spends_nothing_and_moves_the_token_to_the_session(client, company):
    invitation = InvitationFactory(organization=company, role="gestor")
    response = client.get(f"/contatos/convite/{invitation.token}/")
    assert response.status_code == 302
    assert response["Location"] == "/contatos/convite/"
    assert client.session[SESSION_KEY] == invitation.token
    page = client.get("/contatos/convite/").content.decode().replace("<wbr>", "")
    assert "Banco Horizonte" in page
    assert "Gestor" in page
    assert "Criar conta e aceitar" in page
    # Opening it again (a mail scanner, then the person) still works.
    assert client.get(f"/contatos/convite/{invitation.token}/").status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


@pytest.mark.parametrize("state", ["unknown", "expired", "used", "cancelled"])
def test_dead_links_all_answer_the_same_404(client, company, state):
    invitation = InvitationFactory(organization=company, expired=state == "expired")
    if state == "used":
        Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    if state == "cancelled":
        Invitation.objects.filter(pk=invitation.pk).update(cancelled_at=timezone.now())
    token = "x" * 43 if state == "unknown" else invitation.token
    response = client.get(f"/contatos/convite/{token}/")
    assert response.status_code == 404
    page = response.content.decode().replace("<wbr>", "")
    assert "Convite inválido ou expirado" in page
    assert "Banco Horizonte" not in page
    assert client.get("/contatos/convite/").status_code == 404


def test_a_new_person_creates_their_account_and_is_signed_in(client, company):
    invitation = InvitationFactory(organization=company, email="novo@cliente.example")
    client.get(f"/contatos/convite/{invitation.token}/")
    data = {"name": "Nova Pessoa", "cpf": "529.982.247-25", "password1": "uma senha longa 2026", "password2": "outra"}
    response = client.post("/contatos/convite/", data)
    assert response.status_code == 400
    page = response.content.decode().replace("<wbr>", "")
    assert "As duas senhas não são iguais." in page
    assert "Nova Pessoa" in page
    response = client.post("/contatos/convite/", {**data, "password2": "uma senha longa 2026"}, follow=True)
    assert "Convite aceito" in response.content.decode().replace("<wbr>", "")
    user = User.objects.get(email="novo@cliente.example")
    assert Membership.objects.filter(user=user, organization=company).exists()
    assert response.context["user"] == user
    assert SESSION_KEY not in client.session


def test_a_cpf_of_another_account_is_refused_on_the_form(client, company):
    UserFactory(cpf="52998224725", name="Maria da Silva")
    invitation = InvitationFactory(organization=company, email="novo@cliente.example")
    client.get(f"/contatos/convite/{invitation.token}/")
    response = client.post(
        "/contatos/convite/",
        {"name": "X", "cpf": "52998224725", "password1": "uma senha longa 2026", "password2": "uma senha longa 2026"},
    )
    assert response.status_code == 400
    page = response.content.decode().replace("<wbr>", "")
    assert "já está cadastrado em outra conta" in page
    assert "Maria" not in page


def test_an_existing_account_is_asked_to_sign_in_then_confirms_its_cpf(client, company):
    user = UserFactory(email="bruno@cliente.example", cpf="52998224725")
    invitation = InvitationFactory(organization=company, email="bruno@cliente.example")
    client.get(f"/contatos/convite/{invitation.token}/")
    page = client.get("/contatos/convite/").content.decode().replace("<wbr>", "")
    assert "Entrar para aceitar" in page
    assert "/entrar/?next=/contatos/convite/" in page
    assert invitation.token not in page
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = invitation.token
    session.save()
    assert client.post("/contatos/convite/", {"cpf": "111.444.777-35"}).status_code == 400
    client.post("/contatos/convite/", {"cpf": "529.982.247-25"})
    assert Membership.objects.filter(user=user, organization=company).exists()


def test_signed_in_as_another_account_offers_to_sign_out_and_keeps_the_invitation(client, company):
    invitation = InvitationFactory(organization=company, email="novo@cliente.example")
    client.force_login(UserFactory(email="outra@cliente.example"))
    client.get(f"/contatos/convite/{invitation.token}/")
    response = client.get("/contatos/convite/")
    assert "Você entrou como outra@cliente.example" in response.content.decode().replace("<wbr>", "")
    assert client.post("/contatos/convite/").status_code == 302  # no form to post in this state
    response = client.post("/contatos/convite/sair/", follow=True)
    assert response.context["user"].is_anonymous
    assert "Criar conta e aceitar" in response.content.decode().replace("<wbr>", "")


def test_accepting_is_rate_limited_per_address(client, company, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "convite-aceite-ip": (2, 3600)}
    invitation = InvitationFactory(organization=company, email="novo@cliente.example")
    client.get(f"/contatos/convite/{invitation.token}/")
    data = {"name": "X", "cpf": "52998224725", "password1": "a", "password2": "b"}
    assert client.post("/contatos/convite/", data).status_code == 400
    assert client.post("/contatos/convite/", data).status_code == 400
    assert client.post("/contatos/convite/", data).status_code == 429
    assert not User.objects.filter(email="novo@cliente.example").exists()
