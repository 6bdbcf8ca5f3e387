from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from billing.documents import nota_fiscal_download
from billing.models import BoletoIssue, Invoice
from tickets.attachments import validate_file


class InvoiceForm(forms.ModelForm):
    """Staff upload the nota fiscal as a PDF; it is kept in private storage, never at a public URL."""

    class Meta:
        model = Invoice
        fields = [
            "contract",
            "number",
            "period",
            "issue_date",
            "due_date",
            "amount",
            "status",
            "paid_at",
            "late_fee_percent",
            "monthly_interest_percent",
            "nota_fiscal",
        ]
        widgets = {"nota_fiscal": forms.FileInput(attrs={"accept": "application/pdf"})}

    def clean_nota_fiscal(self):
        uploaded = self.cleaned_data["nota_fiscal"]
        is_new = uploaded and hasattr(uploaded, "content_type")  # a new upload, not the stored file
        if is_new and validate_file(uploaded).content_type != "application/pdf":
            raise ValidationError(_("Envie a nota fiscal em PDF."))
        return uploaded


@admin.display(description=_("nota fiscal atual"))
def nota_fiscal_link(invoice: Invoice) -> str:
    if not invoice.pk or not invoice.nota_fiscal:
        return "—"
    url = reverse("admin:billing_invoice_nota_fiscal", args=[invoice.pk])
    return format_html('<a href="{}">{}</a>', url, _("Baixar"))


class BoletoIssueInline(admin.TabularInline):
    model = BoletoIssue
    extra = 0
    can_delete = False
    fields = ["issued_at", "issued_by", "due_date", "principal", "fine", "interest", "total", "digitable_line"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    form = InvoiceForm
    list_display = ["number", "contract", "period", "due_date", "amount", "status", "paid_at"]
    list_filter = ["status", "period"]
    list_select_related = ["contract"]
    search_fields = ["number", "contract__number", "=contract__organization__cnpj"]
    autocomplete_fields = ["contract"]
    date_hierarchy = "due_date"
    readonly_fields = [nota_fiscal_link]
    inlines = [BoletoIssueInline]
    view_on_site = False

    def get_fields(self, request, obj=None):
        return [*InvoiceForm.Meta.fields, nota_fiscal_link]

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/nota-fiscal/",
                self.admin_site.admin_view(self.nota_fiscal_view),
                name="billing_invoice_nota_fiscal",
            )
        ]
        return urls + super().get_urls()

    def nota_fiscal_view(self, request, pk):
        invoice = Invoice.objects.filter(pk=pk).first()
        if invoice is None or not invoice.nota_fiscal or not self.has_view_permission(request, invoice):
            raise Http404
        return nota_fiscal_download(invoice)


@admin.register(BoletoIssue)
class BoletoIssueAdmin(admin.ModelAdmin):
    """Read-only: the record of every 2ª via handed out."""

    list_display = ["invoice", "issued_at", "issued_by", "due_date", "total"]
    list_select_related = ["invoice", "issued_by"]
    search_fields = ["invoice__number", "digitable_line"]
    date_hierarchy = "issued_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
