import re

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from usage.charts import usage_chart
from usage.export import usage_csv
from usage.selectors import DEFAULT_PERIOD, PERIODS, monthly_usage, visible_contracts


def _filters(request) -> tuple[int, str, list, list]:
    """The period and the contract asked for, and the contracts shown: all the user's, or the one chosen.

    A contract number the user may not see answers 404, as if it did not exist."""
    try:
        months = int(request.GET.get("meses", DEFAULT_PERIOD))
    except ValueError:
        months = DEFAULT_PERIOD
    if months not in PERIODS:
        months = DEFAULT_PERIOD
    contracts = list(visible_contracts(request.user))
    number = request.GET.get("contrato", "").strip()
    if number:
        chosen = [contract for contract in contracts if contract.number == number]
        if not chosen:
            raise Http404
        return months, number, contracts, chosen
    return months, "", contracts, contracts


@require_safe
def usage(request):
    """Consultar Consumo: monthly usage per contract, as a chart and a table, with last year's beside it."""
    months, number, all_contracts, contracts = _filters(request)
    usages = monthly_usage(contracts, months=months)
    return render(
        request,
        "usage/consumo.html",
        {
            "months": months,
            "periods": PERIODS,
            "number": number,
            "contracts": all_contracts,
            "usages": [(item, usage_chart(item)) for item in usages],
        },
    )


@require_safe
def usage_download(request):
    months, number, _all, contracts = _filters(request)
    response = HttpResponse(usage_csv(monthly_usage(contracts, months=months)), content_type="text/csv; charset=utf-8")
    name = re.sub(r"[^A-Za-z0-9-]+", "-", f"consumo-{number or 'contratos'}-{months}-meses") + ".csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
