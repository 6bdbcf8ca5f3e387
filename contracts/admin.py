from django import forms
from django.contrib import admin
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from contracts.models import ContractDocument
from portal.admin import ContractAdmin
from tickets.attachments import ACCEPT, download, safe_name, validate_file


class ContractDocumentForm(forms.ModelForm):
    """Staff upload: the same content checks as ticket attachments; the file's name is kept as metadata.

    A plain file input: the stored file is private (no URL), staff download it through ``download_link``.
    """

    class Meta:
        model = ContractDocument
        fields = ["kind", "title", "date", "file"]
        widgets = {"file": forms.FileInput(attrs={"accept": ACCEPT})}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            kind = validate_file(uploaded)
            self.instance.original_name = safe_name(uploaded.name)
            self.instance.content_type = kind.content_type
            self.instance.size = uploaded.size
        return uploaded


@admin.display(description=_("arquivo atual"))
def download_link(document: ContractDocument) -> str:
    if not document.pk or not document.file:
        return "—"
    url = reverse("admin:contracts_contractdocument_download", args=[document.pk])
    return format_html('<a href="{}">{}</a>', url, document.original_name)


class ContractDocumentInline(admin.TabularInline):
    model = ContractDocument
    form = ContractDocumentForm
    extra = 0
    fields = ["kind", "title", "date", "file", download_link]
    readonly_fields = [download_link]
    show_change_link = True


@admin.register(ContractDocument)
class ContractDocumentAdmin(admin.ModelAdmin):
    form = ContractDocumentForm
    list_display = ["title", "contract", "kind", "date", "original_name"]
    list_filter = ["kind"]
    list_select_related = ["contract"]
    search_fields = ["title", "contract__number", "=contract__organization__cnpj"]
    autocomplete_fields = ["contract"]
    date_hierarchy = "date"
    view_on_site = False  # the customer's download is for the company's people: staff use download_link
    fields = ["contract", "kind", "title", "date", "file", download_link, "content_type", "size"]
    readonly_fields = [download_link, "content_type", "size"]

    def get_urls(self):
        return [
            path(
                "<int:pk>/arquivo/",
                self.admin_site.admin_view(self.download_view),
                name="contracts_contractdocument_download",
            ),
            *super().get_urls(),
        ]

    def download_view(self, request, pk: int):
        """The stored file, for staff who may see documents; always a download."""
        document = self.get_queryset(request).filter(pk=pk).first()
        if document is None or not self.has_view_or_change_permission(request, document):
            raise Http404
        return download(document)


# The documents are edited with their contract, in portal's ContractAdmin.
ContractAdmin.inlines = [*ContractAdmin.inlines, ContractDocumentInline]
