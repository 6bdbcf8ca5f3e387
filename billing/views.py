import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from billing import documents, selectors, services
from billing.forms import InvoiceFilterForm
from billing.models import Invoice
from tickets.models import TicketForm
from tickets.wizard import TicketWizard

PAGE_SIZE = 25
#: The ticket form customers use for billing questions (tickets.demo: "Financeiro / 2ª via de boleto").
HELP_FORM_SLUG = "assunto-financeiro"


@require_safe
def invoice_list(request):
    """Financeiro: the invoices of the user's companies, filtered, with what is open and overdue."""
    today = timezone.localdate()
    contracts = list(selectors.visible_contracts(request.user).order_by("number").values_list("number", flat=True))
    form = InvoiceFilterForm(request.GET, periods=selectors.recent_periods(today=today), contract_numbers=contracts)
    filters = form.filters()
    invoices = selectors.visible_invoices(request.user)
    if "contrato" in filters:
        invoices = invoices.filter(contract__number=filters["contrato"])
    if "periodo" in filters:
        invoices = invoices.filter(period=datetime.date.fromisoformat(filters["periodo"] + "-01"))
    totals = selectors.totals(invoices, today=today)
    if "situacao" in filters:
        invoices = invoices.in_situation(filters["situacao"], today=today)
    page = Paginator(
        invoices.select_related("contract__product").order_by("-period", "number"),
        PAGE_SIZE,
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "billing/invoice_list.html",
        {"form": form, "page": page, "totals": totals, "filtered": bool(filters), "has_contracts": bool(contracts)},
    )


def _visible_invoice(request, number) -> Invoice:
    invoices = selectors.visible_invoices(request.user).select_related("contract__product", "contract__organization")
    return get_object_or_404(invoices, number=number)


@never_cache
@require_safe
def nota_fiscal(request, number):
    """The invoice's nota fiscal, as a download, for the people of its company only."""
    invoice = _visible_invoice(request, number)
    if not invoice.nota_fiscal:
        raise Http404
    return documents.nota_fiscal_download(invoice)


@never_cache
@require_safe
def reissue(request, number):
    """2ª via: the boleto updated for paying today, printable; a cancelled or paid invoice explains why not."""
    invoice = _visible_invoice(request, number)
    if not invoice.can_reissue:
        return render(request, "billing/reissue_unavailable.html", {"invoice": invoice})
    issue = services.boleto_issue(invoice=invoice, user=request.user)
    return render(request, "billing/reissue.html", documents.boleto_context(invoice, issue))


@never_cache
@require_safe
def reissue_pdf(request, number):
    invoice = _visible_invoice(request, number)
    if not invoice.can_reissue:
        raise Http404
    issue = services.boleto_issue(invoice=invoice, user=request.user)
    response = HttpResponse(documents.boleto_pdf(invoice, issue), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="boleto-{invoice.number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def ask_for_help(request, number):
    """ "Solicitar ajuda": the Financeiro ticket form, already filled in with the invoice."""
    invoice = _visible_invoice(request, number)
    ticket_form = TicketForm.objects.active().filter(slug=HELP_FORM_SLUG).first()
    if ticket_form is None:
        messages.info(request, _("Escolha o assunto Financeiro e conte qual fatura precisa de ajuda."))
        return redirect("support:new")
    wizard = TicketWizard(request, ticket_form)
    wizard.prefill("solicitacao", documents.help_request(invoice, extra_fields=ticket_form.fields.all()))
    wizard.save()
    return redirect("tickets:new", slug=ticket_form.slug)
