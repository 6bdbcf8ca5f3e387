"""Staff read keys and their audit trail here, and may revoke a key (a leaked secret reported to
support) through the service, which records it as done by the team. Nobody edits a key, and no
secret or hash is ever shown: only the customer sees a secret, once."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from credentials import selectors, services
from credentials.models import ApiCredential, CredentialEvent


class StateFilter(admin.SimpleListFilter):
    title = _("situação")
    parameter_name = "situacao"

    def lookups(self, request, model_admin):
        return [("em-uso", _("Em uso")), ("revogada", _("Revogada"))]

    def queryset(self, request, queryset):
        if self.value() == "em-uso":
            return queryset.filter(revoked_at__isnull=True)
        if self.value() == "revogada":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(ApiCredential)
class ApiCredentialAdmin(admin.ModelAdmin):
    list_display = ["name", "consumer_key", "contract", "organization", "state", "created_at", "last_used_at"]
    list_filter = [StateFilter, "contract__organization"]
    list_select_related = ["contract__organization"]
    search_fields = ["name", "=consumer_key", "contract__number", "=contract__organization__cnpj"]
    date_hierarchy = "created_at"
    fields = [
        "name",
        "consumer_key",
        "contract",
        "created_by",
        "created_at",
        "rotated_at",
        "previous_secret_valid_until",
        "revoked_at",
        "last_used_at",
    ]
    readonly_fields = fields
    actions = ["revoke"]
    view_on_site = False

    @admin.display(description=_("empresa"), ordering="contract__organization__legal_name")
    def organization(self, obj: ApiCredential) -> str:
        return obj.contract.organization.display_name

    @admin.display(description=_("situação"))
    def state(self, obj: ApiCredential) -> str:
        return {"ativa": _("Ativa"), "renovada": _("Renovada"), "revogada": _("Revogada")}[selectors.key_state(obj)]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_revoke_permission(self, request) -> bool:
        return request.user.has_perm("credentials.change_apicredential")

    @admin.action(description=_("Revogar as chaves selecionadas (imediatamente)"), permissions=["revoke"])
    def revoke(self, request, queryset):
        count = 0
        for credential in queryset.filter(revoked_at__isnull=True).select_related("contract"):
            services.credential_revoke_by_staff(staff_user=request.user, credential=credential)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d chave revogada.", "%(count)d chaves revogadas.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(CredentialEvent)
class CredentialEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "credential", "organization", "actor_name", "by_staff"]
    list_filter = ["action", "by_staff", "organization"]
    list_select_related = ["credential", "organization"]
    search_fields = ["credential__name", "=credential__consumer_key", "actor_name", "=organization__cnpj"]
    date_hierarchy = "created_at"
    fields = ["created_at", "action", "credential", "organization", "actor", "actor_name", "by_staff"]
    readonly_fields = fields
    view_on_site = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
