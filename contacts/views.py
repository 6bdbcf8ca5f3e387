from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from contacts import selectors, services
from contacts.forms import ConfirmCpfForm, InvitationForm, NewAccountForm, RoleForm
from contacts.models import Invitation
from portal import ratelimit
from portal.models import Membership, User

#: Where the invitation's token waits between opening the e-mailed link and accepting it: the link
#: is swapped for the session at once, so the token never stays in the address bar or a Referer.
SESSION_KEY = "contacts_invitation"
HISTORY_PAGE_SIZE = 25


@require_safe
def contact_list(request):
    """The people of each of the user's companies; a gestor also sees the actions."""
    sections = selectors.contacts_page(request.user)
    return render(
        request,
        "contacts/contact_list.html",
        {
            "sections": sections,
            "is_manager": any(section.can_manage for section in sections),
            "roles": Membership.Role.choices,
        },
    )


def _rate_limited(request) -> bool:
    return not ratelimit.hit(ratelimit.limit("convite-gestor"), f"user:{request.user.pk}")


@require_http_methods(["GET", "HEAD", "POST"])
def invite(request):
    organizations = list(selectors.managed_organizations(request.user))
    if not organizations:
        raise PermissionDenied
    form = InvitationForm(request.POST or None, organizations=organizations)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if _rate_limited(request):
                form.add_error(None, _("Muitos convites enviados na última hora. Aguarde um pouco e tente de novo."))
                status = 429
            else:
                try:
                    invitation = services.invitation_send(
                        organization=form.organization,
                        actor=request.user,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        role=form.cleaned_data["role"],
                    )
                except ValidationError as error:
                    form.add_error("email", error)
                else:
                    messages.success(
                        request,
                        _("Convite enviado para %(email)s. O link vale por 7 dias.") % {"email": invitation.email},
                    )
                    return redirect("contacts:list")
        return render(request, "contacts/invite.html", {"form": form}, status=status)
    return render(request, "contacts/invite.html", {"form": form})


def _managed(request, queryset, pk):
    """The object of the user's companies (else 404), if the user is a gestor there (else 403)."""
    obj = get_object_or_404(queryset, pk=pk)
    if not selectors.can_manage(request.user, obj.organization_id):
        raise PermissionDenied
    return obj


def _membership(request, pk) -> Membership:
    return _managed(request, selectors.visible_memberships(request.user).select_related("user", "organization"), pk)


def _done(request, call, success: str):
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("contacts:list")


@require_POST
def change_role(request, pk):
    membership = _membership(request, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Escolha um papel: gestor ou membro."))
        return redirect("contacts:list")
    role = form.cleaned_data["role"]
    return _done(
        request,
        lambda: services.role_change(membership=membership, actor=request.user, role=role),
        _("%(name)s agora é %(role)s.") % {"name": membership.user.name, "role": Membership.Role(role).label.lower()},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def deactivate(request, pk):
    """A confirmation page: what deactivating means; the POST does it."""
    membership = _membership(request, pk)
    if request.method == "POST":
        return _done(
            request,
            lambda: services.member_deactivate(membership=membership, actor=request.user),
            _("%(name)s foi desativado(a) em %(company)s e não tem mais acesso à empresa.")
            % {"name": membership.user.name, "company": membership.organization.display_name},
        )
    return render(
        request,
        "contacts/deactivate.html",
        {"membership": membership, "is_self": membership.user_id == request.user.pk},
    )


@require_POST
def reactivate(request, pk):
    former = _managed(
        request, selectors.visible_former_members(request.user).select_related("user", "organization"), pk
    )
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Escolha um papel: gestor ou membro."))
        return redirect("contacts:list")
    return _done(
        request,
        lambda: services.member_reactivate(former=former, actor=request.user, role=form.cleaned_data["role"]),
        _("%(name)s foi reativado(a) em %(company)s.")
        % {"name": former.user.name, "company": former.organization.display_name},
    )


def _invitation(request, pk) -> Invitation:
    return _managed(request, selectors.visible_invitations(request.user).select_related("organization"), pk)


@require_POST
def resend(request, pk):
    invitation = _invitation(request, pk)
    if _rate_limited(request):
        messages.error(request, _("Muitos convites enviados na última hora. Aguarde um pouco e tente de novo."))
        return redirect("contacts:list")
    return _done(
        request,
        lambda: services.invitation_resend(invitation=invitation, actor=request.user),
        _("Novo convite enviado para %(email)s. O link anterior não vale mais.") % {"email": invitation.email},
    )


@require_POST
def cancel(request, pk):
    invitation = _invitation(request, pk)
    return _done(
        request,
        lambda: services.invitation_cancel(invitation=invitation, actor=request.user),
        _("Convite para %(email)s cancelado.") % {"email": invitation.email},
    )


@require_safe
def history(request):
    """The trail of every change to the people of the companies the user manages."""
    organizations = list(selectors.managed_organizations(request.user))
    if not organizations:
        raise PermissionDenied
    by_id = {str(organization.pk): organization for organization in organizations}
    chosen = by_id.get(request.GET.get("empresa", ""))
    events = selectors.history(request.user, organization_id=chosen.pk if chosen else None)
    page = Paginator(events, HISTORY_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "contacts/history.html",
        {"page": page, "organizations": organizations, "chosen": chosen},
    )


# Accepting an invitation ---------------------------------------------------------------------------


def _invalid(request):
    """The same page, and status, for a link that is unknown, expired, already used or cancelled."""
    request.session.pop(SESSION_KEY, None)
    return render(request, "contacts/invitation_invalid.html", status=404)


@login_not_required
@never_cache
@require_safe
def invitation(request, token):
    """The e-mailed link: nothing is spent here (mail scanners open links); the token moves into the
    session and the browser goes on to the clean address of the acceptance page."""
    if services.invitation_for_token(token) is None:
        return _invalid(request)
    request.session[SESSION_KEY] = token
    return redirect("contacts:accept")


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept(request):
    token = request.session.get(SESSION_KEY, "")
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return _invalid(request)
    user = request.user
    invited_email = invitation.email.lower()
    if user.is_authenticated and user.email.lower() != invited_email:
        mode, form_class = "other_account", None
    elif user.is_authenticated:
        mode, form_class = "confirm", ConfirmCpfForm
    elif User.objects.filter(email__iexact=invited_email).exists():
        mode, form_class = "sign_in", None
    else:
        mode, form_class = "new_account", NewAccountForm
    form = form_class(request.POST or None) if form_class else None
    status = 200
    if request.method == "POST":
        if form is None:
            return redirect("contacts:accept")
        status = 400
        if not ratelimit.hit(ratelimit.limit("convite-aceite-ip"), ratelimit.client_ip(request)):
            return ratelimit.too_many_requests(request)
        if form.is_valid():
            try:
                if mode == "new_account":
                    user = services.invitation_accept_new_account(
                        token=token,
                        name=form.cleaned_data["name"],
                        cpf=form.cleaned_data["cpf"],
                        password=form.cleaned_data["password1"],
                    )
                    login(request, user, backend="portal.backends.CpfOrEmailBackend")
                else:
                    services.invitation_accept_existing(token=token, user=user, cpf=form.cleaned_data["cpf"])
            except Invitation.DoesNotExist:
                return _invalid(request)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                request.session.pop(SESSION_KEY, None)
                messages.success(
                    request,
                    _("Convite aceito. Você agora faz parte de %(company)s.")
                    % {"company": invitation.organization.display_name},
                )
                return redirect("contacts:list")
    return render(
        request,
        "contacts/accept.html",
        {"invitation": invitation, "mode": mode, "form": form},
        status=status,
    )


@login_not_required
@require_POST
def accept_sign_out(request):
    """Signed in as someone else: sign out, keeping the invitation, and come back to it."""
    token = request.session.get(SESSION_KEY, "")
    logout(request)
    if token:
        request.session[SESSION_KEY] = token
    return redirect("contacts:accept")
