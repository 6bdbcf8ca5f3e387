import sys

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes import views as contenttypes_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from helpcenter.page_cache import HIGH_CONTRAST_COOKIE
from portal import ratelimit, reminders
from portal.forms import LoginForm, PasswordChangeForm, PasswordResetRequestForm, SetPasswordForm
from portal.identifiers import login_key
from portal.models import Membership
from portal.tasks import send_password_reset


@require_safe
@never_cache
def home(request):
    memberships = Membership.objects.of_user(request.user).with_organization_summary()
    return render(
        request,
        "portal/home.html",
        {"memberships": memberships, "reminders": reminders.for_user(request.user)},
    )


@login_not_required
@require_safe
@never_cache
def healthz(request):
    """Liveness and database check for load balancers and monitors.

    Served by ``portal.middleware.HealthCheckMiddleware`` before any other middleware, so it
    never reads the session or the user.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503, headers=RETRY_AFTER)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_not_required
@require_safe
@cache_control(public=True, max_age=60 * 60)
def robots_txt(request):
    """Crawlers may read the Central de Ajuda, never the customer area, the ticket pages or the admin."""
    text = loader.render_to_string("robots.txt", {"sitemap_url": settings.PORTAL_BASE_URL + reverse("sitemap")})
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@login_not_required
@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages that do not name an icon (the admin's, for one)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "portal/login.html"
    redirect_authenticated_user = True


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def password_reset(request):
    """Ask for a link to set a new password.

    The page answers the same, in the same time, whether or not the e-mail has an account: the
    request looks no one up and renders no e-mail; it only enqueues the task that does. Past the
    limit per e-mail it still answers as usual but sends nothing, so the limit tells nothing either.
    """
    form = PasswordResetRequestForm(request.POST or None)
    if form.is_valid():
        if not ratelimit.hit(ratelimit.limit("senha-ip"), ratelimit.client_ip(request)):
            return ratelimit.too_many_requests(request)
        email = form.cleaned_data["email"]
        if ratelimit.hit(ratelimit.limit("senha-email"), login_key(email)):
            send_password_reset.enqueue(email=email, language=request.LANGUAGE_CODE)
        return redirect("portal:password_reset_done")
    return render(request, "portal/password_reset_form.html", {"form": form})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "portal/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("portal:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "portal/password_change_form.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("portal:password_change_done")


def admin_view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" redirect, for objects the staff member may see in the admin only.

    Django's own redirect answers for any object of any model, so it would tell an atendente
    another team's ticket number. Here the object must be in its model admin's queryset, which
    is scoped to the staff member (``tickets.admin``); anything else is a 404.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    model_admin = admin.site.get_model_admin(model) if model and admin.site.is_registered(model) else None
    if model_admin is None or not model_admin.has_view_permission(request):
        raise Http404
    try:
        visible = model_admin.get_queryset(request).filter(pk=object_id).exists()
    except (ValueError, TypeError, ValidationError):
        visible = False
    if not visible:
        raise Http404
    return contenttypes_views.shortcut(request, content_type_id, object_id)


#: What a client should wait before trying again while the database is away.
RETRY_AFTER = {"Retry-After": "30"}
DATABASE_AWAY = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request):
    """handler500: a 503 while the database is away, the usual 500 page otherwise.

    Both pages are rendered without the database (no session, no user, no context processors),
    in the language the request already chose.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_AWAY):
        connection.close()  # the next request opens a fresh connection when the database is back
        body = loader.render_to_string("503.html")
        return HttpResponse(body, status=503, headers={**RETRY_AFTER, "Cache-Control": "no-store"})
    return HttpResponseServerError(loader.render_to_string("500.html"))


@login_not_required
@require_safe
def accessibility(request):
    """/acessibilidade/: what the portal claims (WCAG 2.2 AA), how it is tested, its limits, shortcuts."""
    return render(request, "portal/accessibility.html")


#: "Alto contraste" stays as chosen in this browser for a year (helpcenter.page_cache names the cookie).
HIGH_CONTRAST_MAX_AGE = 365 * 24 * 60 * 60


@login_not_required
@require_POST
def high_contrast(request):
    """Turn "Alto contraste" on or off with a form, so it works without JavaScript; back to ``next``."""
    on = request.POST.get("alto_contraste") == "1"
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not safe:
        target = reverse("portal:home") if request.user.is_authenticated else reverse("helpcenter:home")
    response = redirect(target)
    response.set_cookie(
        HIGH_CONTRAST_COOKIE,
        "1" if on else "0",
        max_age=HIGH_CONTRAST_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


@login_not_required
@require_safe
def bench_floor(request):
    """base.html with nothing in it: what every page costs at least (bench/throughput.py; PORTAL_BENCH_FLOOR)."""
    return render(request, "portal/bench_floor.html")
