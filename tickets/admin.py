from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tickets.models import Attachment, FormField, StatusEvent, Subject, Team, Ticket, TicketForm, TicketType


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "email"]
    search_fields = ["name"]


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "active"]
    list_editable = ["order", "active"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(TicketType)
class TicketTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "active"]
    list_editable = ["order", "active"]


class FormFieldInline(admin.TabularInline):
    model = FormField
    extra = 0
    fields = ["order", "label", "kind", "required", "choices", "help_text"]


@admin.register(TicketForm)
class TicketFormAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "product", "subject", "team", "active"]
    list_filter = ["active", "team"]
    list_select_related = ["product", "subject", "team"]
    search_fields = ["name", "slug", "product__name", "subject__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["product"]
    inlines = [FormFieldInline]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "content_type", "size", "uploaded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusEventInline(admin.TabularInline):
    model = StatusEvent
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    """Read-only for now: tickets change through the portal's services, never by hand-editing rows."""

    list_display = ["protocol_display", "title", "status", "about", "team", "cnpj_masked", "created_at"]
    list_filter = ["status", "team", "type", "year"]
    list_select_related = ["product", "subject", "team"]
    search_fields = ["title", "requester_name", "email", "=requester_cpf", "=cnpj", "=number"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in Ticket._meta.fields if field.name not in {"id", "submission_key"}]
    exclude = ["submission_key"]
    inlines = [StatusEventInline, AttachmentInline]

    @admin.display(description=_("protocolo"), ordering="number")
    def protocol_display(self, ticket):
        return ticket.protocol

    @admin.display(description=_("produto ou assunto"))
    def about(self, ticket):
        return ticket.about

    @admin.display(description=_("CNPJ"))
    def cnpj_masked(self, ticket):
        return ticket.cnpj_masked

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
