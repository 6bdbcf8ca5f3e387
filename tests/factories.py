"""Factories for every model the tests need. Valid CPFs and CNPJs come from a sequence."""

import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory

from helpcenter.models import Article, DocumentationPage, FaqCategory, Product
from portal.models import Contract, Membership, Organization, User
from tickets.models import Attachment, FormField, Message, Subject, Team, Ticket, TicketForm, TicketType
from tickets.services import is_member_of

DEFAULT_PASSWORD = "senha-de-teste-123"


def _check_digit(digits: str, weights: range | list[int]) -> str:
    total = sum((ord(char) - 48) * weight for char, weight in zip(digits, weights, strict=True))
    remainder = total % 11
    return "0" if remainder < 2 else str(11 - remainder)


def valid_cpf(n: int) -> str:
    """The n-th valid CPF of a deterministic series (never a repeated-digit one)."""
    base = f"{100_000_000 + n:09d}"
    first = _check_digit(base, range(10, 1, -1))
    return base + first + _check_digit(base + first, range(11, 1, -1))


def valid_cnpj(n: int, *, alphanumeric: bool = False) -> str:
    """The n-th valid CNPJ of a deterministic series; alphanumeric ones have letters in the root."""
    base = f"{10_000_000 + n:08d}0001"
    if alphanumeric:
        base = "AB" + base[2:]
    weights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    first = _check_digit(base, weights)
    return base + first + _check_digit(base + first, [6, *weights])


class ProductFactory(DjangoModelFactory):
    class Meta:
        model = Product
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Produto {n}")
    slug = factory.Sequence(lambda n: f"produto-{n}")
    short_description = factory.Faker("sentence", locale="pt_BR")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"pessoa{n}@cliente.example")
    cpf = factory.Sequence(valid_cpf)
    name = factory.Faker("name", locale="pt_BR")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save(update_fields=["password"])


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    cnpj = factory.Sequence(valid_cnpj)
    legal_name = factory.Faker("company", locale="pt_BR")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.MEMBER


class ContractFactory(DjangoModelFactory):
    class Meta:
        model = Contract

    organization = factory.SubFactory(OrganizationFactory)
    product = factory.SubFactory(ProductFactory)
    number = factory.Sequence(lambda n: f"CT-2026/{n:05d}")
    status = Contract.Status.ACTIVE
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    end_date = None
    monthly_value = Decimal("12345.67")
    value_is_estimate = False
    manager_name = "Ana Paula Souza"
    fiscal_name = "Roberto Carvalho"


class FaqCategoryFactory(DjangoModelFactory):
    class Meta:
        model = FaqCategory
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Categoria {n}")
    slug = factory.Sequence(lambda n: f"categoria-{n}")
    description = "Perguntas de teste."


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    category = factory.SubFactory(FaqCategoryFactory)
    question = factory.Sequence(lambda n: f"Como funciona o assunto {n}?")
    slug = factory.Sequence(lambda n: f"assunto-{n}")
    body = "Uma resposta **clara**, com uma lista:\n\n- primeiro passo\n- segundo passo\n"
    order = factory.Sequence(lambda n: n)


class DocumentationPageFactory(DjangoModelFactory):
    class Meta:
        model = DocumentationPage

    product = factory.SubFactory(ProductFactory)
    title = factory.Sequence(lambda n: f"Guia {n}")
    slug = factory.Sequence(lambda n: f"guia-{n}")
    body = "### Antes de começar\n\nTenha em mãos a sua chave de acesso.\n"
    order = factory.Sequence(lambda n: n)


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Equipe {n}")


class SubjectFactory(DjangoModelFactory):
    class Meta:
        model = Subject
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Assunto {n}")
    slug = factory.Sequence(lambda n: f"assunto-{n}")


class TicketTypeFactory(DjangoModelFactory):
    class Meta:
        model = TicketType
        django_get_or_create = ["name"]

    name = "Incidente"


class TicketFormFactory(DjangoModelFactory):
    class Meta:
        model = TicketForm

    name = factory.LazyAttribute(lambda form: f"Suporte {form.product.name}" if form.product else "Suporte")
    slug = factory.Sequence(lambda n: f"formulario-{n}")
    product = factory.SubFactory(ProductFactory)
    subject = None
    team = factory.SubFactory(TeamFactory)


class FormFieldFactory(DjangoModelFactory):
    class Meta:
        model = FormField

    form = factory.SubFactory(TicketFormFactory)
    label = factory.Sequence(lambda n: f"Campo {n}")
    kind = FormField.Kind.SHORT_TEXT
    order = factory.Sequence(lambda n: n)


class TicketFactory(DjangoModelFactory):
    class Meta:
        model = Ticket

    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    submission_key = factory.Sequence(lambda n: f"chave-{n}")
    requester_cpf = factory.Sequence(lambda n: valid_cpf(n + 500))
    requester_name = "Maria da Silva"
    cnpj = factory.Sequence(lambda n: valid_cnpj(n + 500))
    email = "maria@cliente.example"
    form = factory.SubFactory(TicketFormFactory)
    product = factory.SelfAttribute("form.product")
    type = factory.SubFactory(TicketTypeFactory)
    title = factory.Sequence(lambda n: f"Erro ao consultar {n}")
    description = "Ao consultar, recebo erro 500."
    status = Ticket.Status.OPEN
    # As the services do it: a ticket waiting on the customer has its SLA clock paused.
    sla_paused_at = factory.LazyAttribute(lambda ticket: timezone.now() if ticket.status == Ticket.PAUSED else None)
    team = factory.SelfAttribute("form.team")
    created_by = None
    # As the service decides it: the company's gestores see the ticket only if a member opened it.
    company_verified = factory.LazyAttribute(
        lambda ticket: is_member_of(ticket.cnpj, cpf=ticket.requester_cpf, user=ticket.created_by)
    )


class MessageFactory(DjangoModelFactory):
    class Meta:
        model = Message

    ticket = factory.SubFactory(TicketFactory)
    kind = Message.Kind.REPLY
    body = factory.Sequence(lambda n: f"Resposta número {n}.")
    author_name = "Equipe de atendimento"


class AttachmentFactory(DjangoModelFactory):
    """A real file in private storage (a tiny PDF), attached to a ticket or one of its messages."""

    class Meta:
        model = Attachment

    ticket = factory.SubFactory(TicketFactory)
    message = None
    token = factory.Sequence(lambda n: f"anexo-token-{n}")
    original_name = "comprovante.pdf"
    content_type = "application/pdf"
    size = 15
    uploaded_at = factory.LazyFunction(timezone.now)
    file = factory.LazyAttribute(lambda o: ContentFile(b"%PDF-1.4\n%%EOF\n", name=o.token))


class TOTPDeviceFactory(DjangoModelFactory):
    """A confirmed authenticator app (staff's second factor), as the set-up page leaves it."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory, is_staff=True)
    name = "Aplicativo autenticador"
    confirmed = True
