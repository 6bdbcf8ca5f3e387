"""Supervisors see who on the team has set up a second factor, and reset a colleague's (a lost phone)."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from staff import services
from staff.models import StaffMember


class FactorFilter(admin.SimpleListFilter):
    title = _("verificação em duas etapas")
    parameter_name = "fatores"

    def lookups(self, request, model_admin):
        return [("sim", _("Configurada")), ("nao", _("Não configurada"))]

    def queryset(self, request, queryset):
        if self.value() == "sim":
            return queryset.filter(Q(has_app=True) | Q(passkey_count__gt=0))
        if self.value() == "nao":
            return queryset.filter(has_app=False, passkey_count=0)
        return queryset


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    """Read-only list of staff with their factors; the one action resets a colleague's."""

    list_display = ["name", "email", "has_app", "passkey_count", "recovery_codes_left", "is_active"]
    list_display_links = None
    list_filter = [FactorFilter, "is_active"]
    search_fields = ["name", "email"]
    ordering = ["name"]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_factors()

    # Supervisors only, whatever the model permissions say.

    def has_module_permission(self, request):
        return services.is_supervisor(request.user)

    def has_view_permission(self, request, obj=None):
        return services.is_supervisor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_reset_permission(self, request):
        return services.is_supervisor(request.user)

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": gettext("Verificação em duas etapas da equipe"), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("aplicativo autenticador"), boolean=True, ordering="has_app")
    def has_app(self, member):
        return member.has_app

    @admin.display(description=_("passkeys"), ordering="passkey_count")
    def passkey_count(self, member):
        return member.passkey_count

    @admin.display(description=_("códigos de recuperação restantes"), ordering="recovery_codes_left")
    def recovery_codes_left(self, member):
        return member.recovery_codes_left

    @admin.action(description=_("Redefinir verificação em duas etapas"), permissions=["reset"])
    def reset_two_factor(self, request, queryset):
        """After a confirmation page: every factor of the chosen colleagues goes, each reset logged."""
        chosen = list(queryset.order_by("name"))
        allowed = [member for member in chosen if services.may_reset(request.user, member)]
        refused = [member for member in chosen if member not in allowed]
        if request.POST.get("post") == "yes":
            for member in allowed:
                services.two_factor_reset(colleague=member, by=request.user)
            if allowed:
                self.message_user(
                    request,
                    ngettext(
                        "Verificação em duas etapas redefinida para %(names)s. Na próxima entrada, "
                        "a pessoa configura de novo.",
                        "Verificação em duas etapas redefinida para %(names)s. Na próxima entrada, "
                        "cada pessoa configura de novo.",
                        len(allowed),
                    )
                    % {"names": ", ".join(member.name for member in allowed)},
                    messages.SUCCESS,
                )
            if refused:
                self.message_user(request, _refused_message(refused), messages.WARNING)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Redefinir verificação em duas etapas?"),
            "opts": self.model._meta,
            "allowed": allowed,
            "refused": refused,
            "refused_message": _refused_message(refused) if refused else "",
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "staff/reset_confirm.html", context)


def _refused_message(people) -> str:
    return gettext(
        "Não redefinida para %(names)s: ninguém redefine a própria (use a página da sua verificação em duas "
        "etapas) e só um superusuário redefine a de outro superusuário."
    ) % {"names": ", ".join(member.name for member in people)}
