from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from consent import selectors, services
from consent.export import history_csv
from consent.forms import ReasonForm
from helpcenter.models import Product
from portal.models import Organization

HISTORY_PAGE_SIZE = 25


@require_safe
def consent_list(request):
    """Compartilha RFB: per company, each product that reads RFB data, its state and the forms to change it."""
    return _render_list(request)


def _render_list(
    request,
    *,
    failed_key: str = "",
    failed_form: ReasonForm | None = None,
    failed_product: Product | None = None,
    status: int = 200,
):
    companies = selectors.consent_page(request.user)
    # The refused change's row may be gone (a contract ended meanwhile): the message then stands alone.
    failed_row_shown = any(row.key == failed_key for company in companies for row in company.rows)
    return render(
        request,
        "consent/consent_list.html",
        {
            "companies": companies,
            "missing_total": sum(company.missing_count for company in companies),
            "is_manager": any(company.can_manage for company in companies),
            "failed_key": failed_key,
            "failed_form": failed_form,
            "failed_product": failed_product,
            "failed_row_shown": failed_row_shown,
        },
        status=status,
    )


def _organization(request, cnpj: str) -> Organization:
    try:
        return selectors.organization_for(request.user, cnpj)
    except Organization.DoesNotExist:
        raise Http404 from None


def _target(request, cnpj: str, slug: str) -> tuple[Organization, Product]:
    """The company (one of the user's, else 404), a product that needs consent (else 404), and a gestor (else 403)."""
    organization = _organization(request, cnpj)
    try:
        product = selectors.needing_product(slug)
    except Product.DoesNotExist:
        raise Http404 from None
    if not selectors.can_manage(request.user, organization):
        raise PermissionDenied
    return organization, product


def _change(request, cnpj: str, slug: str, *, service, done: str):
    organization, product = _target(request, cnpj, slug)
    form = ReasonForm(request.POST)
    key = f"{organization.pk}-{product.pk}"
    if not form.is_valid():
        return _render_list(request, failed_key=key, failed_form=form, failed_product=product, status=400)
    try:
        service(user=request.user, organization=organization, product=product, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        form.add_error("reason", error)
        return _render_list(request, failed_key=key, failed_form=form, failed_product=product, status=400)
    messages.success(request, done % {"product": product.name, "company": organization.display_name})
    return redirect("consent:list")


@require_POST
def consent_grant(request, cnpj: str, slug: str):
    return _change(
        request,
        cnpj,
        slug,
        service=services.consent_grant,
        done=_("Compartilhamento com %(product)s concedido para %(company)s."),
    )


@require_POST
def consent_revoke(request, cnpj: str, slug: str):
    return _change(
        request,
        cnpj,
        slug,
        service=services.consent_revoke,
        done=_(
            "Compartilhamento com %(product)s revogado para %(company)s. A partir de agora o produto não recebe "
            "mais os dados da Receita Federal da empresa."
        ),
    )


@require_safe
def consent_history(request, cnpj: str):
    """Every grant and revocation of one of the user's companies, newest first, 25 a page."""
    organization = _organization(request, cnpj)
    page = Paginator(selectors.history(organization), HISTORY_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "consent/history.html", {"organization": organization, "page": page})


@require_safe
def consent_history_csv(request, cnpj: str):
    organization = _organization(request, cnpj)
    response = HttpResponse(
        history_csv(organization, selectors.history(organization)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="compartilha-rfb-{organization.cnpj}.csv"'
    return response
