"""The staff workspace: tickets worked in Django admin, scoped to the atendente's teams.

Every change goes through tickets.services (allowed transitions, SLA, notifications); the
admin only collects input. Atendentes see the tickets of their teams; supervisors
(``tickets.permissions.is_supervisor``) and superusers see all.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME, ActionForm
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from helpcenter.admin import TranslatedContentAdmin
from portal.identifiers import mask_cpf, normalize_cnpj, normalize_cpf, redact_cpf
from portal.models import Organization
from tickets import services
from tickets.attachments import StorageUnavailable, download
from tickets.export import tickets_csv
from tickets.forms import CheckedFilesMixin, MultipleFileField
from tickets.models import (
    AccessLog,
    Attachment,
    FormField,
    Holiday,
    Message,
    SlaPolicy,
    StatusEvent,
    Subject,
    Team,
    Ticket,
    TicketForm,
    TicketType,
    parse_protocol,
)
from tickets.permissions import is_supervisor
from tickets.sla import holidays_since

User = get_user_model()


def staff_users():
    return User.objects.filter(is_staff=True, is_active=True).order_by("name")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "email"]
    search_fields = ["name"]
    filter_horizontal = ["members"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            kwargs["queryset"] = staff_users()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Subject)
class SubjectAdmin(TranslatedContentAdmin):
    list_display = ["name", "slug", "order", "active"]
    list_editable = ["order", "active"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(TicketType)
class TicketTypeAdmin(TranslatedContentAdmin):
    list_display = ["name", "order", "active"]
    list_editable = ["order", "active"]


class FormFieldInline(TranslationStackedInline):
    model = FormField
    extra = 0
    fields = ["order", "label", "kind", "required", "choices", "help_text"]


@admin.register(TicketForm)
class TicketFormAdmin(TranslatedContentAdmin):
    list_display = ["name", "slug", "product", "subject", "team", "active"]
    list_filter = ["active", "team"]
    list_select_related = ["product", "subject", "team"]
    search_fields = ["name", "slug", "product__name", "subject__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["product"]
    inlines = [FormFieldInline]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "product", "subject", "priority", "response_hours", "resolution_hours"]
    list_filter = ["priority"]
    list_select_related = ["product", "subject"]
    autocomplete_fields = ["product"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    list_filter = [("date", admin.DateFieldListFilter)]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """LGPD: read-only; supervisors see who opened and exported personal data."""

    list_display = ["at", "user", "action", "ticket", "detail"]
    list_filter = ["action", ("at", admin.DateFieldListFilter)]
    list_select_related = ["user", "ticket"]
    search_fields = ["user__name", "user__email", "detail"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StatusEventInline(admin.TabularInline):
    model = StatusEvent
    extra = 0
    fields = ("at", "by", "from_status", "to_status", "description")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("histórico de situações")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_view_permission(self, request, obj=None):
        # The history belongs to the ticket: whoever may see the ticket sees how it moved.
        return request.user.has_perm("tickets.view_ticket")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("observação"))
    def description(self, event):
        return event.description or "—"


def business_duration(duration: datetime.timedelta) -> str:
    """Business time as staff read it: "2 h úteis", "1 h 30 min úteis", "45 min úteis"."""
    hours, minutes = divmod(int(duration.total_seconds() // 60), 60)
    if hours and minutes:
        return gettext("%(hours)d h %(minutes)d min úteis") % {"hours": hours, "minutes": minutes}
    if hours:
        return ngettext("%(hours)d h útil", "%(hours)d h úteis", hours) % {"hours": hours}
    return ngettext("%(minutes)d min útil", "%(minutes)d min úteis", minutes) % {"minutes": minutes}


# The ticket list


def _colleagues(request):
    """Staff an atendente works with (their teams' members); everyone for supervisors."""
    people = staff_users()
    if not is_supervisor(request.user):
        people = people.filter(ticket_teams__members=request.user).distinct()
    return people


class TeamFilter(admin.RelatedFieldListFilter):
    """Only the teams the atendente belongs to; every team for supervisors."""

    def field_choices(self, field, request, model_admin):
        teams = Team.objects.order_by("name")
        if not is_supervisor(request.user):
            teams = teams.filter(members=request.user)
        return [(team.pk, team.name) for team in teams]


class AssigneeFilter(admin.SimpleListFilter):
    title = _("responsável")
    parameter_name = "responsavel"

    def lookups(self, request, model_admin):
        people = [(str(user.pk), user.name or user.email) for user in _colleagues(request)]
        return [("meus", _("Meus tickets")), ("ninguem", _("Sem responsável")), *people]

    def queryset(self, request, queryset):
        match self.value():
            case None:
                return queryset
            case "meus":
                return queryset.filter(assignee=request.user)
            case "ninguem":
                return queryset.filter(assignee__isnull=True)
            case value if value.isdigit():
                return queryset.filter(assignee_id=int(value))
        return queryset.none()


class OverdueFilter(admin.SimpleListFilter):
    title = _("prazo")
    parameter_name = "prazo"

    def lookups(self, request, model_admin):
        return [
            ("atrasados", _("Atrasados")),
            ("em-dia", _("Em dia")),
            ("pausados", _("Pausados (aguardando o cliente)")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "atrasados":
            return queryset.filter(Ticket.overdue_q())
        if self.value() == "em-dia":
            return queryset.exclude(Ticket.overdue_q())
        if self.value() == "pausados":
            return queryset.filter(status=Ticket.PAUSED)
        return queryset


class WaitingFilter(admin.SimpleListFilter):
    """Open work, at a glance: everything not resolved or closed."""

    title = _("em aberto")
    parameter_name = "em_aberto"

    def lookups(self, request, model_admin):
        return [("sim", _("Só os não encerrados"))]

    def queryset(self, request, queryset):
        if self.value() == "sim":
            # Ticket.queue_group 2 is finished: the queue's index answers this, count included.
            return queryset.filter(queue_group__lt=2)
        return queryset


class RatedFilter(admin.SimpleListFilter):
    title = _("avaliação")
    parameter_name = "avaliados"

    def lookups(self, request, model_admin):
        return [("30d", _("Avaliados nos últimos 30 dias"))]

    def queryset(self, request, queryset):
        if self.value() == "30d":
            return queryset.filter(rated_at__gte=timezone.now() - datetime.timedelta(days=30))
        return queryset


class TicketActionForm(ActionForm):
    assignee = forms.ModelChoiceField(
        label=_("Responsável"), queryset=User.objects.none(), required=False, empty_label=_("(ninguém)")
    )
    status = forms.ChoiceField(label=_("Situação"), choices=[("", "—"), *Ticket.Status.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_users()


class StatusNoteForm(forms.Form):
    """Why many tickets change status at once; required to resolve them, as no reply goes with it."""

    note = forms.CharField(
        label=_("Motivo"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Informe o motivo: resolvidos em lote, os tickets não levam uma resposta.")},
        help_text=_("Fica no histórico de cada ticket; o cliente recebe o aviso de que a solicitação foi resolvida."),
    )

    def __init__(self, *args, required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].required = required


class TicketWorkForm(CheckedFilesMixin, forms.ModelForm):
    """What staff change on a ticket, plus a new public reply or internal note."""

    message_kind = forms.ChoiceField(
        label=_("Tipo de mensagem"),
        choices=[
            (Message.Kind.REPLY, _("Resposta pública (o cliente recebe por e-mail)")),
            (Message.Kind.NOTE, _("Nota interna (só a equipe vê)")),
        ],
        widget=forms.RadioSelect,
        initial=Message.Kind.REPLY,
        required=False,
    )
    message_body = forms.CharField(
        label=_("Mensagem"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    message_files = MultipleFileField(label=_("Anexos"), required=False)
    status_note = forms.CharField(label=_("Observação da mudança de situação"), max_length=300, required=False)

    class Meta:
        model = Ticket
        fields = ["status", "priority", "team", "assignee"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and self.instance.pk:
            allowed = {self.instance.status, *Ticket.TRANSITIONS.get(self.instance.status, set())}
            self.fields["status"].choices = [
                (value, label) for value, label in Ticket.Status.choices if value in allowed
            ]

    def clean_message_files(self):
        return self.check_files("message_files")

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        # Until the form is saved, the instance holds the stored status.
        if status and status != self.instance.status and not self.instance.can_move_to(status):
            self.add_error("status", gettext("Esta mudança de situação não é permitida."))
        assignee, team = cleaned.get("assignee"), cleaned.get("team") or self.instance.team
        if assignee and team and not services.can_work(assignee, team):
            self.add_error("assignee", gettext("Esta pessoa não faz parte da equipe escolhida."))
        self.check_file_set("message_files")
        body = cleaned.get("message_body", "").strip()
        if getattr(self, "checked_files", None) and not body:
            self.add_error("message_body", gettext("Escreva a mensagem que acompanha os anexos."))
        resolving = status == Ticket.Status.RESOLVED and self.instance.status != Ticket.Status.RESOLVED
        public_reply = bool(body) and cleaned.get("message_kind") != Message.Kind.NOTE
        if resolving and not public_reply and not cleaned.get("status_note", "").strip():
            self.add_error("status_note", str(services.RESOLVE_NEEDS_A_WORD))
        return cleaned


class TicketChangeList(ChangeList):
    """Pages through narrow rows, then loads the page's tickets with their relations.

    Sorting the work queue (overdue, running, paused, then finished; by due date) touches every
    ticket of the list; doing it on the ids alone keeps it fast, and the company name is looked
    up for the page only. The holidays, for how long paused tickets have waited, are read once.
    """

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # See url_for_result: the rows' links carry the filters, so the admin has none left to add.
        self._row_filters, self.preserved_filters = self.preserved_filters, ""
        self._row_urls: dict[int, str] = {}

    def get_results(self, request):
        super().get_results(request)
        ids = list(self.result_list.values_list("pk", flat=True))
        company = Organization.objects.filter(cnpj=OuterRef("cnpj")).values("legal_name")[:1]
        rows = Ticket.objects.filter(pk__in=ids).select_related(*ROW_RELATED).annotate(company_name=Subquery(company))
        by_pk = {ticket.pk: ticket for ticket in rows}
        self.result_list = [by_pk[pk] for pk in ids if pk in by_pk]
        paused = [ticket for ticket in self.result_list if ticket.sla_paused_at is not None]
        if paused:
            now = timezone.now()
            holidays = holidays_since(min(ticket.sla_paused_at for ticket in paused), until=now)
            for ticket in paused:
                ticket.paused_now = ticket.paused_for(now, holidays)

    def _get_default_ordering(self):
        # Which column header shows the sort arrow: the admin's ordering ("Prazo"), not Meta's ("Aberto em").
        return self.model_admin.get_ordering(request=None)

    def url_for_result(self, result):
        """A row's link to its ticket, carrying the list's filters for the way back.

        The admin adds the filters to each link itself, resolving the link's URL against every
        admin route to do so: the two links of each row took a quarter of a filtered list's time.
        Here each row's URL is built once, with the filters already on it.
        """
        url = self._row_urls.get(result.pk)
        if url is None:
            url = super().url_for_result(result)
            if self._row_filters:
                url = f"{url}?{self._row_filters}"
            self._row_urls[result.pk] = url
        return url


LIST_RELATED = ["product", "subject", "team", "assignee", "form", "type"]
# What a row of the list shows. Each join more costs planning on every request (PostgreSQL plans
# each run with its values): seven tables took 5.7 ms to plan for 1.3 ms of work.
ROW_RELATED = ["product", "subject", "team", "assignee"]


class QueuePaginator(Paginator):
    """Counts the list up to ``COUNT_CAP`` tickets and says "more than" past it.

    An exact count reads every ticket of the scope, a million for a supervisor; nobody pages
    through ten thousand tickets, they filter. The page itself comes from the queue index.
    """

    COUNT_CAP = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.COUNT_CAP + 1].count()  # type: ignore[attr-defined]

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP


STAFF_STORAGE_FAILED = _(
    "Nada foi salvo: não conseguimos guardar os anexos agora. A mensagem voltou ao seu campo; "
    "anexe os arquivos de novo e salve em alguns minutos."
)


def _draft_key(ticket) -> str:
    return f"tickets:admin-draft:{ticket.pk}"


def _with_initial(form_class, initial: dict):
    """``form_class`` starting from ``initial`` (the declared fields are shared: their own initial is not touched)."""

    class WithDraft(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initial.update(initial)

    return WithDraft


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    form = TicketWorkForm
    action_form = TicketActionForm
    view_on_site = False  # the customer's page is for the customer; staff work here
    list_display = [
        "protocol_display",
        "title",
        "about",
        "status",
        "priority",
        "requester",
        "company",
        "team",
        "assignee",
        "created_at",
        "due_display",
    ]
    list_display_links = ["protocol_display", "title"]
    list_filter = [
        WaitingFilter,
        "status",
        ("team", TeamFilter),
        "product",
        "priority",
        AssigneeFilter,
        OverdueFilter,
        RatedFilter,
        ("created_at", admin.DateFieldListFilter),
    ]
    # A queue is worked from its top: 50 rows is a screen or two of it, and half of Django admin's
    # per-cell rendering, which is most of the page's time (100 rows took 110 ms of it at 1M tickets).
    list_per_page = 50
    show_full_result_count = False
    paginator = QueuePaginator
    search_help_text = _("Protocolo (2026SS/00042), CPF ou CNPJ completos, nome, e-mail ou assunto.")
    search_fields = ["title"]  # the real search is get_search_results
    actions = ["assign_to_me", "assign_to", "change_status", "export_csv", "anonymise_requesters"]
    inlines = [StatusEventInline]
    readonly_fields = [
        "protocol_display",
        "requester_name",
        "requester_cpf_display",
        "cnpj_display",
        "email",
        "phone",
        "language",
        "form",
        "about",
        "type",
        "title",
        "description",
        "extra_display",
        "ticket_files",
        "created_at",
        "response_due_at",
        "resolution_due_at",
        "sla_pause_display",
        "first_response_at",
        "rating_display",
        "conversation",
    ]
    fieldsets = [
        (
            _("Solicitante"),
            {"fields": ["requester_name", "requester_cpf_display", "cnpj_display", "email", "phone", "language"]},
        ),
        (
            _("Solicitação"),
            {
                "fields": [
                    "protocol_display",
                    "form",
                    "about",
                    "type",
                    "title",
                    "description",
                    "extra_display",
                    "ticket_files",
                    "created_at",
                ]
            },
        ),
        (
            _("Atendimento"),
            {
                "fields": [
                    "status",
                    "status_note",
                    "priority",
                    "team",
                    "assignee",
                    "response_due_at",
                    "resolution_due_at",
                    "sla_pause_display",
                    "first_response_at",
                    "rating_display",
                ]
            },
        ),
        (_("Conversa"), {"fields": ["conversation"]}),
        (_("Nova mensagem"), {"fields": ["message_kind", "message_body", "message_files"]}),
    ]

    # Scope

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related(*LIST_RELATED)
        return queryset.worked_by(request.user)

    def get_changelist(self, request, **kwargs):
        return TicketChangeList

    def action_checkbox(self, obj):
        """Each row's checkbox, as Django's own, written directly: through the form renderer, the 100
        checkboxes of a page took a third of the list's time."""
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if request.method == "GET" and response.status_code == 200 and request.user.has_perm("tickets.reveal_cpf"):
            # Lists with full CPFs are personal data on screen: record who looked, at which list.
            services.log_access(request.user, AccessLog.Action.LIST, detail=request.GET.urlencode())
        action_form = getattr(response, "context_data", {}).get("action_form")
        if action_form is not None and "assign_to" not in self.get_actions(request):
            del action_form.fields["assignee"]  # only "assign to…" uses it
        return response

    def get_ordering(self, request):
        """Open tickets first, the next deadline first; then finished ones, the latest changed first."""
        # The columns of the queue indexes (Ticket.queue_group, Ticket.next_due_at), in their order.
        return ["queue_group", F("next_due_at").asc(nulls_last=True), "-updated_at", "id"]

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404  # another team's ticket looks like no ticket at all

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = staff_users()
            kwargs["empty_label"] = _("(ninguém)")
        if db_field.name == "team":
            kwargs["empty_label"] = None  # every ticket has one
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if is_supervisor(request.user):
            return self.readonly_fields
        return [*self.readonly_fields, "team"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not is_supervisor(request.user) and "assignee" in form.base_fields:
            # An atendente takes a ticket or lets it go; giving it to someone else is the supervisor's.
            allowed = {request.user.pk, obj.assignee_id if obj else None} - {None}
            form.base_fields["assignee"].queryset = staff_users().filter(pk__in=allowed)
        draft = request.session.pop(_draft_key(obj), None) if obj is not None and request.method == "GET" else None
        if draft:
            return _with_initial(form, draft)
        return form

    def get_list_display(self, request):
        if request.user.has_perm("tickets.reveal_cpf"):
            return [name if name != "requester" else "requester_revealed" for name in self.list_display]
        return self.list_display

    def get_action_choices(self, request, default_choices=None, action_location=admin.ActionLocation.CHANGE_LIST):
        # Django's own blank choice ("- Select an option -") has no Portuguese translation.
        blank = [("", gettext("— Escolha uma ação —"))]
        return super().get_action_choices(request, default_choices or blank, action_location)

    # Search: exact on identifiers, never a substring of a CPF or CNPJ

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        protocol = parse_protocol(term)
        if protocol:
            return queryset.filter(year=protocol[0], number=protocol[1]), False
        digits = normalize_cpf(term)
        if len(digits) == 11 and digits.isdigit() and len(term) <= 14:
            return queryset.filter(requester_cpf=digits), False
        cnpj = normalize_cnpj(term)
        if len(cnpj) == 14 and len(term) <= 18 and any(char.isdigit() for char in cnpj[-2:]):
            return queryset.filter(cnpj=cnpj), False
        words = Q(requester_name__icontains=term) | Q(email__icontains=term) | Q(title__icontains=term)
        return queryset.filter(words), False

    # Columns

    @admin.display(description=_("protocolo"), ordering="number")
    def protocol_display(self, ticket):
        return ticket.protocol

    @admin.display(description=_("produto ou assunto"))
    def about(self, ticket):
        return ticket.about

    @admin.display(description=_("solicitante"), ordering="requester_name")
    def requester(self, ticket):
        return format_html("{}<br><small>{}</small>", ticket.requester_name, redact_cpf(ticket.requester_cpf))

    @admin.display(description=_("solicitante"), ordering="requester_name")
    def requester_revealed(self, ticket):
        return format_html("{}<br><small>{}</small>", ticket.requester_name, mask_cpf(ticket.requester_cpf))

    @admin.display(description=_("empresa"))
    def company(self, ticket):
        company = format_html("{}<br><small>{}</small>", getattr(ticket, "company_name", "") or "—", ticket.cnpj_masked)
        if ticket.company_verified:
            return company
        return format_html('{}<br><small class="ticket-unverified">{}</small>', company, gettext("não verificado"))

    @admin.display(description=_("prazo"), ordering="next_due_at")
    def due_display(self, ticket):
        if ticket.is_paused:
            paused = getattr(ticket, "paused_now", None)
            paused = ticket.paused_for() if paused is None else paused
            text = gettext("pausado há %(time)s") % {"time": business_duration(paused)}
            return format_html('<span class="ticket-paused">{}</span>', text)
        due = ticket.due_at
        if due is None or ticket.is_finished:
            return "—"
        text = timezone.localtime(due).strftime("%d/%m/%Y %H:%M")
        if ticket.is_overdue():
            return format_html('<strong class="ticket-overdue">{} · {}</strong>', text, gettext("atrasado"))
        return text

    # The change page

    @admin.display(description=_("CPF"))
    def requester_cpf_display(self, ticket):
        return mask_cpf(ticket.requester_cpf)

    @admin.display(description=_("CNPJ"))
    def cnpj_display(self, ticket):
        company = Organization.objects.filter(cnpj=ticket.cnpj).values_list("legal_name", flat=True).first()
        shown = f"{ticket.cnpj_masked} — {company}" if company else ticket.cnpj_masked
        if ticket.company_verified:
            return shown
        return gettext("%(cnpj)s (não verificado: quem abriu não é membro desta empresa)") % {"cnpj": shown}

    @admin.display(description=_("pausa do prazo"))
    def sla_pause_display(self, ticket):
        if ticket.is_paused:
            current = ticket.paused_for()
            return gettext(
                "Pausado há %(current)s · total pausado: %(total)s. Quando sair de “Aguardando o cliente”, "
                "os prazos acima são adiados pelo tempo desta pausa."
            ) % {"current": business_duration(current), "total": business_duration(ticket.sla_paused + current)}
        if ticket.sla_paused:
            return gettext("Total pausado: %(total)s (os prazos acima já contam com ele).") % {
                "total": business_duration(ticket.sla_paused)
            }
        return "—"

    @admin.display(description=_("respostas extras"))
    def extra_display(self, ticket):
        return render_to_string("admin/tickets/extra.html", {"answers": ticket.extra})

    @admin.display(description=_("avaliação"))
    def rating_display(self, ticket):
        if ticket.rating is None:
            return "—"
        return f"{ticket.rating}/5 {ticket.rating_comment}".strip()

    def _download_url(self, ticket, attachment):
        return reverse("admin:tickets_ticket_attachment", args=[ticket.pk, attachment.token])

    @admin.display(description=_("anexos do pedido"))
    def ticket_files(self, ticket):
        files = [a for a in self._attachments(ticket) if a.message_id is None]
        return render_to_string(
            "admin/tickets/files.html", {"files": [(a, self._download_url(ticket, a)) for a in files]}
        )

    def _attachments(self, ticket):
        if not hasattr(ticket, "_admin_attachments"):
            ticket._admin_attachments = list(ticket.attachments.order_by("uploaded_at", "pk"))
        return ticket._admin_attachments

    @admin.display(description=_("conversa"))
    def conversation(self, ticket):
        by_message = {}
        for attachment in self._attachments(ticket):
            by_message.setdefault(attachment.message_id, []).append(
                (attachment, self._download_url(ticket, attachment))
            )
        items = [
            {"message": message, "files": by_message.get(message.pk, [])}
            for message in ticket.messages.order_by("created_at", "pk")
        ]
        return render_to_string("admin/tickets/conversation.html", {"items": items})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            ticket = self.get_object(request, object_id)
            if ticket is not None:
                services.log_access(request.user, AccessLog.Action.VIEW, ticket=ticket)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Never a plain save: the services apply transitions, SLA and notifications.

        The message first, then the changes, all or nothing: a reply that resolves the ticket
        reaches the customer before the "resolved" e-mail.
        """
        data = form.cleaned_data
        body = data.get("message_body", "").strip()
        public = data.get("message_kind") != Message.Kind.NOTE
        try:
            with transaction.atomic():
                if body:
                    services.staff_reply(
                        obj, body=body, user=request.user, public=public, uploads=getattr(form, "checked_files", [])
                    )
                services.ticket_update(
                    obj,
                    user=request.user,
                    status=data["status"],
                    priority=data["priority"],
                    team=data.get("team") or obj.team,
                    assignee=data["assignee"],
                    note=data.get("status_note", ""),
                    replied=bool(body) and public,
                )
        except (services.TicketActionRefused, StorageUnavailable) as failed:
            # Nothing was saved: the message comes back in its field on the page the admin redirects to.
            request.ticket_not_saved = True
            if body:
                request.session[_draft_key(obj)] = {"message_kind": data.get("message_kind"), "message_body": body}
            refused = isinstance(failed, services.TicketActionRefused)
            messages.error(request, failed.message if refused else STAFF_STORAGE_FAILED)

    def response_change(self, request, obj):
        if getattr(request, "ticket_not_saved", False):
            return HttpResponseRedirect(request.path)  # back to the ticket, not "changed successfully"
        return super().response_change(request, obj)

    def save_related(self, request, form, formsets, change):
        # Status events are written by the services; the read-only history saves nothing.
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def get_urls(self):
        return [
            path(
                "<path:object_id>/anexos/<str:token>/",
                self.admin_site.admin_view(self.attachment_view),
                name="tickets_ticket_attachment",
            ),
            *super().get_urls(),
        ]

    def attachment_view(self, request, object_id, token):
        """A file of a ticket this staff member may work on; always a download."""
        ticket = self.get_queryset(request).filter(pk=object_id).first() if str(object_id).isdigit() else None
        if ticket is None or not self.has_view_or_change_permission(request, ticket):
            raise Http404
        attachment = Attachment.objects.filter(ticket=ticket, token=token).first()
        if attachment is None:
            raise Http404
        return download(attachment)

    # Actions

    @admin.action(description=_("Atribuir a mim"))
    def assign_to_me(self, request, queryset):
        changed = services.tickets_assign(queryset, assignee=request.user, user=request.user)
        self.message_user(
            request, ngettext("%d ticket atribuído a você.", "%d tickets atribuídos a você.", changed) % changed
        )

    @admin.action(description=_("Atribuir ao responsável escolhido"), permissions=["supervise"])
    def assign_to(self, request, queryset):
        chosen = request.POST.get("assignee", "")
        assignee = staff_users().filter(pk=chosen).first() if chosen.isdigit() else None
        if chosen and assignee is None:
            self.message_user(request, gettext("Escolha um responsável da lista."), messages.ERROR)
            return
        changed = services.tickets_assign(queryset, assignee=assignee, user=request.user)
        skipped = queryset.count() - changed
        self.message_user(request, ngettext("%d ticket atribuído.", "%d tickets atribuídos.", changed) % changed)
        if skipped:
            self.message_user(
                request,
                gettext("%d ticket(s) não mudaram: já eram dessa pessoa ou ela não é da equipe.") % skipped,
                messages.WARNING,
            )

    def has_supervise_permission(self, request):
        return is_supervisor(request.user)

    @admin.action(description=_("Mudar a situação para a escolhida"))
    def change_status(self, request, queryset):
        status = request.POST.get("status", "")
        if status not in Ticket.Status.values:
            self.message_user(request, gettext("Escolha a nova situação ao lado da ação."), messages.ERROR)
            return None
        reason = StatusNoteForm(request.POST, required=status == Ticket.Status.RESOLVED)
        if not reason.is_valid():
            return self._ask_for_the_reason(request, queryset, status, reason)
        changed, refused = 0, []
        for ticket in queryset:
            try:
                before = ticket.status
                services.ticket_change_status(ticket, status, user=request.user, note=reason.cleaned_data["note"])
                changed += before != status
            except services.TicketActionRefused:
                refused.append(ticket.protocol)
        self.message_user(
            request, ngettext("%d ticket mudou de situação.", "%d tickets mudaram de situação.", changed) % changed
        )
        if refused:
            self.message_user(
                request,
                gettext("Mudança não permitida, nada mudou em: %s") % ", ".join(refused),
                messages.ERROR,
            )
        return None

    def _ask_for_the_reason(self, request, queryset, status, form):
        """A page between the action bar and the change: the reason, with the selection kept."""
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Mudar a situação para “%(status)s”") % {"status": Ticket.Status(status).label},
            "opts": self.opts,
            "tickets": list(queryset.order_by("year", "number")),
            "status": status,
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/tickets/ticket/change_status.html", context)

    @admin.action(description=_("Exportar os selecionados (CSV)"), permissions=["export"])
    def export_csv(self, request, queryset):
        tickets = list(queryset)
        reveal = request.user.has_perm("tickets.reveal_cpf")
        services.log_access(
            request.user,
            AccessLog.Action.EXPORT,
            detail=", ".join(ticket.protocol for ticket in tickets),
        )
        response = HttpResponse(tickets_csv(tickets, reveal_cpf=reveal), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tickets-{timezone.localdate():%Y-%m-%d}.csv"'
        return response

    def has_export_permission(self, request):
        return request.user.has_perm("tickets.export_tickets")

    @admin.action(description=_("Anonimizar os solicitantes (LGPD)"), permissions=["anonymise"])
    def anonymise_requesters(self, request, queryset):
        cpfs = set(queryset.exclude(anonymised_at__isnull=False).values_list("requester_cpf", flat=True))
        total = sum(services.requester_anonymise(cpf, user=request.user) for cpf in cpfs)
        self.message_user(
            request,
            ngettext("%d ticket anonimizado.", "%d tickets anonimizados.", total) % total,
        )

    def has_anonymise_permission(self, request):
        return request.user.has_perm("tickets.anonymise_requester")
