"""Settings for Área do Cliente, read from the environment.

Every value has a default that runs out of the box (the PostgreSQL cluster scripts/run.sh
starts, console e-mail, local-memory cache); production sets the variables listed in
`.env.example`.
"""

import datetime
from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
if DEBUG:
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-not-a-secret-" + "x" * 40)
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Ours, in import order: each app may import only from the ones above it.
    "helpcenter",
    "portal",
    "tickets",
    "staff",
    "consent",
    "contracts",
    "billing",
    "usage",
    "attestation",
    "contacts",
    "certificates",
    "credentials",
    "api",
    "support",
    # Django and third parties. modeltranslation before the admin, whose forms it extends.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "ninja",
]

MIDDLEWARE = [
    # First: /healthz answers before anything reads the session or the user.
    "portal.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Errors under /api/v1/ as problem JSON in the request's language, whoever answered them (api app).
    "api.middleware.ApiProblemMiddleware",
    # Before anything reads the body: 413 past the size limit, 400 for NUL characters.
    "portal.middleware.RequestGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.PrivatePagesMiddleware",
    # Staff: every /admin/ page needs a second factor after the password (staff.middleware).
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.StaffTwoFactorMiddleware",
    # Deny by default: public views opt out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.StaffIdleTimeoutMiddleware",
    # Last, as django-axes asks: it turns lockouts into the friendly lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.shell",
                "tickets.context_processors.policies",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Database: PostgreSQL, everywhere (the run command, the tests, CI, production). The default is
# the project-local cluster that scripts/run.sh starts; production sets DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:54329/area_do_cliente")}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "DATABASE_URL must point to PostgreSQL (postgres://user:password@host:port/name): "
        "the portal relies on its full-text search, locks and constraints, and runs on nothing else."
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Parameters stay bound on the client (Django's default with psycopg 3). Prepared statements were
# measured here (README, Performance): planned per run they saved nothing, and with generic plans
# the queue's partial indexes went unused (the overdue filter five times slower at 1M tickets).

CACHES = {"default": env.cache("DJANGO_CACHE_URL", default="locmemcache://")}

# Accounts
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "portal.backends.CpfOrEmailBackend"]

# Brute force (django-axes): 5 failed attempts lock that login *from that address* for 15
# minutes; the same login from elsewhere, and other logins, keep working, so nobody can lock
# everyone out. A login is counted however it is typed (CPF punctuation, e-mail capitals), and
# an address that fails 50 times in an hour, over any logins, is locked out of all of them
# (portal.lockout). Applies to the customer login and the admin's alike.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "portal.lockout.username"
AXES_HANDLER = "portal.lockout.LockoutHandler"
PORTAL_LOGIN_FAILURES_PER_ADDRESS = env.int("PORTAL_LOGIN_FAILURES_PER_ADDRESS", default=50)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
# Staff sessions end after this much idle time (portal.middleware.StaffIdleTimeoutMiddleware).
STAFF_IDLE_TIMEOUT = datetime.timedelta(minutes=env.int("DJANGO_STAFF_IDLE_MINUTES", default=30))
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:login"
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "name", "cpf")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff two-factor login (the staff app, with django-otp): after the password, every /admin/ page
# asks for a code from an authenticator app, a passkey or a single-use recovery code.
OTP_TOTP_THROTTLE_FACTOR = 1  # after n wrong codes in a row, wait 2^(n-1) seconds before the next try
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # never show TOTP secrets in the admin


# Passkeys (django-otp-webauthn) only as a second factor, never instead of the password. Browsers
# accept a passkey only for a domain name (not an IP address): production sets its own domain,
# e.g. OTP_WEBAUTHN_RP_ID=cliente.example.gov.br, OTP_WEBAUTHN_ALLOWED_ORIGINS=https://cliente.example.gov.br
OTP_WEBAUTHN_RP_ID = env.str("OTP_WEBAUTHN_RP_ID", default="localhost")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list("OTP_WEBAUTHN_ALLOWED_ORIGINS", default=["http://localhost:8000"])
OTP_WEBAUTHN_RP_NAME = "Área do Cliente"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# Sessions live in the database so any app server can serve any request. With a shared cache
# (Redis) they are read from it and written through to the database; with the per-process
# local-memory cache that would serve one server a session another has changed (a logout not
# seen), so they stay in the database alone.
SHARED_CACHE = "redis" in CACHES["default"]["BACKEND"].lower()
SESSION_ENGINE = f"django.contrib.sessions.backends.{'cached_db' if SHARED_CACHE else 'db'}"
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=8 * 60 * 60)

# Internationalisation: Portuguese first, English and Spanish complete.
LANGUAGE_CODE = "pt-br"
LANGUAGES = [("pt-br", _("Português")), ("en", _("Inglês")), ("es", _("Espanhol"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content (help answers, products, forms' fields…) in the same three languages: staff write each field in
# pt-BR and, when they can, in en and es; what is missing is read in Portuguese (helpcenter/translation.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "pt-br"
MODELTRANSLATION_LANGUAGES = ("pt-br", "en", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pt-br",)
# Dates as Brazilians write them ("29 de novembro de 2026"): portal/formats/pt_BR.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = env("DJANGO_TIME_ZONE", default="America/Sao_Paulo")
USE_TZ = True

# Static files: collected into STATIC_ROOT and served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded attachments: outside STATIC_ROOT and never served directly, only through views that
# check who is asking (tickets.models.private_storage).
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
# With several app servers they go to S3-compatible object storage instead (django-storages):
# set the bucket; credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
# variables (or the machine's role). Objects are private; nobody gets a URL to them.
PRIVATE_STORAGE_BUCKET = env.str("DJANGO_PRIVATE_STORAGE_BUCKET", default="")
PRIVATE_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_STORAGE_BUCKET,
            "endpoint_url": env.str("DJANGO_PRIVATE_STORAGE_ENDPOINT", default="") or None,
            "region_name": env.str("DJANGO_PRIVATE_STORAGE_REGION", default="") or None,
            "location": env.str("DJANGO_PRIVATE_STORAGE_PREFIX", default="privado"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
    if PRIVATE_STORAGE_BUCKET
    else None  # PRIVATE_MEDIA_ROOT on the local disk
)
# The largest request body accepted (bytes): a full set of attachments (25 MB) and the form
# around it. Larger ones get 413 before they are read; set the proxy's limit to the same.
PORTAL_MAX_REQUEST_BYTES = env.int("PORTAL_MAX_REQUEST_BYTES", default=27 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# E-mail, put in the outbox and sent from background tasks (portal.outbox).
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
_email_backend = env.str("DJANGO_EMAIL_BACKEND", default="console" if DEBUG else "smtp")
if _email_backend not in _EMAIL_BACKENDS:
    raise ImproperlyConfigured(f"DJANGO_EMAIL_BACKEND must be one of {', '.join(_EMAIL_BACKENDS)}.")
MAILERS: dict[str, dict[str, Any]] = {"default": {"BACKEND": _EMAIL_BACKENDS[_email_backend]}}
if _email_backend == "smtp":
    MAILERS["default"]["OPTIONS"] = {
        "host": env.str("DJANGO_EMAIL_HOST", default="localhost"),
        "port": env.int("DJANGO_EMAIL_PORT", default=587),
        "username": env.str("DJANGO_EMAIL_HOST_USER", default=""),
        "password": env.str("DJANGO_EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env.bool("DJANGO_EMAIL_USE_TLS", default=True),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="Área do Cliente <nao-responda@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: stored in the database, in the same transaction as the change that queues
# them, and run by `manage.py worker` (django-tasks-db's worker plus portal.outbox.sweep).
TASKS = {
    "default": {
        "BACKEND": env.str("DJANGO_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# A task still RUNNING this long after it started was left by a worker that died: it is given
# back to the queue and run again. Every task of the portal takes seconds.
TASKS_LEASE = datetime.timedelta(seconds=env.int("PORTAL_TASK_LEASE_SECONDS", default=300))

# Security. DJANGO_HTTPS (on unless debugging) turns on everything that needs TLS.
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
if HTTPS:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # Bootstrap draws its select caret and validation icons as data: SVGs.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # Django's own logger prints to the console in debug mode and would print every line a
    # second time through the root: here it only passes its records on to the root.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}

# Rate limits, scope -> (attempts, window in seconds); counters live in the cache (Redis with several
# servers). Each count can be set from the environment, e.g. PORTAL_RATE_LIMIT_CONSULTA_IP=20.
_RATE_LIMITS = {
    "consulta-ip": (10, 60),  # consultations per address
    "consulta-cpf": (5, 60 * 60),  # visitors' consultations per address and CPF
    "envio-ip": (30, 60 * 60),  # tickets sent per address
    "envio-cpf": (20, 24 * 60 * 60),  # tickets sent per requester CPF
    "resposta-ip": (30, 60 * 60),  # replies on tickets per address
    "passo-ip": (120, 60 * 60),  # posts of the ticket form's steps per address
    "senha-ip": (5, 60 * 60),  # password-reset requests per address (then 429)
    "senha-email": (3, 60 * 60),  # password-reset e-mails per address asked for (then silently none)
    "convite-gestor": (20, 60 * 60),  # invitations sent or resent per gestor (Contatos)
    "convite-aceite-ip": (20, 60 * 60),  # attempts to accept an invitation per address (then 429)
    "api": (600, 60),  # customer API requests per key (api app)
    "api-token-ip": (30, 60),  # customer API token requests per address
}
PORTAL_RATE_LIMITS = {
    scope: (env.int(f"PORTAL_RATE_LIMIT_{scope.upper().replace('-', '_')}", default=count), seconds)
    for scope, (count, seconds) in _RATE_LIMITS.items()
}

# The request header our own reverse proxy sets to the client's address (e.g. HTTP_X_REAL_IP);
# empty means REMOTE_ADDR. Never name a header the client can set unfiltered.
PORTAL_CLIENT_IP_HEADER = env.str("PORTAL_CLIENT_IP_HEADER", default="")
# Where e-mails point to: the portal's public address, without a trailing slash.
# Whole-page cache of the public Central de Ajuda (helpcenter/page_cache.py); off only to measure it.
PORTAL_HELP_PAGE_CACHE = env.bool("PORTAL_HELP_PAGE_CACHE", default=True)
# bench/throughput.py's floor: /_bench/floor/ renders base.html and nothing else. Never on in production.
PORTAL_BENCH_FLOOR = env.bool("PORTAL_BENCH_FLOOR", default=False)
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# What the shell shows about the organisation that runs the portal.
PORTAL_BRAND = env.str("PORTAL_BRAND", default="SERPRO")
PORTAL_OWNER = env.str("PORTAL_OWNER", default="Serviço Federal de Processamento de Dados")
PORTAL_ADDRESS = env.str("PORTAL_ADDRESS", default="SGAN Quadra 601 Módulo V, CEP 70830-900, Brasília - DF")
PORTAL_SOLUTIONS_URL = env.str("PORTAL_SOLUTIONS_URL", default="https://loja.serpro.gov.br/")
PORTAL_INSTITUTIONAL_URL = env.str("PORTAL_INSTITUTIONAL_URL", default="https://www.serpro.gov.br/")
# The name authenticator apps show next to the staff's codes.
OTP_TOTP_ISSUER = PORTAL_BRAND
