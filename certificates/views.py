from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from certificates import selectors, services
from certificates.forms import CertificateRequestForm
from certificates.models import CertificateRequest


@require_safe
def request_list(request):
    """Per company of the user, its certificate requests; a gestor asks for a new one."""
    companies = selectors.requests_page(request.user)
    return render(
        request,
        "certificates/request_list.html",
        {"companies": companies, "can_request": any(company.can_manage for company in companies)},
    )


def _renewal(request, organizations) -> CertificateRequest | None:
    """The issued certificate a renewal starts from (``?renovar=<pk>``), of a company the user manages."""
    value = request.POST.get("renovar") if request.method == "POST" else request.GET.get("renovar")
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return get_object_or_404(
        CertificateRequest.objects.filter(organization__in=organizations, status=CertificateRequest.Status.ISSUED),
        pk=int(value),
    )


@require_http_methods(["GET", "POST"])
def request_new(request):
    """The request form (gestor only). Bad input comes back with everything typed, and a 400."""
    organizations = selectors.managed_organizations(request.user)
    if not organizations.exists():
        raise PermissionDenied
    renewal = _renewal(request, organizations)
    if request.method == "POST":
        form = CertificateRequestForm(request.POST, organizations=organizations)
        if form.is_valid():
            data = {name: value for name, value in form.cleaned_data.items() if name != "renovar"}
            try:
                certificate = services.certificate_request(
                    user=request.user, language=request.LANGUAGE_CODE, renewal_of=renewal, **data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Solicitação %(protocol)s registrada. Você vai receber um e-mail a cada mudança de situação.")
                    % {"protocol": certificate.protocol},
                )
                return redirect(certificate)
        status = 400
    else:
        if renewal is not None:
            initial = CertificateRequestForm.initial_from(renewal)
        else:
            initial = {"kind": CertificateRequest.Kind.ECNPJ, "media": CertificateRequest.Media.A1, "validity_years": 1}
            initial["delivery"] = CertificateRequest.Delivery.DOWNLOAD
            only = list(organizations[:2])
            if len(only) == 1:
                initial["organization"] = only[0].pk
        form = CertificateRequestForm(initial=initial, organizations=organizations)
        status = 200
    return render(request, "certificates/request_form.html", {"form": form, "renewal": renewal}, status=status)


@require_safe
def request_detail(request, pk):
    """One request: its data, where it stands and how it got there. Another company's is a 404."""
    certificate = get_object_or_404(selectors.visible_requests(request.user), pk=pk)
    return render(
        request,
        "certificates/request_detail.html",
        {
            "certificate": certificate,
            "events": list(certificate.events.all()),
            "can_manage": services.can_request(request.user, certificate.organization),
        },
    )
