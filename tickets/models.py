"""Tickets: the forms customers fill in, the tickets they open, protocol numbers and attachments."""

import datetime
import re
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from helpcenter.models import ContentLanguage, Product
from portal.identifiers import CNPJField, CPFField, mask_cnpj, redact_cpf
from tickets.permissions import is_supervisor
from tickets.sla import business_time_between, holidays_since


class Team(models.Model):
    """A group of staff that handles the tickets of some forms (e.g. "Atendimento Financeiro")."""

    name = models.CharField(_("nome"), max_length=120, unique=True)
    email = models.EmailField(_("e-mail da equipe"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="ticket_teams",
        verbose_name=_("atendentes"),
        help_text=_("As pessoas da equipe veem e trabalham os tickets dela no painel."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("equipe de atendimento")
        verbose_name_plural = _("equipes de atendimento")

    def __str__(self) -> str:
        return self.name


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Subject(ContentLanguage, models.Model):
    """An "assunto principal" a ticket can be about when it is not about one product."""

    name = models.CharField(_("nome"), max_length=120, unique=True)
    slug = models.SlugField(_("identificador na URL"), max_length=80, unique=True)
    active = models.BooleanField(_("ativo"), default=True)
    order = models.PositiveIntegerField(_("ordem"), default=0)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("assunto principal")
        verbose_name_plural = _("assuntos principais")

    def __str__(self) -> str:
        return self.name


class TicketType(ContentLanguage, models.Model):
    """Incidente, Dúvida, Requisição…: what kind of request a ticket is. Staff-editable."""

    name = models.CharField(_("nome"), max_length=80, unique=True)
    active = models.BooleanField(_("ativo"), default=True)
    order = models.PositiveIntegerField(_("ordem"), default=0)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("tipo de solicitação")
        verbose_name_plural = _("tipos de solicitação")

    def __str__(self) -> str:
        return self.name


class TicketFormQuerySet(ActiveQuerySet):
    def for_product(self, product):
        return self.active().filter(product=product)


class TicketForm(ContentLanguage, models.Model):
    """The form a customer fills in to open a ticket about one product or one subject."""

    #: Not a column: the content version a form read through ``tickets.catalog`` was read under.
    catalog_version: int | None = None

    name = models.CharField(_("nome"), max_length=120)
    slug = models.SlugField(_("identificador na URL"), max_length=80, unique=True)
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, null=True, blank=True, related_name="ticket_forms", verbose_name=_("produto")
    )
    subject = models.ForeignKey(
        Subject,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ticket_forms",
        verbose_name=_("assunto principal"),
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="forms", verbose_name=_("equipe"))
    active = models.BooleanField(_("ativo"), default=True)

    objects = TicketFormQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("formulário de ticket")
        verbose_name_plural = _("formulários de ticket")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(product__isnull=False, subject__isnull=True)
                | models.Q(product__isnull=True, subject__isnull=False),
                name="tickets_form_product_xor_subject",
                violation_error_message=_("Escolha um produto ou um assunto principal, não os dois."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tickets:new", args=[self.slug])

    @property
    def about(self):
        return self.product or self.subject


class FormField(ContentLanguage, models.Model):
    """An extra question of one form, defined by staff in the admin."""

    LANGUAGE_FIELD = "label"

    class Kind(models.TextChoices):
        SHORT_TEXT = "texto", _("Texto curto")
        LONG_TEXT = "texto_longo", _("Texto longo")
        CHOICE = "escolha", _("Escolha única")
        MULTIPLE_CHOICE = "multipla", _("Múltipla escolha")
        DATE = "data", _("Data")
        NUMBER = "numero", _("Número")
        YES_NO = "sim_nao", _("Sim ou não")

    form = models.ForeignKey(TicketForm, on_delete=models.CASCADE, related_name="fields", verbose_name=_("formulário"))
    label = models.CharField(_("rótulo"), max_length=120)
    kind = models.CharField(_("tipo"), max_length=12, choices=Kind, default=Kind.SHORT_TEXT)
    required = models.BooleanField(_("obrigatório"), default=False)
    choices = models.TextField(
        _("opções"), blank=True, help_text=_("Uma opção por linha; só para escolha única ou múltipla.")
    )
    help_text = models.CharField(_("texto de ajuda"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("ordem"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("campo extra")
        verbose_name_plural = _("campos extras")

    def __str__(self) -> str:
        return self.label

    def clean(self):
        if self.kind in {self.Kind.CHOICE, self.Kind.MULTIPLE_CHOICE} and not self.choice_list:
            raise ValidationError({"choices": _("Informe ao menos uma opção, uma por linha.")})

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def key(self) -> str:
        return f"extra_{self.pk}"


class ProtocolCounter(models.Model):
    """The last protocol number given out in one year. One row per year, locked while in use."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("contador de protocolos")
        verbose_name_plural = _("contadores de protocolos")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"

    @classmethod
    def next_number(cls, year: int) -> int:
        """Take the year's next number; the row stays locked until the transaction ends.

        One statement, an upsert: the first ticket of a year creates the row, every later one
        increments it. Concurrent callers queue on the row lock, so numbers are consecutive and
        unique, and a rolled-back transaction gives its number back.
        """
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (year, last) VALUES (%s, 1) "  # noqa: S608 (a model's own table name)
                f"ON CONFLICT (year) DO UPDATE SET last = {table}.last + 1 RETURNING last",
                [year],
            )
            return cursor.fetchone()[0]


class TicketQuerySet(models.QuerySet):
    def opened_by(self, user):
        return self.filter(created_by=user)

    def recent(self):
        return self.order_by("-created_at", "-pk")

    def worked_by(self, user):
        """What a staff member works: their teams' tickets; every ticket for supervisors.

        The teams as a subquery, not a join: under the admin's LIMIT a join hides the team-queue index.
        """
        if is_supervisor(user):
            return self
        return self.filter(team_id__in=Team.members.through.objects.filter(user=user).values("team_id"))


class StoredGeneratedField(models.GeneratedField):
    """A column PostgreSQL computes and stores (``GENERATED ALWAYS AS … STORED``).

    Django's check of generated fields asks the server whether it also has virtual ones (PostgreSQL
    18), which opens a connection even for ``makemigrations --check`` and ``check --deploy``, run
    without a database. Stored ones need only PostgreSQL 12, and the portal runs on nothing else
    (settings refuse other engines), so that one check is skipped.
    """

    def _check_supported(self, databases):
        return []


class Ticket(models.Model):
    """A customer's request, from the form to its closing."""

    class Status(models.TextChoices):
        OPEN = "aberto", _("Aberto")
        IN_PROGRESS = "em_atendimento", _("Em atendimento")
        WAITING_CUSTOMER = "aguardando_cliente", _("Aguardando o cliente")
        WAITING_SUPPORT = "aguardando_atendimento", _("Aguardando atendimento")
        RESOLVED = "resolvido", _("Resolvido")
        CLOSED = "fechado", _("Fechado")

    class Priority(models.TextChoices):
        LOW = "baixa", _("Baixa")
        NORMAL = "normal", _("Normal")
        HIGH = "alta", _("Alta")
        URGENT = "urgente", _("Urgente")

    class Language(models.TextChoices):
        PORTUGUESE = "pt-br", _("Português")
        ENGLISH = "en", _("Inglês")
        SPANISH = "es", _("Espanhol")

    year = models.PositiveIntegerField(_("ano"), editable=False)
    number = models.PositiveIntegerField(_("número"), editable=False)
    submission_key = models.CharField(max_length=64, unique=True, editable=False)

    requester_cpf = CPFField(_("CPF do solicitante"))
    requester_name = models.CharField(_("nome do solicitante"), max_length=150)
    cnpj = CNPJField(_("CNPJ"))
    company_verified = models.BooleanField(
        _("vínculo com a empresa verificado"),
        db_default=False,
        editable=False,
        help_text=_(
            "Marcado quando quem abriu o ticket é membro da empresa do CNPJ informado. Só esses tickets "
            "aparecem para os gestores da empresa; os outros ficam como “não verificado” para a equipe."
        ),
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefone"), max_length=20, blank=True)
    language = models.CharField(_("idioma"), max_length=5, choices=Language, default=Language.PORTUGUESE)

    form = models.ForeignKey(TicketForm, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("formulário"))
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets", verbose_name=_("produto")
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, null=True, blank=True, related_name="tickets", verbose_name=_("assunto")
    )
    type = models.ForeignKey(TicketType, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("tipo"))
    title = models.CharField(_("assunto"), max_length=150)
    description = models.TextField(_("descrição"), max_length=5000)
    extra = models.JSONField(_("respostas extras"), default=list, blank=True)
    status = models.CharField(_("situação"), max_length=30, choices=Status, default=Status.OPEN)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("equipe"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("aberto por"),
    )
    created_at = models.DateTimeField(_("aberto em"), default=timezone.now)
    updated_at = models.DateTimeField(_("atualizado em"), auto_now=True)
    priority = models.CharField(_("prioridade"), max_length=10, choices=Priority, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tickets",
        verbose_name=_("responsável"),
    )
    response_due_at = models.DateTimeField(_("resposta prevista até"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("solução prevista até"), null=True, blank=True)
    sla_paused_at = models.DateTimeField(
        _("prazo pausado desde"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Enquanto o ticket aguarda o cliente, o prazo não corre."),
    )
    sla_paused = models.DurationField(
        _("tempo pausado"),
        default=datetime.timedelta,
        db_default=datetime.timedelta(),
        editable=False,
        help_text=_("Horário útil das pausas já encerradas; os prazos foram adiados por ele."),
    )
    first_response_at = models.DateTimeField(_("primeira resposta em"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonimizado em"), null=True, blank=True)
    closed_at = models.DateTimeField(_("encerrado em"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("avaliação"), null=True, blank=True)
    rating_comment = models.TextField(_("comentário da avaliação"), max_length=1000, blank=True)
    rated_at = models.DateTimeField(_("avaliado em"), null=True, blank=True)
    # The staff work queue's order, kept by PostgreSQL in the row so an index serves it at any volume:
    # running tickets first (the next deadline first, so the overdue lead), then those waiting on the
    # customer, then finished ones. ``TicketAdmin.get_ordering`` sorts by these two, then -updated_at.
    queue_group = StoredGeneratedField(
        expression=models.Case(
            models.When(status__in=["resolvido", "fechado"], then=models.Value(2)),
            models.When(status="aguardando_cliente", then=models.Value(1)),
            default=models.Value(0),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
        verbose_name=_("fila"),
    )
    next_due_at = StoredGeneratedField(
        expression=models.Case(
            models.When(status__in=["resolvido", "fechado"], then=models.Value(None)),
            models.When(first_response_at__isnull=True, then=models.F("response_due_at")),
            default=models.F("resolution_due_at"),
        ),
        output_field=models.DateTimeField(),
        db_persist=True,
        verbose_name=_("próximo prazo"),
    )

    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        permissions = [
            ("work_all_teams", _("Trabalhar os tickets de todas as equipes")),
            ("reveal_cpf", _("Ver o CPF completo nas listas")),
            ("export_tickets", _("Exportar tickets em CSV")),
            ("anonymise_requester", _("Anonimizar solicitantes")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="tickets_ticket_protocol_unique"),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=[
                        "aberto",
                        "em_atendimento",
                        "aguardando_cliente",
                        "aguardando_atendimento",
                        "resolvido",
                        "fechado",
                    ]
                ),
                name="tickets_ticket_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="tickets_ticket_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(status="aguardando_cliente", sla_paused_at__isnull=False)
                | (~models.Q(status="aguardando_cliente") & models.Q(sla_paused_at__isnull=True)),
                name="tickets_ticket_paused_while_waiting",
            ),
        ]
        indexes = [
            models.Index(fields=["created_by", "-created_at"], name="tickets_ticket_by_user"),
            models.Index(fields=["requester_cpf", "status"], name="tickets_ticket_by_cpf"),
            models.Index(fields=["cnpj", "-created_at"], name="tickets_ticket_by_cnpj"),
            models.Index(fields=["team", "status"], name="tickets_ticket_by_team"),
            models.Index(fields=["assignee", "status"], name="tickets_ticket_by_assignee"),
            # The work queue, for a supervisor (every team) and for an atendente (their teams).
            models.Index(fields=["queue_group", "next_due_at", "-updated_at", "id"], name="tickets_ticket_queue"),
            models.Index(
                fields=["team", "queue_group", "next_due_at", "-updated_at", "id"], name="tickets_ticket_team_queue"
            ),
            # The admin home's counts read open tickets only, from this index alone (an index-only scan:
            # everything the counts test is in it, the overdue test's queue group included).
            models.Index(
                fields=["team", "product", "subject"],
                include=[
                    "assignee",
                    "status",
                    "first_response_at",
                    "response_due_at",
                    "resolution_due_at",
                    "queue_group",
                ],
                condition=models.Q(queue_group__lt=2),
                name="tickets_ticket_open_summary",
            ),
            # The admin home's satisfaction average: the last month's ratings.
            models.Index(fields=["rated_at"], condition=models.Q(rating__isnull=False), name="tickets_ticket_rated"),
        ]

    #: What "Fechadas" means in the consultation; every other status is "Abertas".
    FINISHED = (Status.RESOLVED, Status.CLOSED)
    #: While a ticket waits on the customer its SLA clock stops; leaving, the due dates move on by the pause.
    PAUSED = Status.WAITING_CUSTOMER
    REOPEN_WINDOW = datetime.timedelta(days=7)
    #: What staff may move a ticket to, from each status. Customers reopen through their own action.
    #: Keyed by the plain status value a ticket holds (a Status is equal to its value).
    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        Status.OPEN: {Status.IN_PROGRESS, Status.WAITING_CUSTOMER, Status.RESOLVED, Status.CLOSED},
        Status.IN_PROGRESS: {Status.WAITING_CUSTOMER, Status.RESOLVED},
        Status.WAITING_CUSTOMER: {Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED},
        Status.WAITING_SUPPORT: {Status.IN_PROGRESS, Status.WAITING_CUSTOMER, Status.RESOLVED},
        Status.RESOLVED: {Status.CLOSED, Status.IN_PROGRESS},
        Status.CLOSED: {Status.IN_PROGRESS},
    }

    def __str__(self) -> str:
        return self.protocol

    def get_absolute_url(self) -> str:
        return reverse("tickets:detail", kwargs={"year": self.year, "number": self.number})

    def get_status_display(self) -> str:  # type: ignore[no-redef]  # Django keeps an override (status_label says why)
        return status_label(self.status)

    @classmethod
    def overdue_q(cls, now=None) -> models.Q:
        """Running (neither finished nor paused), and past the first-response deadline (no reply yet) or the
        resolution one."""
        now = now or timezone.now()
        late_response = models.Q(first_response_at__isnull=True, response_due_at__lt=now)
        late_resolution = models.Q(resolution_due_at__lt=now)
        # queue_group 0 is "running" (neither finished nor paused), and is what the queue indexes lead with.
        return models.Q(queue_group=0) & (late_response | late_resolution)

    @property
    def protocol(self) -> str:
        return format_protocol(self.year, self.number)

    @property
    def about(self):
        return self.product or self.subject

    @property
    def cpf_redacted(self) -> str:
        """***.982.247-**: what customer pages and lists show of the requester's CPF."""
        return redact_cpf(self.requester_cpf)

    @property
    def cnpj_masked(self) -> str:
        return mask_cnpj(self.cnpj)

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def can_reply(self) -> bool:
        return self.status != self.Status.CLOSED

    @property
    def can_close(self) -> bool:
        return self.status != self.Status.CLOSED

    def can_reopen(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_finished and self.closed_at is not None and now - self.closed_at <= self.REOPEN_WINDOW

    @property
    def can_rate(self) -> bool:
        """Finished and not rated yet, once the team answered or resolved it: a ticket the customer
        closed before any answer has no service to rate."""
        return self.is_finished and self.rating is None and self.was_attended

    @property
    def was_attended(self) -> bool:
        return self.first_response_at is not None or self.status == self.Status.RESOLVED

    @property
    def due_at(self):
        """The next deadline: the first response until there is one, then the resolution."""
        return self.response_due_at if self.first_response_at is None else self.resolution_due_at

    @property
    def is_paused(self) -> bool:
        return self.status == self.PAUSED

    def paused_for(self, now=None, holidays=None) -> datetime.timedelta:
        """How long, in business time, the current pause has lasted; nothing while the clock runs.

        ``holidays`` (a set of dates from the pause's start on) spares a query when many tickets ask.
        """
        if self.sla_paused_at is None:
            return datetime.timedelta()
        now = now or timezone.now()
        if holidays is None:
            holidays = holidays_since(self.sla_paused_at, until=now)
        return business_time_between(self.sla_paused_at, now, holidays)

    def is_overdue(self, now=None) -> bool:
        now = now or timezone.now()
        if self.is_finished or self.is_paused:
            return False
        late_response = self.first_response_at is None and self.response_due_at and self.response_due_at < now
        return bool(late_response or (self.resolution_due_at and self.resolution_due_at < now))

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, set())


def format_protocol(year: int, number: int) -> str:
    """2026SS/00042. Past 99999 the number simply grows a digit: 2026SS/100000."""
    return f"{year}SS/{number:05d}"


_PROTOCOL = re.compile(r"^(\d{4})\s*SS\s*/?\s*(\d{1,9})$", re.IGNORECASE)


def parse_protocol(text: str) -> tuple[int, int] | None:
    """(year, number) from what a person types: "2026SS/00042", " 2026ss/42 ", "2026SS00042"."""
    match = _PROTOCOL.match((text or "").strip())
    if match is None:
        return None
    year, number = int(match[1]), int(match[2])
    if number == 0:
        return None
    return year, number


class PrivateStorage(LazyObject):
    """Where attachments live: outside STATIC_ROOT and any served media, read only through views.

    A folder (PRIVATE_MEDIA_ROOT), or the storage PRIVATE_STORAGE names (an S3-compatible bucket).
    """

    def _setup(self):
        if settings.PRIVATE_STORAGE is None:
            self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
        else:
            backend = import_string(settings.PRIVATE_STORAGE["BACKEND"])
            self._wrapped = backend(**settings.PRIVATE_STORAGE.get("OPTIONS", {}))


private_storage = PrivateStorage()


def get_private_storage():
    """The attachments' storage, given to FileField as a callable so migrations don't freeze its path."""
    return private_storage


def _attachment_path(attachment, filename: str) -> str:
    # A server-made name: the customer's file name is only metadata.
    return f"anexos/{attachment.uploaded_at:%Y/%m}/{attachment.token}"


class FileRemoval(models.Model):
    """A private file to remove, recorded in the transaction of the change that left it unused.

    ``tickets.removals`` removes it once that change commits; while storage fails, the row stays
    and the worker's sweep tries again (an anonymised requester's files must go, not just be
    forgotten)."""

    path = models.CharField(_("arquivo"), max_length=200, unique=True, editable=False)
    requested_at = models.DateTimeField(_("pedido em"), default=timezone.now, editable=False)
    attempts = models.PositiveIntegerField(_("tentativas"), default=0, editable=False)
    next_attempt_at = models.DateTimeField(_("próxima tentativa"), default=timezone.now, db_index=True, editable=False)
    last_error = models.CharField(_("último erro"), max_length=500, blank=True, editable=False)

    class Meta:
        verbose_name = _("arquivo a remover")
        verbose_name_plural = _("arquivos a remover")

    def __str__(self) -> str:
        return self.path


class Message(models.Model):
    """One entry of a ticket's conversation: the customer's, a staff public reply, or an internal note."""

    class Kind(models.TextChoices):
        CUSTOMER = "cliente", _("Mensagem do cliente")
        REPLY = "resposta", _("Resposta pública")
        NOTE = "nota", _("Nota interna")

    #: What a customer may ever see: internal notes never leave the staff side.
    PUBLIC = (Kind.CUSTOMER, Kind.REPLY)

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages", verbose_name=_("ticket"))
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind)
    body = models.TextField(_("mensagem"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("autor")
    )
    author_name = models.CharField(_("nome do autor"), max_length=150)
    created_at = models.DateTimeField(_("enviada em"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("mensagem")
        verbose_name_plural = _("mensagens")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["cliente", "resposta", "nota"]), name="tickets_message_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["ticket", "created_at"], name="tickets_message_by_ticket")]

    def __str__(self) -> str:
        return f"{self.ticket}: {self.get_kind_display()} ({self.author_name})"

    @property
    def is_public(self) -> bool:
        return self.kind in self.PUBLIC


class Attachment(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("ticket"))
    message = models.ForeignKey(
        Message,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("mensagem"),
    )
    file = models.FileField(_("arquivo"), storage=get_private_storage, upload_to=_attachment_path, max_length=200)
    token = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("nome original"), max_length=255)
    content_type = models.CharField(_("tipo de conteúdo"), max_length=100)
    size = models.PositiveBigIntegerField(_("tamanho em bytes"))
    uploaded_at = models.DateTimeField(_("enviado em"))

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("anexo")
        verbose_name_plural = _("anexos")

    def __str__(self) -> str:
        return self.original_name


def status_label(value: str) -> str:
    """A ticket status's label in the active language; a value that is no status, as it is.

    Django's generic ``get_status_display`` hashes every choice's lazy label on each call, and
    hashing one translates it: a list of 50 tickets translated 300 labels to show 50.
    """
    try:
        return str(Ticket.Status(value).label)
    except ValueError:
        return value


class StatusEvent(models.Model):
    """One change of a ticket's status, kept for the ticket's history.

    Why it changed is a code (``reason``), shown in the reader's language; ``note`` is what staff
    typed, kept as typed.
    """

    class Reason(models.TextChoices):
        CLOSED_BY_CUSTOMER = "fechado_pelo_cliente", _("Fechada pelo cliente.")
        REOPENED_BY_CUSTOMER = "reaberto_pelo_cliente", _("Reaberta pelo cliente.")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events", verbose_name=_("ticket"))
    from_status = models.CharField(_("de"), max_length=30, choices=Ticket.Status, blank=True)
    to_status = models.CharField(_("para"), max_length=30, choices=Ticket.Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("por")
    )
    reason = models.CharField(_("motivo"), max_length=30, choices=Reason, blank=True)
    note = models.CharField(_("observação"), max_length=300, blank=True)
    at = models.DateTimeField(_("em"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("mudança de situação")
        verbose_name_plural = _("mudanças de situação")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reason__in=["", "fechado_pelo_cliente", "reaberto_pelo_cliente"]),
                name="tickets_statusevent_reason_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"

    def get_from_status_display(self) -> str:  # type: ignore[no-redef]  # overrides Django's, as Ticket's does
        return status_label(self.from_status)

    def get_to_status_display(self) -> str:  # type: ignore[no-redef]  # overrides Django's, as Ticket's does
        return status_label(self.to_status)

    @property
    def description(self) -> str:
        """The reason in the reader's language, then the note as staff typed it."""
        return " ".join(part for part in (str(self.get_reason_display()), self.note) if part)


class LookupToken(models.Model):
    """A single-use link e-mailed after an anonymous consultation. Only the token's hash is kept."""

    LIFETIME = datetime.timedelta(minutes=30)

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    cpf = CPFField(_("CPF"))
    email = models.EmailField(_("e-mail"))
    created_at = models.DateTimeField(_("criado em"), default=timezone.now)
    expires_at = models.DateTimeField(_("expira em"))
    used_at = models.DateTimeField(_("usado em"), null=True, blank=True)

    class Meta:
        verbose_name = _("link de consulta")
        verbose_name_plural = _("links de consulta")
        indexes = [
            models.Index(fields=["expires_at"], name="tickets_lookuptoken_expiry"),
            models.Index(fields=["email", "created_at"], name="tickets_lookuptoken_by_email"),
        ]

    def __str__(self) -> str:
        return f"{redact_cpf(self.cpf)} ({self.created_at:%Y-%m-%d %H:%M})"


class SlaPolicy(models.Model):
    """How fast a ticket must be answered and solved, in business hours (Mon–Fri, 8h–18h).

    The most specific policy wins: the ticket's product or subject with its priority, then a
    policy for the priority alone (no product, no subject).
    """

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, null=True, blank=True, related_name="sla_policies", verbose_name=_("produto")
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, null=True, blank=True, related_name="sla_policies", verbose_name=_("assunto")
    )
    priority = models.CharField(_("prioridade"), max_length=10, choices=Ticket.Priority)
    response_hours = models.PositiveIntegerField(_("primeira resposta (horas úteis)"))
    resolution_hours = models.PositiveIntegerField(_("solução (horas úteis)"))

    class Meta:
        ordering = ["product__name", "subject__name", "priority"]
        verbose_name = _("política de SLA")
        verbose_name_plural = _("políticas de SLA")
        constraints = [
            models.UniqueConstraint(fields=["product", "subject", "priority"], name="tickets_slapolicy_unique"),
            models.CheckConstraint(
                condition=~models.Q(product__isnull=False, subject__isnull=False), name="tickets_slapolicy_one_target"
            ),
        ]

    def __str__(self) -> str:
        target = self.product or self.subject or _("Todos")
        return f"{target} · {self.get_priority_display()}"

    def clean(self):
        if self.product_id and self.subject_id:
            raise ValidationError(_("Escolha um produto ou um assunto principal, não os dois."))
        if None not in (self.resolution_hours, self.response_hours) and self.resolution_hours < self.response_hours:
            raise ValidationError(_("A solução não pode vir antes da primeira resposta."))


class Holiday(models.Model):
    """A day without business hours (national holidays, the company's own days off): SLAs skip it."""

    date = models.DateField(_("data"), unique=True)
    name = models.CharField(_("nome"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("feriado")
        verbose_name_plural = _("feriados")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class AccessLog(models.Model):
    """LGPD: who, in the staff workspace, saw or exported whose personal data, and when."""

    class Action(models.TextChoices):
        VIEW = "ver", _("Abriu o ticket")
        LIST = "listar", _("Listou tickets com CPF completo")
        EXPORT = "exportar", _("Exportou tickets")
        ANONYMISE = "anonimizar", _("Anonimizou solicitante")
        RESET_TWO_FACTOR = "redefinir2fa", _("Redefiniu a verificação em duas etapas de um colega")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("quem")
    )
    action = models.CharField(_("ação"), max_length=12, choices=Action)
    ticket = models.ForeignKey(
        Ticket, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("ticket")
    )
    detail = models.CharField(_("detalhe"), max_length=500, blank=True)
    at = models.DateTimeField(_("quando"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("registro de acesso")
        verbose_name_plural = _("registros de acesso")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.get_action_display()}"
