from django.contrib import admin

from helpcenter.models import Product


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    list_editable = ["active"]
    search_fields = ["name", "short_description"]
    prepopulated_fields = {"slug": ["name"]}
