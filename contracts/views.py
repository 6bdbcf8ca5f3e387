from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from contracts import selectors
from contracts.forms import ContractFilterForm
from contracts.models import ContractDocument
from portal.models import Contract
from tickets.attachments import download


@require_safe
def contract_list(request):
    """Meus Contratos: every contract of the user's companies, filtered by status and company."""
    companies = selectors.user_companies(request.user)
    form = ContractFilterForm(request.GET, companies=companies)
    rows = selectors.contract_list(request.user, **form.filters())
    return render(
        request,
        "contracts/contract_list.html",
        {"form": form, "rows": rows, "many_companies": len(companies) > 1, "filtered": any(form.filters().values())},
    )


@require_safe
def contract_detail(request, number: str):
    try:
        contract = selectors.contract_detail(request.user, number)
    except Contract.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "contracts/contract_detail.html",
        {
            "contract": contract,
            "documents": selectors.contract_documents(contract),
            "expires_in": selectors.days_to_renewal(contract, today=timezone.localdate()),
            "needs_consent": selectors.needs_consent(contract),
        },
    )


@require_safe
def document_download(request, number: str, pk: int):
    try:
        document = selectors.visible_document(request.user, number=number, pk=pk)
    except ContractDocument.DoesNotExist:
        raise Http404 from None
    return download(document)
