"""Demo Contatos: a few more people in each demo company (one of them inactive), one pending and one
expired invitation, and a history of how each company's list came to be. Runs after portal's demo
(the companies, their gestores and membros). Idempotent: the history is written once per company."""

import datetime
import secrets

from django.utils import timezone

from contacts.models import ContactEvent, FormerMember, Invitation
from contacts.services import hash_token
from portal.demo import CUSTOMER_PASSWORD
from portal.models import Membership, Organization, User

HORIZONTE, VALE_VERDE, NOVA_ROTA = "33451729000133", "07864215000108", "12ABC345000188"

GESTORES = {
    HORIZONTE: "ana.souza@bancohorizonte.example",
    VALE_VERDE: "carla.mendes@valeverde.example",
    NOVA_ROTA: "elisa.rocha@novarota.example",
}

# e-mail, CPF, name, company, role, state, days since they joined
PEOPLE = [
    ("marina.castro@bancohorizonte.example", "15881399803", "Marina Castro", HORIZONTE, "gestor", "ativo", 200),
    ("joao.pereira@bancohorizonte.example", "69879730917", "João Pereira", HORIZONTE, "membro", "ativo", 95),
    ("rafael.teixeira@bancohorizonte.example", "11417075350", "Rafael Teixeira", HORIZONTE, "membro", "inativo", 300),
    ("patricia.gomes@valeverde.example", "64556815177", "Patrícia Gomes", VALE_VERDE, "membro", "ativo", 120),
    ("sergio.batista@valeverde.example", "88447294072", "Sérgio Batista", VALE_VERDE, "membro", "inativo", 240),
    ("tiago.moura@novarota.example", "55761698757", "Tiago Moura", NOVA_ROTA, "membro", "ativo", 60),
    ("renata.lopes@novarota.example", "16897684600", "Renata Lopes", NOVA_ROTA, "membro", "inativo", 150),
]

# company, name, e-mail, role, days since it was sent (more than 7: expired)
INVITATIONS = [
    (HORIZONTE, "Luciana Prado", "luciana.prado@bancohorizonte.example", "membro", 2),
    (HORIZONTE, "Otávio Reis", "otavio.reis@bancohorizonte.example", "membro", 12),
    (VALE_VERDE, "Helena Duarte", "helena.duarte@valeverde.example", "gestor", 1),
    (NOVA_ROTA, "Caio Fernandes", "caio.fernandes@novarota.example", "membro", 10),
]


def _at(days_ago: float, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=int(days_ago))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 15)))


def seed(stdout) -> None:
    organizations = Organization.objects.in_bulk([HORIZONTE, VALE_VERDE, NOVA_ROTA], field_name="cnpj")
    gestores = User.objects.in_bulk(list(GESTORES.values()), field_name="email")
    if len(organizations) < 3 or len(gestores) < 3:
        stdout.write("  contacts: empresas de demonstração ausentes, nada a fazer\n")
        return
    fresh_history = {cnpj for cnpj, organization in organizations.items() if not organization.contact_events.exists()}
    events: list[ContactEvent] = []

    def event(cnpj, days_ago, action, user_name, email, detail="", actor=None, hour=10):
        if cnpj in fresh_history:
            actor = actor or gestores[GESTORES[cnpj]]
            events.append(
                ContactEvent(
                    organization=organizations[cnpj],
                    actor=actor,
                    actor_name=actor.name,
                    action=action,
                    target_name=user_name,
                    target_email=email,
                    detail=detail,
                    created_at=_at(days_ago, hour),
                )
            )

    for email, cpf, name, cnpj, role, state, joined in PEOPLE:
        user, _created = User.objects.update_or_create(
            email=email, defaults={"cpf": cpf, "name": name, "is_active": True}
        )
        user.set_password(CUSTOMER_PASSWORD)
        user.save(update_fields=["password"])
        organization = organizations[cnpj]
        first_role = "membro" if email.startswith("marina.") else role
        event(cnpj, joined + 1, ContactEvent.Action.INVITED, name, email, first_role)
        event(cnpj, joined, ContactEvent.Action.ACCEPTED, name, email, first_role, actor=user, hour=14)
        if first_role != role:
            event(cnpj, joined - 30, ContactEvent.Action.ROLE_CHANGED, name, email, f"{first_role} → {role}")
        if state == "ativo":
            Membership.objects.update_or_create(user=user, organization=organization, defaults={"role": role})
            FormerMember.objects.filter(user=user, organization=organization).delete()
        else:
            Membership.objects.filter(user=user, organization=organization).delete()
            left = joined // 3
            FormerMember.objects.update_or_create(
                user=user,
                organization=organization,
                defaults={"role": role, "deactivated_by": gestores[GESTORES[cnpj]], "deactivated_at": _at(left, 16)},
            )
            event(cnpj, left, ContactEvent.Action.DEACTIVATED, name, email, role, hour=16)

    now = timezone.now()
    for cnpj, name, email, role, sent in INVITATIONS:
        organization = organizations[cnpj]
        if Invitation.objects.filter(organization=organization, email=email).exists():
            continue
        created = now - datetime.timedelta(days=sent)
        Invitation.objects.create(
            organization=organization,
            name=name,
            email=email,
            role=role,
            token_hash=hash_token(secrets.token_urlsafe(32)),  # nobody holds this link: resend to get one
            invited_by=gestores[GESTORES[cnpj]],
            created_at=created,
            expires_at=created + Invitation.LIFETIME,
        )
        event(cnpj, sent, ContactEvent.Action.INVITED, name, email, role, hour=9)
    ContactEvent.objects.bulk_create(events)
    stdout.write(
        f"  contacts: {Invitation.objects.count()} convites, {FormerMember.objects.count()} pessoas inativas, "
        f"{ContactEvent.objects.count()} registros no histórico ({len(events)} novos)\n"
    )
