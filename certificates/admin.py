"""The Certificação Digital team works the requests here, scoped like the tickets' workspace.

Atendentes see the requests of their teams (the "Certificação Digital" team); supervisors
(``tickets.permissions.is_supervisor``) and superusers see all. Nobody edits a request's fields:
its status moves only through ``certificates.services`` (the "Iniciar validação" action on the
list, and the "Mudar situação" page of each request), which check the move, record it in the
history and e-mail the customer.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from certificates import services
from certificates.models import REASON_MAX_LENGTH, CertificateRequest, CertificateStatusEvent
from tickets.models import Team
from tickets.permissions import is_supervisor

Status = CertificateRequest.Status
WORK_PERMISSION = "certificates.change_certificaterequest"


class StatusEventInline(admin.TabularInline):
    model = CertificateStatusEvent
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_view_permission(self, request, obj=None):
        # The history belongs to the request: whoever may see the request sees how it moved.
        return request.user.has_perm("certificates.view_certificaterequest")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TeamFilter(admin.SimpleListFilter):
    """Only the teams the atendente belongs to; every team for supervisors."""

    title = _("equipe")
    parameter_name = "equipe"

    def lookups(self, request, model_admin):
        teams = Team.objects.filter(certificate_requests__isnull=False).distinct().order_by("name")
        if not is_supervisor(request.user):
            teams = teams.filter(members=request.user)
        return [(str(team.pk), team.name) for team in teams]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(team_id=int(self.value()))
        return queryset


class StatusForm(forms.Form):
    """The next status of one request, with what that status needs."""

    to = forms.ChoiceField(label=_("Nova situação"), widget=forms.RadioSelect)
    serial = forms.CharField(label=_("Número de série"), max_length=64, required=False)
    issued_on = forms.DateField(
        label=_("Emitido em"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Em branco: hoje. A validade conta a partir desta data."),
    )
    reason = forms.CharField(
        label=_("Motivo da recusa"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("O cliente lê este texto na Área do Cliente e no e-mail."),
    )

    def __init__(self, *args, certificate: CertificateRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [
            (status, Status(status).label) for status in Status if status in services.ALLOWED[certificate.status]
        ]

    def clean(self):
        data = super().clean()
        if data.get("to") == Status.ISSUED and not data.get("serial", "").strip():
            self.add_error("serial", gettext("Informe o número de série do certificado emitido."))
        if data.get("to") == Status.REFUSED and not data.get("reason", "").strip():
            self.add_error("reason", gettext("Informe o motivo da recusa: o cliente vai lê-lo."))
        return data


@admin.register(CertificateRequest)
class CertificateRequestAdmin(admin.ModelAdmin):
    list_display = [
        "protocol_display",
        "organization",
        "kind",
        "media",
        "holder_name",
        "status",
        "created_at",
        "expires_at",
    ]
    list_filter = ["status", "kind", "media", TeamFilter]
    list_select_related = ["organization"]
    search_fields = [
        "=id",
        "holder_name",
        "=organization__cnpj",
        "organization__legal_name",
        "requester_name",
        "serial_number",
    ]
    date_hierarchy = "created_at"
    inlines = [StatusEventInline]
    actions = ["start_validation"]
    change_form_template = "certificates/admin/change_form.html"
    view_on_site = False
    fieldsets = [
        (
            _("Solicitação"),
            {
                "fields": [
                    "organization",
                    "requester_name",
                    "requester_email",
                    "language",
                    "created_at",
                    "team",
                    "renewal_of",
                ]
            },
        ),
        (
            _("Certificado"),
            {"fields": ["kind", "media", "validity_years", "holder_name", "holder_document", "holder_email"]},
        ),
        (
            _("Entrega"),
            {
                "fields": [
                    "delivery",
                    "service_unit",
                    "postal_code",
                    "street",
                    "street_number",
                    "complement",
                    "district",
                    "city",
                    "state",
                ]
            },
        ),
        (_("Situação"), {"fields": ["status", "refusal_reason", "serial_number", "issued_at", "expires_at"]}),
    ]

    @admin.display(description=_("protocolo"), ordering="pk")
    def protocol_display(self, obj):
        return obj.protocol

    def get_readonly_fields(self, request, obj=None):
        return [field for fieldset in self.fieldsets for field in fieldset[1]["fields"]]

    def get_queryset(self, request):
        return super().get_queryset(request).worked_by(request.user)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404  # another team's request looks like no request at all

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # read-only: the status moves through the services

    def has_delete_permission(self, request, obj=None):
        return False

    def has_work_permission(self, request):
        return request.user.has_perm(WORK_PERMISSION)

    @admin.action(description=_("Iniciar validação"), permissions=["work"])
    def start_validation(self, request, queryset):
        moved, skipped = 0, []
        for certificate in queryset:
            try:
                services.certificate_start_validation(request=certificate, by=request.user)
                moved += 1
            except (ValidationError, PermissionDenied):
                skipped.append(certificate.protocol)
        if moved:
            self.message_user(
                request,
                ngettext("%(count)d solicitação em validação.", "%(count)d solicitações em validação.", moved)
                % {"count": moved},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                gettext("Não estavam aguardando validação: %(list)s.") % {"list": ", ".join(skipped)},
                messages.WARNING,
            )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/situacao/",
                self.admin_site.admin_view(self.status_view),
                name="certificates_certificaterequest_status",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        obj = context.get("original")
        context["can_move"] = bool(obj and self.has_work_permission(request) and services.ALLOWED[obj.status])
        return super().render_change_form(request, context, *args, **kwargs)

    def status_view(self, request, object_id):
        certificate = self.get_queryset(request).filter(pk=object_id).first()
        if certificate is None:
            raise Http404
        if not self.has_work_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:certificates_certificaterequest_change", args=[certificate.pk])
        form = StatusForm(request.POST or None, certificate=certificate)
        if request.method == "POST" and form.is_valid():
            try:
                self._move(request, certificate, form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
            else:
                self.message_user(request, gettext("Situação atualizada; o cliente foi avisado por e-mail."))
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Mudar situação de %(protocol)s") % {"protocol": certificate.protocol},
            "certificate": certificate,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "certificates/admin/status.html", context, status=400 if form.errors else 200)

    def _move(self, request, certificate, data):
        if data["to"] == Status.VALIDATING:
            services.certificate_start_validation(request=certificate, by=request.user)
        elif data["to"] == Status.ISSUED:
            issued_at = None
            if data["issued_on"] and data["issued_on"] != timezone.localdate():
                issued_at = timezone.make_aware(datetime.datetime.combine(data["issued_on"], datetime.time(12, 0)))
            services.certificate_issue(request=certificate, by=request.user, serial=data["serial"], issued_at=issued_at)
        elif data["to"] == Status.REFUSED:
            services.certificate_refuse(request=certificate, by=request.user, reason=data["reason"])
