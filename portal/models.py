import datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.identifiers import CNPJField, CPFField, looks_like_cpf, mask_cnpj, normalize_cpf


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email__iexact=username)

    def find_for_login(self, login: str) -> "User | None":
        """The user a login name (a CPF in any common format, or an e-mail) refers to."""
        login = (login or "").strip()
        if looks_like_cpf(login):
            lookup = {"cpf": normalize_cpf(login)}
        elif "@" in login:
            lookup = {"email__iexact": login}
        else:
            return None
        return self.filter(**lookup).first()


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: a customer (identified by CPF) or a member of staff."""

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    # Staff accounts may have no CPF; customers always have one.
    cpf = CPFField(_("CPF"), unique=True, null=True, blank=True)
    name = models.CharField(_("nome completo"), max_length=150)
    is_active = models.BooleanField(_("ativo"), default=True)
    is_staff = models.BooleanField(_("equipe"), default=False, help_text=_("Pode entrar no painel administrativo."))
    date_joined = models.DateTimeField(_("data de cadastro"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("usuário")
        verbose_name_plural = _("usuários")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="portal_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ", 1)[0] if self.name else self.email


class Organization(models.Model):
    """A customer company, identified by its CNPJ (numeric or alphanumeric)."""

    cnpj = CNPJField(_("CNPJ"), unique=True)
    legal_name = models.CharField(_("razão social"), max_length=200)
    trade_name = models.CharField(_("nome fantasia"), max_length=200, blank=True)
    members = models.ManyToManyField(
        User, through="Membership", related_name="organizations", verbose_name=_("membros")
    )

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("empresa")
        verbose_name_plural = _("empresas")

    def __str__(self) -> str:
        return f"{self.display_name} ({self.cnpj_masked})"

    @property
    def display_name(self) -> str:
        return self.trade_name or self.legal_name

    @property
    def cnpj_masked(self) -> str:
        return mask_cnpj(self.cnpj)


class MembershipQuerySet(models.QuerySet):
    def of_user(self, user: User) -> "MembershipQuerySet":
        return self.filter(user=user)

    def with_organization_summary(self, *, today: datetime.date | None = None) -> "MembershipQuerySet":
        """Each membership with its organization and the count of its active contracts, in one query."""
        today = today or timezone.localdate()
        return (
            self.select_related("organization")
            .annotate(
                active_contracts=Count(
                    "organization__contracts",
                    filter=Contract.active_q(today=today, prefix="organization__contracts__"),
                )
            )
            .order_by("organization__legal_name")
        )


class Membership(models.Model):
    """A user's place in an organization. A gestor manages it; a membro works for it."""

    class Role(models.TextChoices):
        MANAGER = "gestor", _("Gestor")
        MEMBER = "membro", _("Membro")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("usuário"))
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("empresa")
    )
    role = models.CharField(_("papel"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("criado em"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("vínculo")
        verbose_name_plural = _("vínculos")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="portal_membership_unique"),
            models.CheckConstraint(condition=Q(role__in=["gestor", "membro"]), name="portal_membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"

    @property
    def is_manager(self) -> bool:
        return self.role == self.Role.MANAGER


#: What a contract number may look like, so that it fits in its address (/contratos/CT-2026/00001/):
#: contracts.urls reads it with the same pattern.
CONTRACT_NUMBER_PATTERN = r"[A-Za-z0-9.-]+(?:/[0-9]+)?"
CONTRACT_NUMBER_VALIDATOR = RegexValidator(
    rf"\A{CONTRACT_NUMBER_PATTERN}\Z", _("Use letras, algarismos, ponto e hífen, e no máximo uma barra: CT-2026/00001.")
)


class ContractQuerySet(models.QuerySet):
    def active(self, *, today: datetime.date | None = None) -> "ContractQuerySet":
        return self.filter(Contract.active_q(today=today or timezone.localdate()))

    def of_user(self, user) -> "ContractQuerySet":
        """Contracts of the companies the user belongs to."""
        return self.filter(organization__memberships__user=user)


class Contract(models.Model):
    """A company's contract for one product of the catalog."""

    class Status(models.TextChoices):
        ACTIVE = "ativo", _("Ativo")
        SUSPENDED = "suspenso", _("Suspenso")
        ENDED = "encerrado", _("Encerrado")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="contracts", verbose_name=_("empresa")
    )
    product = models.ForeignKey(
        "helpcenter.Product", on_delete=models.PROTECT, related_name="contracts", verbose_name=_("produto")
    )
    number = models.CharField(
        _("número"),
        max_length=30,
        unique=True,
        validators=[CONTRACT_NUMBER_VALIDATOR],
        help_text=_("Letras, algarismos, ponto e hífen, com no máximo uma barra seguida de algarismos: CT-2026/00001."),
    )
    status = models.CharField(_("situação"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    start_date = models.DateField(_("início da vigência"))
    end_date = models.DateField(_("fim da vigência"), null=True, blank=True)
    monthly_value = models.DecimalField(
        _("valor mensal"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Em reais. Para contratos por consumo, a estimativa mensal."),
    )
    value_is_estimate = models.BooleanField(
        _("valor estimado"), default=False, help_text=_("Marque quando o valor mensal depende do consumo.")
    )
    # Names, not accounts: the company's contract manager and the fiscal are often people without a
    # login to the portal (the fiscal may even be another public servant), and staff copy them from
    # the signed contract.
    manager_name = models.CharField(_("gestor do contrato"), max_length=150, blank=True)
    fiscal_name = models.CharField(_("fiscal do contrato"), max_length=150, blank=True)

    objects = ContractQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "number"]
        verbose_name = _("contrato")
        verbose_name_plural = _("contratos")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["ativo", "suspenso", "encerrado"]), name="portal_contract_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="portal_contract_dates_ordered",
                violation_error_message=_("O fim da vigência não pode ser anterior ao início."),
            ),
            models.CheckConstraint(
                condition=Q(monthly_value__isnull=True) | Q(monthly_value__gte=0),
                name="portal_contract_value_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.product}"

    def get_absolute_url(self) -> str:
        return reverse("contracts:detail", kwargs={"number": self.number})

    @staticmethod
    def active_q(*, today: datetime.date, prefix: str = "") -> Q:
        """In force today: status active and today within the term (an open end never expires)."""
        return Q(**{f"{prefix}status": Contract.Status.ACTIVE, f"{prefix}start_date__lte": today}) & (
            Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
        )


class OutboundEmailQuerySet(models.QuerySet):
    def pending(self) -> "OutboundEmailQuerySet":
        return self.filter(status__in=OutboundEmail.PENDING)

    def due(self, *, now: datetime.datetime | None = None) -> "OutboundEmailQuerySet":
        """Pending e-mails whose next attempt is due: a retry, or one whose delivery task was lost."""
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())


class OutboundEmail(models.Model):
    """One e-mail, written to this outbox in the same transaction as the change that causes it.

    A committed ticket therefore always has its e-mail here, and a rolled-back one never does.
    ``portal.outbox`` delivers it from a background task, retries what failed for a passing
    reason, and records the delivery, so a task run twice never sends it twice.
    """

    class Status(models.TextChoices):
        QUEUED = "na_fila", _("Na fila")
        RETRYING = "tentando", _("Tentando de novo")
        SENT = "enviado", _("Enviado")
        FAILED = "falhou", _("Falhou")

    PENDING = (Status.QUEUED, Status.RETRYING)

    message_id = models.CharField(_("Message-ID"), max_length=250, unique=True, editable=False)
    to = models.JSONField(_("para"), default=list)
    subject = models.CharField(_("assunto"), max_length=300)
    body = models.TextField(_("texto"))
    html_body = models.TextField(_("HTML"), blank=True)
    status = models.CharField(_("situação"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(_("tentativas"), default=0)
    last_error = models.TextField(_("último erro"), blank=True)
    created_at = models.DateTimeField(_("criado em"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("próxima tentativa"), null=True, blank=True)
    sent_at = models.DateTimeField(_("enviado em"), null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail enviado pelo portal")
        verbose_name_plural = _("e-mails enviados pelo portal")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["na_fila", "tentando", "enviado", "falhou"]),
                name="portal_outboundemail_status_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="portal_outbox_due",
                condition=Q(status__in=["na_fila", "tentando"]),
            ),
            models.Index(fields=["status", "-created_at"], name="portal_outbox_by_status"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"
