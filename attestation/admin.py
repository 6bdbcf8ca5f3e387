"""Staff read attestations and contests here; nobody edits them (a declaration is immutable).

"Pendentes" is not a filter on the records (a pending period has no record): it is its own page,
computed over the contracts × the last 12 closed months without a record, linked from the list.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from attestation import selectors
from attestation.models import Attestation
from portal.models import Contract


@admin.register(Attestation)
class AttestationAdmin(admin.ModelAdmin):
    list_display = ["contract", "period", "kind", "declarant_name", "declared_at", "invoice", "ticket"]
    list_filter = ["kind", "period", "contract__organization"]
    list_select_related = ["contract", "invoice", "ticket"]
    search_fields = ["contract__number", "=contract__organization__cnpj", "declarant_name", "invoice__number"]
    date_hierarchy = "period"
    change_list_template = "attestation/admin/change_list.html"
    view_on_site = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        return [
            path(
                "pendentes/",
                self.admin_site.admin_view(self.pending_view),
                name="attestation_attestation_pending",
            ),
            *super().get_urls(),
        ]

    def pending_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        contracts = Contract.objects.filter(organization__memberships__isnull=False).distinct()
        company = request.GET.get("empresa", "")
        if company.isdigit():
            contracts = contracts.filter(organization_id=int(company))
        rows = selectors.pending_periods(Contract.objects.filter(pk__in=contracts.values("pk")))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Períodos pendentes de ateste"),
            "rows": rows,
            "window": selectors.WINDOW_MONTHS,
            "company": company,
        }
        return TemplateResponse(request, "attestation/admin/pending.html", context)
