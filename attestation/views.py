import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from attestation import selectors, services
from attestation.forms import ContestForm
from attestation.models import Attestation
from portal.identifiers import mask_cpf


@require_safe
def attestation_list(request):
    """Ateste de Serviços: per contract, the pending closed periods first, then the history."""
    histories = selectors.attestation_page(request.user)
    return render(
        request,
        "attestation/attestation_list.html",
        {
            "histories": histories,
            "pending_total": sum(history.pending_count for history in histories),
            "is_manager": any(history.can_manage for history in histories),
        },
    )


def _period(request, number: str, period: datetime.date):
    """The contract (of the user's companies, else 404) and the period (a closed one, else 404)."""
    contract = get_object_or_404(
        selectors.visible_contracts(request.user).select_related("organization", "product"), number=number
    )
    if not selectors.is_closed_period_of(contract, period):
        raise Http404
    return contract, period


def _manageable(request, number, period):
    contract, period = _period(request, number, period)
    if not selectors.can_manage(request.user, contract):
        raise PermissionDenied
    return contract, period


@require_safe
def period_detail(request, number, period):
    """The confirmation page of one pending period: attest it, or contest it with a reason."""
    contract, period = _manageable(request, number, period)
    return _render_period(request, contract, period, ContestForm())


def _render_period(request, contract, period, form, status=200):
    record = Attestation.objects.filter(contract=contract, period=period).select_related("ticket").first()
    return render(
        request,
        "attestation/period.html",
        {
            "contract": contract,
            "period": period,
            "invoice": selectors.invoice_for(contract, period),
            "record": record,
            "form": form,
            "declarant_cpf": mask_cpf(request.user.cpf or ""),
        },
        status=status,
    )


@require_POST
def attest(request, number, period):
    contract, period = _manageable(request, number, period)
    try:
        services.attest(user=request.user, contract=contract, period=period)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Serviços de %(month)s do contrato %(contract)s atestados.")
            % {"month": f"{period:%m/%Y}", "contract": contract.number},
        )
    return redirect("attestation:list")


@require_POST
def contest(request, number, period):
    contract, period = _manageable(request, number, period)
    form = ContestForm(request.POST)
    if not form.is_valid():
        return _render_period(request, contract, period, form, status=400)
    try:
        record = services.contest(
            user=request.user, contract=contract, period=period, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("attestation:list")
    messages.success(
        request,
        _("Contestação registrada. Acompanhe pelo ticket %(protocol)s.") % {"protocol": record.ticket.protocol},
    )
    return redirect("attestation:list")
