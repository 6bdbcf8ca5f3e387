import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from credentials import selectors, services
from credentials.forms import CredentialForm

#: Where the REST API's reference lives (the api app serves it).
API_DOCS_URL = "/api/v1/docs"
API_TOKEN_PATH = "/api/v1/token"  # noqa: S105 (a path, not a password)


#: Session key of the create forms handed out and not yet submitted (see _submission_issue).
SUBMISSIONS_SESSION_KEY = "credentials_create_forms"
SUBMISSIONS_KEPT = 5


def _submission_issue(request) -> str:
    """A single-use token for one create form, so a reload or double click of its POST makes no second key."""
    token = secrets.token_urlsafe(16)
    issued = request.session.get(SUBMISSIONS_SESSION_KEY, [])[-(SUBMISSIONS_KEPT - 1) :]
    request.session[SUBMISSIONS_SESSION_KEY] = [*issued, token]
    return token


def _submission_consume(request, token: str) -> bool:
    issued = request.session.get(SUBMISSIONS_SESSION_KEY, [])
    if not token or token not in issued:
        return False
    request.session[SUBMISSIONS_SESSION_KEY] = [other for other in issued if other != token]
    return True


def _page_context(request, form=None) -> dict:
    companies = selectors.keys_page(request.user)
    is_manager = any(company.can_manage for company in companies)
    return {
        "companies": companies,
        "is_manager": is_manager,
        "form": form if form is not None else (CredentialForm(user=request.user) if is_manager else None),
        "submission": _submission_issue(request) if is_manager else "",
        "api_docs_url": API_DOCS_URL,
        "api_token_url": request.build_absolute_uri(API_TOKEN_PATH),
        "token_minutes": int(services.TOKEN_LIFETIME.total_seconds() // 60),
        "max_keys": services.MAX_ACTIVE_PER_CONTRACT,
    }


@require_safe
def key_list(request):
    """Chaves de Acesso: per company and contract, its keys; a gestor also creates, rotates and revokes."""
    return render(request, "credentials/key_list.html", _page_context(request))


@never_cache
@require_POST
def key_create(request):
    """Create a key and show its secret, once: rendered, never redirected, so it is in no URL or session."""
    if not selectors.managed_organization_ids(request.user):
        raise PermissionDenied
    if not _submission_consume(request, request.POST.get("submission", "")):
        messages.info(
            request,
            _(
                "Esse formulário já foi enviado, e a chave dele já está na lista abaixo. O consumer secret só "
                "é mostrado uma vez: se você não o copiou, rotacione a chave para receber um novo."
            ),
        )
        return redirect("credentials:list")
    form = CredentialForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            credential, secret = services.credential_create(
                user=request.user, contract=form.cleaned_data["contract"], name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name" if error.code == "name" else "contract", error.messages)
        else:
            return _render_secret(request, credential, secret, status=201, created=True)
    return render(request, "credentials/key_list.html", _page_context(request, form), status=400)


def _render_secret(request, credential, secret, *, status, created):
    return render(
        request,
        "credentials/secret.html",
        {
            "credential": credential,
            "secret": secret,
            "created": created,
            "api_docs_url": API_DOCS_URL,
            "token_minutes": int(services.TOKEN_LIFETIME.total_seconds() // 60),
            "api_token_url": request.build_absolute_uri(API_TOKEN_PATH),
        },
        status=status,
    )


def _manageable(request, pk: int):
    """The key (of the user's companies, else 404), when the user is gestor of its company (else 403)."""
    credential = get_object_or_404(
        selectors.visible_credentials(request.user).select_related(
            "contract__organization", "contract__product", "created_by"
        ),
        pk=pk,
    )
    if not services.can_manage(request.user, credential.contract.organization_id):
        raise PermissionDenied
    return credential


@never_cache
@require_http_methods(["GET", "POST"])
def key_rotate(request, pk: int):
    """GET: what renewing does, and a button. POST: the new secret, shown once, and until when the old one works."""
    credential = _manageable(request, pk)
    if credential.is_revoked:
        messages.info(request, _("A chave “%(name)s” já foi revogada.") % {"name": credential.name})
        return redirect("credentials:list")
    if request.method == "POST":
        try:
            secret = services.credential_rotate(user=request.user, credential=credential)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("credentials:list")
        credential.refresh_from_db()
        return _render_secret(request, credential, secret, status=200, created=False)
    return render(
        request,
        "credentials/confirm.html",
        {
            "credential": credential,
            "action": "rotate",
            "grace_hours": int(services.ROTATION_GRACE.total_seconds() // 3600),
            "state": selectors.key_state(credential),
        },
    )


@require_http_methods(["GET", "POST"])
def key_revoke(request, pk: int):
    """GET: what revoking does, and a button. POST: revoke now, back to the list with a message."""
    credential = _manageable(request, pk)
    if credential.is_revoked:
        messages.info(request, _("A chave “%(name)s” já foi revogada.") % {"name": credential.name})
        return redirect("credentials:list")
    if request.method == "POST":
        services.credential_revoke(user=request.user, credential=credential)
        messages.success(
            request,
            _("Chave “%(name)s” revogada. Ela e os tokens emitidos com ela deixaram de funcionar.")
            % {"name": credential.name},
        )
        return redirect("credentials:list")
    return render(request, "credentials/confirm.html", {"credential": credential, "action": "revoke"})


@require_safe
def audit(request):
    """Histórico: who created, renewed or revoked which key, for the companies the user is gestor of."""
    if not selectors.managed_organization_ids(request.user):
        raise PermissionDenied
    page = selectors.audit_trail(request.user, page=request.GET.get("pagina"))
    return render(request, "credentials/audit.html", {"page": page})
