"""The idempotency records, read-only: what a key's POSTs were answered, for support to look at."""

from django.contrib import admin

from api.models import IdempotencyRecord


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(admin.ModelAdmin):
    list_display = ["key", "credential", "status", "created_at", "expires_at"]
    list_filter = ["status"]
    search_fields = ["key", "credential__consumer_key", "credential__name"]
    list_select_related = ["credential"]
    readonly_fields = ["credential", "key", "fingerprint", "status", "body", "created_at", "expires_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
