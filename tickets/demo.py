"""Demo teams, subjects, forms (one per product and per subject) and 36 tickets over two years."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from helpcenter.demo import LANGUAGES, translate
from helpcenter.models import Product
from portal.models import Membership
from tickets.demo_translations import FIELD_TRANSLATIONS, SUBJECT_TRANSLATIONS, TICKET_TYPE_TRANSLATIONS
from tickets.models import (
    FormField,
    Message,
    ProtocolCounter,
    SlaPolicy,
    StatusEvent,
    Subject,
    Team,
    Ticket,
    TicketForm,
    TicketType,
)
from tickets.sla import due_dates

TEAMS = {
    "apis": ("Atendimento de APIs", "apis@atendimento.example"),
    "financeiro": ("Atendimento Financeiro", "financeiro@atendimento.example"),
    "relacionamento": ("Relacionamento com o Cliente", "relacionamento@atendimento.example"),
}

SUBJECTS = [
    # slug, name, team
    ("financeiro", "Financeiro / 2ª via de boleto", "financeiro"),
    ("area-do-cliente", "Área do Cliente", "relacionamento"),
    ("gestao-contratual", "Gestão Contratual", "relacionamento"),
    ("processo-de-compra", "Processo de Compra", "relacionamento"),
]

PRODUCT_FIELDS = [
    ("Ambiente", FormField.Kind.CHOICE, True, "Produção\nHomologação\nTeste"),
    ("Data da ocorrência", FormField.Kind.DATE, False, ""),
    ("O problema impede o uso do produto?", FormField.Kind.YES_NO, True, ""),
]
SUBJECT_FIELDS = {
    "financeiro": [
        ("Número da fatura", FormField.Kind.SHORT_TEXT, False, ""),
        ("Valor (R$)", FormField.Kind.NUMBER, False, ""),
    ],
    "gestao-contratual": [("Número do contrato", FormField.Kind.SHORT_TEXT, True, "")],
}

TITLES = [
    ("Erro 500 ao consultar", "Desde hoje de manhã as consultas retornam erro 500 em produção."),
    ("Lentidão nas respostas", "O tempo de resposta passou de 200 ms para mais de 5 segundos."),
    ("Dúvida sobre limite de requisições", "Qual é o limite por segundo do nosso plano?"),
    ("Credencial expirada", "A chave de acesso deixou de funcionar depois da renovação."),
    ("Segunda via do boleto de março", "Preciso da 2ª via do boleto com vencimento em março."),
    ("Nota fiscal com CNPJ errado", "A nota fiscal saiu com o CNPJ da matriz, e não da filial."),
    ("Inclusão de novo usuário", "Quero dar acesso à Área do Cliente a um colega da equipe."),
    ("Renovação do contrato", "O contrato vence em dois meses; como iniciamos a renovação?"),
]

STATUS_FLOW = ["aberto", "em_atendimento", "aguardando_cliente", "resolvido", "fechado"]
DEMO_TICKETS = 36

REPLIES = {
    "em_atendimento": "Recebemos a sua solicitação e já estamos analisando. Voltamos com uma resposta em breve.",
    "aguardando_cliente": "Para continuar, precisamos do horário aproximado do erro e de um exemplo de requisição.",
    "resolvido": "Corrigimos o problema e acompanhamos por algumas horas: está tudo normal. Pode confirmar?",
    "fechado": "A solicitação foi atendida. Obrigado pelo contato!",
}
INTERNAL_NOTE = "Verificado no monitoramento: pico de uso do cliente às 9h. Não repassar ao cliente."

#: A visitor without an account: consult by this CPF and the link shows in the console e-mail.
ANONYMOUS_CPF = "11144477735"
ANONYMOUS_EMAIL = "visitante@exemplo.example"


def seed(stdout) -> None:
    teams = {
        key: Team.objects.update_or_create(name=name, defaults={"email": email})[0]
        for key, (name, email) in TEAMS.items()
    }
    forms = []
    for order, (slug, name, team) in enumerate(SUBJECTS, start=1):
        subject, _ = Subject.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
        for language in LANGUAGES:
            translate(subject, language, name=SUBJECT_TRANSLATIONS[language].get(slug, ""))
        subject.save()
        form, _ = TicketForm.objects.update_or_create(
            slug=f"assunto-{slug}", defaults={"name": name, "subject": subject, "product": None, "team": teams[team]}
        )
        for language in LANGUAGES:
            translate(form, language, name=SUBJECT_TRANSLATIONS[language].get(slug, ""))
        form.save()
        _fields(form, SUBJECT_FIELDS.get(slug, []))
        forms.append(form)
    for product in Product.objects.all():
        form, _ = TicketForm.objects.update_or_create(
            slug=product.slug,
            defaults={"name": product.name, "product": product, "subject": None, "team": teams["apis"]},
        )
        for language in LANGUAGES:
            translate(form, language, name=getattr(product, f"name_{language}") or "")
        form.save()
        _fields(form, PRODUCT_FIELDS)
        forms.append(form)
    _translate_ticket_types()
    staff = _staff(teams)
    _sla_policies()
    created = _tickets(forms) + _anonymous_tickets(forms)
    _assign(staff)
    stdout.write(f"  tickets: {len(teams)} teams, {len(forms)} forms, {Ticket.objects.count()} tickets ({created} new)")
    example = _example_ticket()
    if example is not None:
        stdout.write(f"  a ticket to open: {example.get_absolute_url()} (signed in as {example.created_by.email})")


def _example_ticket():
    """The newest open ticket of the first demo gestora: the README points to it."""
    return (
        Ticket.objects.filter(created_by__email=EXAMPLE_OWNER)
        .exclude(status__in=Ticket.FINISHED)
        .select_related("created_by")
        .order_by("-created_at")
        .first()
    )


EXAMPLE_OWNER = "ana.souza@bancohorizonte.example"


STAFF_PASSWORD = "equipe-demo-2026"  # noqa: S105 (published demo password)
STAFF = [
    # email, name, group, teams
    ("sofia.ramos@areadocliente.example", "Sofia Ramos", "Supervisor", []),
    ("rafael.costa@areadocliente.example", "Rafael Costa", "Atendente", ["apis"]),
    ("lucia.freitas@areadocliente.example", "Lúcia Freitas", "Atendente", ["financeiro", "relacionamento"]),
]
SLA = [
    # priority, response hours, resolution hours (business hours)
    ("urgente", 4, 16),
    ("alta", 8, 40),
    ("normal", 20, 80),
    ("baixa", 40, 160),
]


def _staff(teams) -> dict:
    User = get_user_model()
    people = {}
    for email, name, group, team_keys in STAFF:
        user, created = User.objects.update_or_create(
            email=email, defaults={"name": name, "is_staff": True, "is_superuser": False, "is_active": True}
        )
        if created:
            user.set_password(STAFF_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
        for key in team_keys:
            teams[key].members.add(user)
        people[email] = user
    return people


def _sla_policies() -> None:
    for priority, response, resolution in SLA:
        SlaPolicy.objects.get_or_create(
            product=None,
            subject=None,
            priority=priority,
            defaults={"response_hours": response, "resolution_hours": resolution},
        )
    datavalid = Product.objects.filter(slug="datavalid").first()
    if datavalid:
        SlaPolicy.objects.get_or_create(
            product=datavalid, subject=None, priority="urgente", defaults={"response_hours": 2, "resolution_hours": 8}
        )


def _assign(staff) -> None:
    """Tickets in progress belong to someone of their team, finished ones are rated, a few are urgent."""
    for ticket in Ticket.objects.filter(submission_key__startswith="demo-", assignee__isnull=True).exclude(
        status="aberto"
    ):
        member = ticket.team.members.order_by("pk").first()
        if member is not None:
            ticket.assignee = member
            ticket.save(update_fields=["assignee"])
    finished = Ticket.objects.filter(submission_key__startswith="demo-", status__in=Ticket.FINISHED, rating=None)
    for ticket in finished.exclude(submission_key__startswith="demo-anonimo-"):  # visitors rate their own
        ticket.rating = 4 + ticket.number % 2
        ticket.rating_comment = "Atendimento rápido e claro." if ticket.rating == 5 else ""
        ticket.rated_at = ticket.closed_at
        ticket.save(update_fields=["rating", "rating_comment", "rated_at"])
    for index, ticket in enumerate(Ticket.objects.filter(submission_key__startswith="demo-", status="aberto")):
        if ticket.priority == "normal" and index % 2 == 0:
            ticket.priority = "alta" if index % 4 else "urgente"
            ticket.save(update_fields=["priority"])


def _fields(form, definitions) -> None:
    for order, (label, kind, required, choices) in enumerate(definitions, start=1):
        field, _ = FormField.objects.update_or_create(
            form=form, label=label, defaults={"kind": kind, "required": required, "choices": choices, "order": order}
        )
        for language in LANGUAGES:
            if label in FIELD_TRANSLATIONS[language]:
                label_translated, help_text, choices_translated = FIELD_TRANSLATIONS[language][label]
                translate(field, language, label=label_translated, help_text=help_text, choices=choices_translated)
        field.save()


def _translate_ticket_types() -> None:
    for kind in TicketType.objects.all():
        for language in LANGUAGES:
            translate(kind, language, name=TICKET_TYPE_TRANSLATIONS[language].get(getattr(kind, "name_pt_br"), ""))  # noqa: B009
        kind.save()


@transaction.atomic
def _tickets(forms) -> int:
    if Ticket.objects.filter(submission_key__startswith="demo-").exists():
        return 0
    members = list(Membership.objects.select_related("user", "organization").order_by("pk"))
    types = list(TicketType.objects.order_by("order"))
    randomizer = random.Random(2026)  # noqa: S311 (demo data, not security)
    now = timezone.now()
    created = 0
    for index in reversed(range(DEMO_TICKETS)):  # oldest first, so numbers follow time
        member = members[index % len(members)]
        assert member.user.cpf is not None  # the demo's customers all have a CPF (portal.demo)
        form = forms[index % len(forms)]
        when = now - datetime.timedelta(days=int(index * 620 / DEMO_TICKETS), hours=randomizer.randint(0, 9))
        year = timezone.localdate(when).year
        title, description = TITLES[index % len(TITLES)]
        status = STATUS_FLOW[min(index // 3, len(STATUS_FLOW) - 1)] if index < 12 else "fechado"
        moved = when + datetime.timedelta(hours=6)  # the team's first answer, and the move to ``status``
        if status == Ticket.PAUSED:
            # Asked for details a few days ago and still waiting: the list and the ticket show the pause.
            moved = now - datetime.timedelta(days=index - 5, hours=3)
        ticket = Ticket.objects.create(
            year=year,
            number=ProtocolCounter.next_number(year),
            submission_key=f"demo-{index}",
            requester_cpf=member.user.cpf,
            requester_name=member.user.name,
            cnpj=member.organization.cnpj,
            company_verified=True,  # opened by a member of that company
            email=member.user.email,
            phone="(61) 99876-5432",
            form=form,
            product=form.product,
            subject=form.subject,
            type=types[index % len(types)],
            title=title,
            description=description,
            status=status,
            sla_paused_at=moved if status == Ticket.PAUSED else None,
            team=form.team,
            created_by=member.user,
            created_at=when,
        )
        ticket.response_due_at, ticket.resolution_due_at = due_dates(
            opened_at=when, product_id=form.product_id, subject_id=form.subject_id, priority=ticket.priority
        )
        ticket.save(update_fields=["response_due_at", "resolution_due_at"])
        _history(ticket, status, when, moved)
        created += 1
    return created


def _history(ticket: Ticket, status: str, when, later) -> None:
    """The status events and the conversation a ticket in ``status`` would have had, moved there ``later``."""
    StatusEvent.objects.create(ticket=ticket, to_status="aberto", at=when)
    if status == "aberto":
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=when)  # not the moment of seeding
        return
    StatusEvent.objects.create(ticket=ticket, from_status="aberto", to_status=status, at=later)
    Message.objects.create(
        ticket=ticket, kind=Message.Kind.NOTE, body=INTERNAL_NOTE, author_name="Atendimento", created_at=later
    )
    Message.objects.create(
        ticket=ticket, kind=Message.Kind.REPLY, body=REPLIES[status], author_name="Atendimento", created_at=later
    )
    ticket.first_response_at = later
    ticket.save(update_fields=["first_response_at"])
    if status in Ticket.FINISHED:
        ticket.closed_at = later
        ticket.save(update_fields=["closed_at"])
    Ticket.objects.filter(pk=ticket.pk).update(updated_at=later)


@transaction.atomic
def _anonymous_tickets(forms) -> int:
    """Two tickets opened without an account, for the consultation by e-mailed link."""
    if Ticket.objects.filter(submission_key__startswith="demo-anonimo-").exists():
        return 0
    types = list(TicketType.objects.order_by("order"))
    now = timezone.now()
    for index, status in enumerate(["em_atendimento", "resolvido"]):
        when = now - datetime.timedelta(days=3 - index)
        year = timezone.localdate(when).year
        title, description = TITLES[index]
        ticket = Ticket.objects.create(
            year=year,
            number=ProtocolCounter.next_number(year),
            submission_key=f"demo-anonimo-{index}",
            requester_cpf=ANONYMOUS_CPF,
            requester_name="Visitante de Demonstração",
            cnpj="12ABC34501DE35",
            company_verified=False,  # typed by a visitor who is not a member: Nova Rota's gestora doesn't see it
            email=ANONYMOUS_EMAIL,
            form=forms[-1],
            product=forms[-1].product,
            subject=forms[-1].subject,
            type=types[0],
            title=title,
            description=description,
            status=status,
            team=forms[-1].team,
            created_at=when,
        )
        ticket.response_due_at, ticket.resolution_due_at = due_dates(
            opened_at=when, product_id=ticket.product_id, subject_id=ticket.subject_id, priority=ticket.priority
        )
        ticket.save(update_fields=["response_due_at", "resolution_due_at"])
        _history(ticket, status, when, when + datetime.timedelta(hours=6))
    return 2
