"""Staff say which products read RFB data (and what for); the consent history and the current
state are read-only here: only a company's gestor changes them, through the customer area."""

from django.contrib import admin

from consent.models import Consent, ConsentEvent, RfbDataUse


@admin.register(RfbDataUse)
class RfbDataUseAdmin(admin.ModelAdmin):
    list_display = ["product", "description", "updated_at"]
    list_select_related = ["product"]
    search_fields = ["product__name", "description"]
    autocomplete_fields = ["product"]


class ReadOnlyAdmin(admin.ModelAdmin):
    view_on_site = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ConsentEvent)
class ConsentEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "organization", "product", "action", "actor_name"]
    list_filter = ["action", "product", "organization"]
    list_select_related = ["organization", "product"]
    search_fields = ["=organization__cnpj", "organization__legal_name", "product__name", "actor_name"]
    date_hierarchy = "created_at"


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ["organization", "product", "granted", "updated_at"]
    list_filter = ["granted", "product", "organization"]
    list_select_related = ["organization", "product"]
    search_fields = ["=organization__cnpj", "organization__legal_name", "product__name"]
