from django.contrib import admin

from usage.models import UsageAllowance, UsageRecord


@admin.register(UsageAllowance)
class UsageAllowanceAdmin(admin.ModelAdmin):
    list_display = ["contract", "unit", "monthly_quantity"]
    list_select_related = ["contract__product"]
    search_fields = ["contract__number", "contract__organization__legal_name", "=contract__organization__cnpj"]
    autocomplete_fields = ["contract"]


@admin.register(UsageRecord)
class UsageRecordAdmin(admin.ModelAdmin):
    list_display = ["contract", "day", "quantity"]
    list_select_related = ["contract__product"]
    search_fields = ["=contract__number"]
    autocomplete_fields = ["contract"]
    date_hierarchy = "day"
    # Millions of rows: no full count on every list page.
    show_full_result_count = False
