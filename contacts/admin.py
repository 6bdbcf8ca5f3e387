"""Staff read the Contatos trail, the invitations and the inactive people here; nobody edits them.

Changes go through the customer area's services, so that each one leaves its ContactEvent.
"""

from django.contrib import admin

from contacts.models import ContactEvent, FormerMember, Invitation


class ReadOnlyAdmin(admin.ModelAdmin):
    view_on_site = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ContactEvent)
class ContactEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "organization", "actor_name", "action", "target_name", "target_email", "detail"]
    list_filter = ["action", "organization", "created_at"]
    list_select_related = ["organization"]
    search_fields = ["actor_name", "target_name", "target_email", "=organization__cnpj"]
    date_hierarchy = "created_at"


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "name", "organization", "role", "created_at", "expires_at", "accepted_at", "cancelled_at"]
    list_filter = ["role", "organization", "created_at"]
    list_select_related = ["organization"]
    search_fields = ["email", "name", "=organization__cnpj"]
    exclude = ["token_hash"]


@admin.register(FormerMember)
class FormerMemberAdmin(ReadOnlyAdmin):
    list_display = ["user", "organization", "role", "deactivated_at"]
    list_filter = ["role", "organization"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__email", "user__name", "=organization__cnpj"]
