from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language

from helpcenter.sitemaps import SITEMAPS
from portal import views

portal_patterns = [
    path("", views.home, name="home"),
    path("entrar/", views.LoginView.as_view(), name="login"),
    path("sair/", auth_views.LogoutView.as_view(), name="logout"),
    path("senha/redefinir/", views.password_reset, name="password_reset"),
    path(
        "senha/redefinir/enviado/",
        auth_views.PasswordResetDoneView.as_view(template_name="portal/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("senha/redefinir/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "senha/redefinir/concluido/",
        auth_views.PasswordResetCompleteView.as_view(template_name="portal/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("senha/alterar/", views.PasswordChangeView.as_view(), name="password_change"),
    path("acessibilidade/", views.accessibility, name="accessibility"),
    path("alto-contraste/", views.high_contrast, name="high_contrast"),
    path(
        "senha/alterar/concluido/",
        auth_views.PasswordChangeDoneView.as_view(template_name="portal/password_change_done.html"),
        name="password_change_done",
    ),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("ajuda/", include("helpcenter.urls")),
    path("tickets/", include("tickets.urls")),
    path("suporte/", include("support.urls")),
    path("contratos/", include("contracts.urls")),
    path("financeiro/", include("billing.urls")),
    path("consumo/", include("usage.urls")),
    path("ateste/", include("attestation.urls")),
    path("contatos/", include("contacts.urls")),
    path("chaves/", include("credentials.urls")),
    path("api/", include("api.api_urls")),
    path("certificado-digital/", include("certificates.urls")),
    path("compartilha-rfb/", include("consent.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", login_not_required(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.admin_view_on_site),
        name="admin_view_on_site",
    ),
    # Staff's second login step, before the admin's own catch-all (staff.middleware requires it).
    path("admin/2fa/", include("staff.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "portal.views.server_error"

if settings.PORTAL_BENCH_FLOOR:  # bench/throughput.py: the cost of the shell alone, for comparison
    urlpatterns.append(path("_bench/floor/", views.bench_floor))
