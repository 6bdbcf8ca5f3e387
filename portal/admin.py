from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal import outbox
from portal.identifiers import mask_cpf
from portal.models import Contract, Membership, Organization, OutboundEmail, User

admin.site.site_header = _("Área do Cliente — administração")
admin.site.site_title = _("Área do Cliente")


class StaffLoginForm(AdminAuthenticationForm):
    """The admin login, which like the customer one accepts a CPF as well as an e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("CPF ou e-mail")


admin.site.login_form = StaffLoginForm
admin.site.index_title = _("Painel da equipe")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organization"]


class PortalUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        # django-stubs types this as UserChangeForm's own value ("__all__"); a ModelForm takes a list of names.
        fields = ["email", "cpf", "name", "is_active", "is_staff", "is_superuser", "groups", "user_permissions"]  # type: ignore[assignment]


class PortalUserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email", "cpf", "name")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PortalUserChangeForm
    add_form = PortalUserCreationForm
    ordering = ["name"]
    list_display = ["name", "email", "cpf_masked", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["name", "email", "=cpf"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Dados pessoais"), {"fields": ["name", "cpf"]}),
        (_("Permissões"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Datas"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "cpf", "password1", "password2"]}),
    ]

    @admin.display(description=_("CPF"), ordering="cpf")
    def cpf_masked(self, obj: User) -> str:
        return mask_cpf(obj.cpf or "")


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0
    autocomplete_fields = ["product"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["legal_name", "trade_name", "cnpj_masked"]
    search_fields = ["legal_name", "trade_name", "=cnpj"]
    inlines = [MembershipInline, ContractInline]

    @admin.display(description=_("CNPJ"), ordering="cnpj")
    def cnpj_masked(self, obj: Organization) -> str:
        return obj.cnpj_masked


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["number", "organization", "product", "status", "start_date", "end_date", "monthly_value"]
    list_filter = ["status", "value_is_estimate", "product"]
    list_select_related = ["organization", "product"]
    search_fields = ["number", "organization__legal_name", "=organization__cnpj", "manager_name", "fiscal_name"]
    fieldsets = [
        (None, {"fields": ["organization", "product", "number", "status", ("start_date", "end_date")]}),
        (_("Valor"), {"fields": [("monthly_value", "value_is_estimate")]}),
        (_("Responsáveis"), {"fields": [("manager_name", "fiscal_name")]}),
    ]
    autocomplete_fields = ["organization", "product"]
    date_hierarchy = "start_date"
    view_on_site = False  # the contract page is the company's: staff are not its members


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox: what was sent, what is being retried and why, and "reenviar" for what failed.

    Bodies hold customers' personal data and are not shown: the subject, the address and the
    error are what staff need to act.
    """

    list_display = ["created_at", "subject", "recipients", "status", "attempts", "next_attempt_at", "error"]
    list_filter = ["status"]
    search_fields = ["subject", "message_id"]
    fields = (
        "message_id",
        "recipients",
        "subject",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    )
    readonly_fields = fields
    actions = ["resend"]
    date_hierarchy = "created_at"
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("para"))
    def recipients(self, email: OutboundEmail) -> str:
        return ", ".join(email.to)

    @admin.display(description=_("último erro"))
    def error(self, email: OutboundEmail) -> str:
        return Truncator(email.last_error).chars(80)

    @admin.action(description=_("Reenviar os e-mails selecionados que falharam ou aguardam nova tentativa"))
    def resend(self, request, queryset) -> None:
        count = outbox.resend(queryset)
        message = ngettext(
            "%(count)d e-mail voltou para a fila de envio.", "%(count)d e-mails voltaram para a fila de envio.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS if count else messages.WARNING)
