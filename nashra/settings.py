"""Nashra's only settings module: the environment in, safe local defaults out.

Every variable Nashra reads is listed in README.md and docs/configuration.md.
Security rule: nothing secret has a default in the repository. A missing
SECRET_KEY is generated once into var/ (mode 0600) and reused, so sessions
survive restarts; DEBUG is off unless asked for, so readers always get the
real 404/500 pages.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env_str(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = env_str(name)
    return int(value) if value else default


def env_list(name, default=()):
    value = env_str(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("NASHRA_VAR_DIR") or BASE_DIR / "var")


def _stored_secret_key():
    """Read var/secret_key, creating it (0600) on first start."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _stored_secret_key()


def _stored_vapid_key():
    """Read var/vapid_private_key.pem, creating it (0600) on first start: the
    push services tie every subscription to this key, so it never changes by
    itself (#19)."""
    path = VAR_DIR / "vapid_private_key.pem"
    if not path.exists():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        VAR_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    return path.read_text().strip()


# Web Push (#19): the VAPID private key (PEM) that signs every push, and the
# contact the push services see in its claims ("mailto:" or an https URL).
VAPID_PRIVATE_KEY = env_str("NASHRA_VAPID_PRIVATE_KEY") or _stored_vapid_key()
# Older keys still accepted for sessions and signed tokens while a new one
# takes over (docs/operations.md, "Rotating the secret key").
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BASE_URL = env_str("NASHRA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
HTTPS = env_bool("NASHRA_HTTPS")
# `import-wordpress --site`: a WordPress application password, read from the
# environment only, never from the command line (#21).
WORDPRESS_USER = env_str("NASHRA_WP_USER")
WORDPRESS_APP_PASSWORD = env_str("NASHRA_WP_APP_PASSWORD")

INSTALLED_APPS = [
    "nashra.core",
    "nashra.newsroom",
    "nashra.queue",
    "nashra.server",
    "nashra.images",
    "nashra.theme",
    "nashra.prayer",
    "nashra.home",
    "nashra.sections",
    "nashra.articles",
    "nashra.live",
    "nashra.podcasts",
    "nashra.comments",
    "nashra.newsletters",
    "nashra.push",
    "nashra.ads",
    "nashra.widgets",
    "nashra.search",
    "nashra.feeds",
    "nashra.importers",
    "nashra.pages",
    "nashra.desk",
    "nashra.pagecache",
    "nashra.demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
# Extra theme packages (Django apps declaring nashra_theme), comma-separated (#4).
INSTALLED_APPS += env_list("NASHRA_THEMES")

MIDDLEWARE = [
    # The request id, one log line and the metrics of every request; outside
    # the page cache, so no stored page carries an id (#17).
    "nashra.core.observe.RequestMiddleware",
    # /healthz and /readyz: before the HTTPS redirect a plain-HTTP probe would
    # get, and before anything that reads the database or the cache (#17).
    "nashra.server.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "nashra.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /?p=123 on an existing page never 404s, so Wagtail's redirects never see
    # it; before the page cache, which would keep serving the home page (#7).
    "nashra.importers.middleware.WordPressQueryRedirectMiddleware",
    # Before sessions and Wagtail: a hit answers without touching either (#8).
    "nashra.pagecache.middleware.PageCacheMiddleware",
    # Inside the page cache: a stored page keeps the policy of its body (#17).
    "nashra.core.csp.ContentSecurityPolicyMiddleware",
    # Misses only: which database an anonymous reader's render reads (#16).
    "nashra.core.replicas.ReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The Wagtail Site from the cache: a query per request otherwise (#8).
    "nashra.core.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor, if any, this session passed; then the admin's
    # door for staff who have not (#14).
    "django_otp.middleware.OTPMiddleware",
    "nashra.newsroom.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "nashra.theme.middleware.ThemeMiddleware",
    # Last, as django-axes asks: it turns lock-outs into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nashra.urls"
WSGI_APPLICATION = "nashra.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            # Site themes override any template, falling back to the default (#4).
            "loaders": [
                (
                    "nashra.theme.loaders.CachedThemeLoader",
                    ["nashra.theme.loaders.ThemeLoader"],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "nashra.core.context_processors.site_chrome",
                "nashra.sections.context_processors.menu",
                "nashra.theme.context_processors.theme",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
# Persistent connections only when asked: the development server starts a
# thread per request, and each would keep its own connection open until the
# server runs out of them (#3). `nashra serve --production` sets 60, on
# SQLite too: reopening the file and its schema cost 1.3 ms per request (#8).
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("NASHRA_DB_CONN_MAX_AGE", 0)
    )
}


def _private_sqlite_file(name):
    """Create the database file 0600 before SQLite does (0644 under the usual
    umask: every local user could read every commenter's e-mail, #17). Its
    WAL and shared-memory files take the same mode."""
    path = Path(name)
    if str(name).startswith(("file:", ":memory:")) or path.exists():
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _private_sqlite_file(DATABASES["default"]["NAME"])
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while a writer commits; IMMEDIATE makes
        # writers queue on busy_timeout instead of failing with "locked".
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=5000;"
            "PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Read replicas (#16): readers' page renders and API reads go to them, the
# rest to the primary (nashra/core/replicas.py). In tests they mirror the
# primary, so the suite runs the same with replicas configured.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    _replica = dj_database_url.parse(
        _url, conn_max_age=env_int("NASHRA_DB_CONN_MAX_AGE", 0)
    )
    _replica["CONN_HEALTH_CHECKS"] = True
    # A replica that is down costs a reader a second, then is left alone.
    _replica.setdefault("OPTIONS", {})["connect_timeout"] = 1
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_number}"] = _replica
DATABASE_ROUTERS = ["nashra.core.replicas.ReplicaRouter"]
# Seconds a client that just wrote keeps reading from the primary.
REPLICA_STICKY_SECONDS = env_int("NASHRA_REPLICA_STICKY_SECONDS", 15)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, else a process-local cache.
REDIS_URL = env_str("REDIS_URL")
# A frozen Redis costs a request at most this many seconds, then the cache
# is skipped for REDIS_RETRY_SECONDS and pages render from the database (#17).
REDIS_TIMEOUT = float(env_str("NASHRA_REDIS_TIMEOUT") or 0.3)
REDIS_RETRY_SECONDS = env_int("NASHRA_REDIS_RETRY_SECONDS", 10)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "nashra.core.cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("NASHRA_CACHE_PREFIX", "nashra"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT,
                "socket_timeout": REDIS_TIMEOUT,
            },
        }
    }
    CACHES["views"] = {
        **CACHES["default"],
        "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-views",
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "nashra",
        },
    }
    CACHES["views"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "nashra-views",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
# View counts (articles/counting.py) in a cache of their own: a flood of
# made-up beacons culls only other counts, never the cache's other entries,
# and each client network counts at most BEACON_LIMIT views a minute (#17).
BEACON_LIMIT = env_int("NASHRA_BEACON_LIMIT", 30)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("NASHRA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
# The pair, never the user alone: a stranger's wrong passwords must not lock
# the real admin out from elsewhere. The address is the one comments store:
# behind the proxy, REMOTE_ADDR is always the proxy's (#17).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "nashra.core.client.client_ip"
AXES_RESET_ON_SUCCESS = True
# Who must sign in with a code from an authenticator app after the password
# (#14): chief-editor (and superusers), all staff, or none.
NASHRA_2FA_REQUIRED = env_str("NASHRA_2FA_REQUIRED", "chief-editor")
if NASHRA_2FA_REQUIRED not in ("chief-editor", "all", "none"):
    raise ImproperlyConfigured("NASHRA_2FA_REQUIRED must be chief-editor, all or none")
# Each wrong code doubles the wait before the next try, from one second.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Language: Arabic first; NASHRA_LANGUAGE=en serves an English, LTR site.
LANGUAGE_CODE = env_str("NASHRA_LANGUAGE", "ar")
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("NASHRA_TIME_ZONE", "UTC")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ar", "العربية"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [(LANGUAGE_CODE, dict(LANGUAGES)[LANGUAGE_CODE])]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("NASHRA_STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Media on S3-compatible object storage (#16): originals and renditions go to
# the bucket, so every node of a cluster sees the same files; local disk stays
# the default. Objects are public and addressed without a signature, as news
# pictures are, through NASHRA_S3_PUBLIC_URL (a CDN or the bucket's own
# address) when given. Path-style addressing suits SeaweedFS, MinIO and most
# self-hosted servers; AWS takes either.
S3_BUCKET = env_str("NASHRA_S3_BUCKET")
S3_PUBLIC_URL = env_str("NASHRA_S3_PUBLIC_URL").rstrip("/")
SERVE_MEDIA = env_bool("NASHRA_SERVE_MEDIA", not S3_BUCKET)
if S3_PUBLIC_URL:
    MEDIA_URL = S3_PUBLIC_URL + "/"
elif S3_BUCKET and env_str("NASHRA_S3_ENDPOINT_URL"):
    # Where django-storages points media without a public URL (path style):
    # the Content-Security-Policy allows pictures from there (core/csp.py).
    MEDIA_URL = f"{env_str('NASHRA_S3_ENDPOINT_URL').rstrip('/')}/{S3_BUCKET}/"


def s3_storage(bucket, *, endpoint_url=None, region=None, access_key=None,
               secret_key=None, addressing_style="path", public_url=""):  # fmt: skip
    """The default storage on an S3 bucket (the tests build theirs with it)."""
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "addressing_style": addressing_style,
        "querystring_auth": False,
        # A new upload with a taken name gets a new name, never another
        # picture's object: renditions are cached for a year (core/media.py).
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=31536000"},
    }
    if public_url:
        # custom_domain is how django-storages builds public URLs; it takes
        # the address without its scheme.
        scheme, _, rest = public_url.partition("://")
        options["custom_domain"] = rest
        options["url_protocol"] = scheme + ":"
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def _media_storage():
    if not S3_BUCKET:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return s3_storage(
        S3_BUCKET,
        endpoint_url=env_str("NASHRA_S3_ENDPOINT_URL"),
        region=env_str("NASHRA_S3_REGION"),
        access_key=env_str("NASHRA_S3_ACCESS_KEY"),
        secret_key=env_str("NASHRA_S3_SECRET_KEY"),
        addressing_style=env_str("NASHRA_S3_ADDRESSING_STYLE", "path"),
        public_url=S3_PUBLIC_URL,
    )


STATIC_MANIFEST = env_bool("NASHRA_STATIC_MANIFEST")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on a missing root
# Uploads readable by this user only when Django serves them; behind nginx
# (NASHRA_SERVE_MEDIA off) by its group too, so nginx in that group reads them (#17).
FILE_UPLOAD_PERMISSIONS = 0o600 if SERVE_MEDIA else 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700 if SERVE_MEDIA else 0o750
STORAGES = {
    "default": _media_storage(),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without a collected manifest, serve straight from the apps' folders.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_MAX_AGE = 31536000 if STATIC_MANIFEST else 60

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = env_str("NASHRA_SITE_NAME", "نشرة")
# The name an authenticator app shows beside the code (#14).
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = BASE_URL
# Documents always through Wagtail's view, which checks a private
# collection's rules; a redirect to the bucket would skip them (#16).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# No third-party requests from the admin either: avatars, update checks (#3).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's own leaves the password field unlabelled: "Password" in Arabic (#12).
WAGTAILADMIN_USER_LOGIN_FORM = "nashra.core.admin_forms.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "images.NewsImage"
# Review before publishing (#14): workflows (the editor review is the
# default, newsroom 0004), field comments and page locking stay on.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Audio and video files play in the page (#20): their types are fixed here,
# not guessed from the machine's mime.types, and they are served inline.
WAGTAILDOCS_CONTENT_TYPES = {
    "mp3": "audio/mpeg", "m4a": "audio/mp4", "oga": "audio/ogg", "ogg": "audio/ogg",
    "opus": "audio/ogg", "wav": "audio/wav", "mp4": "video/mp4", "m4v": "video/mp4",
    "webm": "video/webm",
}  # fmt: skip
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    *dict.fromkeys(WAGTAILDOCS_CONTENT_TYPES.values()),
]
WAGTAILDOCS_EXTENSIONS = [
    "csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip",
    *WAGTAILDOCS_CONTENT_TYPES,
]  # fmt: skip
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Page cache for anonymous readers and static publishing (#8).
PAGE_CACHE = env_bool("NASHRA_PAGE_CACHE", True)
PAGE_CACHE_TTL = env_int("NASHRA_PAGE_CACHE_TTL", 600)
PAGE_CACHE_CDN_MAX_AGE = env_int("NASHRA_CDN_MAX_AGE", 60)
# Varnish (or another cache taking BAN requests, docs/varnish.vcl) in front:
# each is sent a ban by cache group when pages change (#16).
PAGE_CACHE_PURGE_URLS = env_list("NASHRA_VARNISH_URLS")
# A CDN or HTTP cache purged by URL through Wagtail's frontend-cache module
# (#16): "cloudflare", "cloudfront" or "http" (PURGE requests). The URLs
# come from the page cache's groups, recorded in Redis (pagecache/frontend.py),
# so it needs REDIS_URL.
FRONTEND_CACHE = env_str("NASHRA_FRONTEND_CACHE").lower()


def frontend_cache(kind):
    """WAGTAILFRONTENDCACHE for ``kind``, from the NASHRA_* variables."""
    backends = "wagtail.contrib.frontend_cache.backends."
    if not kind:
        return {}
    if kind == "http":
        locations = env_list("NASHRA_FRONTEND_CACHE_URLS")
        if not locations:
            raise ImproperlyConfigured(
                "NASHRA_FRONTEND_CACHE=http needs NASHRA_FRONTEND_CACHE_URLS"
            )
        return {
            f"http{number}": {"BACKEND": backends + "HTTPBackend", "LOCATION": url}
            for number, url in enumerate(locations)
        }
    if kind == "cloudflare":
        zone = env_str("NASHRA_CLOUDFLARE_ZONE_ID")
        token = env_str("NASHRA_CLOUDFLARE_API_TOKEN")
        if not zone or not token:
            raise ImproperlyConfigured(
                "NASHRA_FRONTEND_CACHE=cloudflare needs NASHRA_CLOUDFLARE_ZONE_ID "
                "and NASHRA_CLOUDFLARE_API_TOKEN"
            )
        return {
            "cloudflare": {
                "BACKEND": backends + "CloudflareBackend",
                "ZONEID": zone,
                "BEARER_TOKEN": token,
            }
        }
    if kind == "cloudfront":
        distribution = env_str("NASHRA_CLOUDFRONT_DISTRIBUTION_ID")
        if not distribution:
            raise ImproperlyConfigured(
                "NASHRA_FRONTEND_CACHE=cloudfront needs NASHRA_CLOUDFRONT_DISTRIBUTION_ID"
            )
        # boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself.
        return {
            "cloudfront": {
                "BACKEND": backends + "CloudfrontBackend",
                "DISTRIBUTION_ID": distribution,
            }
        }
    raise ImproperlyConfigured(
        f"NASHRA_FRONTEND_CACHE={kind!r}: use cloudflare, cloudfront or http"
    )


WAGTAILFRONTENDCACHE = frontend_cache(FRONTEND_CACHE)
if WAGTAILFRONTENDCACHE and not REDIS_URL:
    raise ImproperlyConfigured(
        "NASHRA_FRONTEND_CACHE needs REDIS_URL: every node records there "
        "which URLs the CDN may hold"
    )
# Set by `nashra serve --production` without Redis: the workers' local caches
# share their invalidations through this file.
PAGE_CACHE_VERSIONS_FILE = env_str("NASHRA_PAGE_CACHE_VERSIONS_FILE")
STATIC_PUBLISH = env_bool("NASHRA_STATIC_PUBLISH")
STATIC_PUBLISH_DIR = Path(env_str("NASHRA_STATIC_PUBLISH_DIR") or VAR_DIR / "published")

# Scheduled publishing runs inside `nashra serve`, no cron (#2).
# One post's text (content, a meta value, a comment) over this is refused
# by the WordPress importer, which reads it in bounded memory (#17); the
# whole post with its comments may have four times as much.
IMPORT_MAX_POST_BYTES = env_int("NASHRA_IMPORT_MAX_POST_BYTES", 8 << 20)
SCHEDULER_INTERVAL = env_int("NASHRA_SCHEDULER_INTERVAL", 30)

# Details of /readyz (and /metrics) only with this bearer token; empty: none (#17).
METRICS_TOKEN = env_str("NASHRA_METRICS_TOKEN")
# Count requests, cache hits and searches for /metrics (nashra/core/metrics.py).
METRICS = env_bool("NASHRA_METRICS", True)
# One log line per request, with its id (nashra/core/observe.py).
REQUEST_LOG = env_bool("NASHRA_REQUEST_LOG", True)
# Background jobs (#14): Django's tasks API, jobs stored in the database;
# `nashra serve` runs a worker in-process (one per site under --production),
# `nashra worker` runs one on its own (then NASHRA_IN_PROCESS_WORKER=0).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_WORKER_IN_PROCESS = env_bool("NASHRA_IN_PROCESS_WORKER", True)
TASK_POLL_INTERVAL = float(env_str("NASHRA_TASK_POLL_INTERVAL") or 1)
TASK_HEARTBEAT = float(env_str("NASHRA_TASK_HEARTBEAT") or 10)
TASK_ATTEMPTS = env_int("NASHRA_TASK_ATTEMPTS", 5)
TASK_BACKOFF = env_int("NASHRA_TASK_BACKOFF", 30)

# Public API (#6): origins allowed to read /api/v1/ from a browser, comma
# separated, or "*" for any; empty (the default) sends no CORS headers.
NASHRA_CORS_ORIGINS = env_list("NASHRA_CORS_ORIGINS")

# Every e-mail is a job on the task queue (nashra/queue/mail.py): requests
# never wait on a mail server (#14, #17). The backend below delivers it.
EMAIL_BACKEND = "nashra.queue.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# EMAIL_URL: smtp://user:pass@host:587?tls=1, smtp+tls://… (STARTTLS) or
# smtps://… (implicit TLS); empty keeps the console backend (#3).
EMAIL_URL = env_str("EMAIL_URL")
if EMAIL_URL:
    from urllib.parse import parse_qs, unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    _mail_query = parse_qs(_mail.query)
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and (
        _mail.scheme == "smtp+tls" or _mail_query.get("tls", [""])[0] in {"1", "true"}
    )
# Seconds for each SMTP connect, read and write: a hung server costs a job
# this long, then the queue retries it later (#17: it was 10 s per comment).
EMAIL_TIMEOUT = env_int("NASHRA_EMAIL_TIMEOUT", 5)
DEFAULT_FROM_EMAIL = env_str("NASHRA_FROM_EMAIL", "nashra@localhost")
# Newsletter sends (#19): recipients per send job, each over one connection.
NASHRA_NEWSLETTER_BATCH = env_int("NASHRA_NEWSLETTER_BATCH", 500)
VAPID_SUBJECT = env_str("NASHRA_VAPID_SUBJECT") or f"mailto:{DEFAULT_FROM_EMAIL}"
# Browser notifications per send job (#19).
NASHRA_PUSH_BATCH = env_int("NASHRA_PUSH_BATCH", 200)
# Seconds for each request to a push service.
NASHRA_PUSH_TIMEOUT = env_int("NASHRA_PUSH_TIMEOUT", 5)
# "user:password" the e-mail service's bounce and complaint webhooks send
# (anymail's basic auth); empty leaves /anymail/ unmounted (#19).
ANYMAIL = {"WEBHOOK_SECRET": env_str("NASHRA_ANYMAIL_WEBHOOK_SECRET")}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("NASHRA_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("NASHRA_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("NASHRA_HSTS_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("NASHRA_HSTS_PRELOAD")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("NASHRA_BEHIND_PROXY") else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview frames the page from the admin (same origin), so
# DENY would break it; SAMEORIGIN still refuses every other site (W019).
X_FRAME_OPTIONS = "SAMEORIGIN"
# Hosts a newsroom's ads and embeds need, added to the reader pages'
# Content-Security-Policy (nashra/core/csp.py), comma-separated (#17).
CSP_EXTRA_SOURCES = {
    "script-src": env_list("NASHRA_CSP_SCRIPT_SRC"),
    "frame-src": env_list("NASHRA_CSP_FRAME_SRC"),
    "img-src": env_list("NASHRA_CSP_IMG_SRC"),
    "connect-src": env_list("NASHRA_CSP_CONNECT_SRC"),
}
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line scrubbed of e-mail and IP addresses; NASHRA_LOG_FORMAT=json
    # writes one JSON object a line (#17).
    "formatters": {
        "plain": {
            "()": "nashra.core.logs.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "json": {"()": "nashra.core.logs.JsonFormatter"},
    },
    # A full disk or a read-only var dir: one line (core/views.py), not
    # Django's traceback too.
    "filters": {"storage": {"()": "nashra.core.storage_faults.DropStorageFaults"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["storage"],
            "formatter": "json" if env_str("NASHRA_LOG_FORMAT") == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("NASHRA_LOG_LEVEL", "INFO")},
    # Wagtail's background tasks and axes' start-up banner log every call at INFO.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("django.db.backends", "django_tasks", "axes")
    },
}

# Error reports to Sentry (or a compatible service) when SENTRY_DSN is set:
# no personal data sent, and every string scrubbed of e-mail and IP
# addresses before it leaves (#17).
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    from nashra.text.scrub import scrub_event

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        send_default_pii=False,
        before_send=lambda event, hint: scrub_event(event),
        traces_sample_rate=0,
    )
