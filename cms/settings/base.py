"""Settings shared by every environment.

Everything that differs between machines comes from the environment (12-factor); see the
README's table. Environment-specific modules (dev, test, production) import this one and
change as little as they can.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cms.core.media_formats import CAPTIONS_EXTENSION, CAPTIONS_TYPE, RECORDING_TYPES

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.core",
    "home",
    "heroes",
    "search",
    "webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v3",
    # django-ninja serves Swagger UI (/api/v3/docs/) from its own static files, no CDN.
    "ninja",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "wagtail.embeds",
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
    "django_countries",
    "django_filters",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the response cache, so cached responses carry them too (cms/core/security.py).
    "cms.core.security.ContentSecurityPolicyMiddleware",
    "cms.core.security.PermissionsPolicyMiddleware",
    # Outside the rest, so every /api/ error, whoever makes it, is a problem document.
    "cms.core.problems.ApiProblemMiddleware",
    # Hostile input (NUL bytes, other charsets, out-of-range numbers) gets a 400, not a 500.
    "cms.core.guard.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF, locale, messages and the rest: a hit of the shared response cache
    # (public API, pages, feeds) costs none of their work, and a miss stores the response
    # they finished (cms/core/cache.py).
    "cms.core.cache.PublicResponseCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.core.middleware.ApiTokenMiddleware",
    "cms.core.middleware.InertCsvExportMiddleware",
    # Last: turns a login refused by axes into its lockout response (cms/core/login_throttle.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: one URL, PostgreSQL in CI and production, SQLite for the demo.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# The demo's SQLite: readers never wait for writers (WAL), a writer waits its turn up to 5 s,
# and every transaction takes the write lock when it begins (IMMEDIATE), so concurrent
# writers queue instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 5,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    # Planner settings for the web app's short queries (DATABASE_OPTIONS replaces them), from
    # the 40,000-page benchmark corpus: PostgreSQL's JIT compiled queries it thought costly in
    # hundreds of milliseconds, for queries that run in a few; and with the pages in memory or
    # on SSD a random read costs about a sequential one (random_page_cost 1.1, not the
    # spinning disk's 4), so a search's facets look up their thousand stories by key instead
    # of scanning all 40,000 (656 → 387 ms for a search page on a busy machine).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", os.environ.get("DATABASE_OPTIONS", "-c jit=off -c random_page_cost=1.1")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (and rate limits): Redis when REDIS_URL is set, else files in CACHE_DIR, which every
# process of one machine shares (the demo's server, its scheduler, management commands): a
# publish made by any of them is seen by all on the next request.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "migrantheroes",
            "OPTIONS": {
                # Redis down: the site serves uncached (a cache read is a miss, a write is
                # dropped, each logged) and recovers by itself when Redis is back.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "KEY_PREFIX": "migrantheroes",
        }
    }

AUTH_USER_MODEL = "core.User"
# Admin logins throttled by django-axes first (cms/core/login_throttle.py), then checked.
AUTHENTICATION_BACKENDS = [
    "cms.core.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.core.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Content languages are the campaign's; the site and admin speak them.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Open Graph locales that are not the language's own country (cms.core.locales.og_locale:
# fr is fr_FR, ar is ar_AR, pt would be pt_PT without a line here).
OG_LOCALES = {"en": "en_GB"}
LOCALE_PATHS = [BASE_DIR / "locale"]
# Translations start live (as the alias they replace was) with the source text as fallback;
# a translator's later edits are drafts that go through endorsement before publication.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
# Machine translation in wagtail-localize's editor: DeepL when DEEPL_API_KEY is set (a key
# ending in ":fx" uses DeepL's free API); development settings fall back to the dummy.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
    if os.environ.get("DEEPL_API_KEY")
    else None
)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files, served by whitenoise (no CDN needed).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def object_storages(environ):
    """Media on S3-compatible object storage (django-storages), when a bucket is named.

    Only image renditions are public (`AWS_STORAGE_BUCKET_NAME`, public-read objects, plain
    URLs). Originals (with whatever a photo carries), documents, avatars and nominations'
    photos go to a private bucket (`AWS_PRIVATE_STORAGE_BUCKET_NAME`; without one, the
    `private/` prefix of the same bucket, as private objects) and are reached through signed
    URLs that expire. Credentials: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, or the
    machine's role. Returns the storages to add to STORAGES (none without a bucket).
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {}
    private_bucket = environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
    common = {
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        # Two uploads of "photo.jpg" are two files, as on a disk.
        "file_overwrite": False,
    }
    private = {
        **common,
        "bucket_name": private_bucket or bucket,
        "location": "" if private_bucket else "private",
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
    }
    public = {
        **common,
        "bucket_name": bucket,
        # Blank when the bucket's own policy makes it public (buckets without ACLs).
        "default_acl": environ.get("AWS_PUBLIC_MEDIA_ACL", "public-read") or None,
        "querystring_auth": False,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
    }
    s3 = "storages.backends.s3.S3Storage"
    return {
        "default": {"BACKEND": s3, "OPTIONS": private},
        "private": {"BACKEND": s3, "OPTIONS": private},
        "renditions": {"BACKEND": s3, "OPTIONS": public},
    }


STORAGES.update(object_storages(os.environ))
if "renditions" in STORAGES:
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Email: Django's framework, configured from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MigrantHeroes <noreply@localhost>")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
#: Attempts of one message before it is given up (cms/core/mail.py), with back-off.
MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "6"))

# Personal data is kept no longer than needed (heroes.personal_data, `manage.py apply_retention`):
# days after its decision a declined nomination and its photo are erased; days after a vote
# closed its voters' addresses are dropped; days a sent or failed message stays in the queue.
NOMINATION_RETENTION_DAYS = int(os.environ.get("NOMINATION_RETENTION_DAYS", "90"))
VOTER_EMAIL_RETENTION_DAYS = int(os.environ.get("VOTER_EMAIL_RETENTION_DAYS", "30"))
MAIL_RETENTION_DAYS = int(os.environ.get("MAIL_RETENTION_DAYS", "30"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "#MigrantHeroes"
# One base URL for every absolute link: the Site record (cms/core/sites.py), the API, feeds,
# the sitemap, Open Graph, oEmbed and emails. WAGTAILADMIN_BASE_URL and WAGTAILAPI_BASE_URL
# follow it unless set on their own.
BASE_URL = os.environ.get(
    "BASE_URL", os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
).rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", BASE_URL)
WAGTAILIMAGES_IMAGE_MODEL = "core.CampaignImage"
WAGTAILDOCS_DOCUMENT_MODEL = "core.CampaignDocument"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Recordings (testimonies) in the formats whose hidden data cms.core.media_metadata removes,
# and their captions (WebVTT); served with these types whatever the machine's mimetypes say.
WAGTAILDOCS_CONTENT_TYPES = {**RECORDING_TYPES, CAPTIONS_EXTENSION: CAPTIONS_TYPE}
WAGTAILDOCS_EXTENSIONS += list(WAGTAILDOCS_CONTENT_TYPES)
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Every image is stripped of its metadata when saved (cms.core.image_metadata): the upload
# form refuses what stripping would refuse, a decompression bomb (= its MAX_PIXELS).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Wagtail's database search backend, in each page's language on PostgreSQL (search/backend.py:
# the configuration of a page's locale when indexing, of the searched locale when querying);
# SQLite (the demo) keeps Wagtail's own, without stemming.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {
            "en": "migrantheroes_english",
            "fr": "migrantheroes_french",
            "es": "migrantheroes_spanish",
            "ar": "migrantheroes_arabic",
        },
        "SEARCH_CONFIG": "migrantheroes_simple",
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: it would send an MD5 of every user's email address to a third party on each
# admin page view. Users upload their own picture in their account instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Public nominations: photos and personal data are kept outside MEDIA_ROOT (never served),
# and each client may send so many an hour (counted in the shared cache).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
NOMINATIONS_PER_HOUR = int(os.environ.get("NOMINATIONS_PER_HOUR", "5"))
# Partners' event proposals (heroes.services.event_proposals): so many per client an hour,
# site and API together.
EVENT_PROPOSALS_PER_HOUR = int(os.environ.get("EVENT_PROPOSALS_PER_HOUR", "5"))
# The public vote (heroes.voting): the time zone of the rounds' dates, the ballots one client
# may send an hour (site form and API together), and how long a confirmation link works.
CAMPAIGN_TIME_ZONE = os.environ.get("CAMPAIGN_TIME_ZONE", "Europe/Zurich")
BALLOTS_PER_HOUR = int(os.environ.get("BALLOTS_PER_HOUR", "20"))
BALLOT_LINK_MAX_AGE = int(os.environ.get("BALLOT_LINK_MAX_AGE", str(2 * 24 * 3600)))
# How many proxies of ours stand in front of the app, each appending to X-Forwarded-For:
# a client is counted by the address the outermost one saw (cms.core.clients). 0 = none,
# REMOTE_ADDR counts. RATELIMIT_TRUST_X_FORWARDED_FOR (deprecated) means one proxy.
TRUSTED_PROXY_COUNT = int(
    os.environ.get(
        "TRUSTED_PROXY_COUNT", "1" if env_bool("RATELIMIT_TRUST_X_FORWARDED_FOR") else "0"
    )
)

# Snippets that promote the campaign: editable by MCD, published only through its endorsement.
MCD_ENDORSED_SNIPPETS = ["home.CampaignMaterial"]
# Snippets MCD keeps that each language's translators translate in wagtail-localize's editor
# (cms.core.roles gives their groups "change"; the snippets' admin shows them their language's
# copies only).
TRANSLATED_SNIPPETS = ["heroes.NominationCriteria", "heroes.GoodwillAmbassador"]

# Wagtail's v3 API (cms/api.py mounts it at /api/v3/).
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 50

# CORS: the public site origins may read the API (and only the API) from a browser.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/v3/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag"]

# Content-Security-Policy (django-csp, cms/core/security.py). The public site runs no inline
# script or style; the only inline style is the server error page's, allowed by its hash
# (it cannot count on static files). Frames: the body's embeds from these providers only.
SERVER_ERROR_STYLE_HASH = "'sha256-2v2BT0NrlsKS+2zyKx3XbpJQ7uFHIOs8Xbfxg54+VoY='"
EMBED_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.facebook.com",
    "https://w.soundcloud.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, SERVER_ERROR_STYLE_HASH],
        # Media on another host (object storage, a CDN): CSP_IMAGE_ORIGINS lists its origins.
        "img-src": [SELF, "data:", *env_list("CSP_IMAGE_ORIGINS")],
        # Recordings and captions on another host (the private bucket's signed URLs).
        "media-src": [SELF, *env_list("CSP_MEDIA_ORIGINS")],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Nobody frames the site, except the embed cards (CSP_FRAMEABLE_PATHS).
        "frame-ancestors": [NONE],
    }
}
CSP_FRAMEABLE_PATHS = ["/embed/"]
# Wagtail's admin runs inline scripts and styles (wagtail/wagtail#1288) and frames its own
# previews: its own policy, relaxed for those only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "connect-src": [SELF, "https://releases.wagtail.io"],
        "frame-ancestors": [SELF],
    }
}
# Permissions-Policy of every response: no page uses these.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}

# Public responses (API, pages, feeds) in the shared cache; invalidated on every publish.
PUBLIC_CACHE_TIMEOUT = int(os.environ.get("PUBLIC_CACHE_TIMEOUT", "300"))
PUBLIC_CACHE_MAX_AGE = int(os.environ.get("PUBLIC_CACHE_MAX_AGE", "60"))

# A CDN in front: Wagtail purges the pages it publishes (wagtail.contrib.frontend_cache),
# once the change is committed (cms.core.front_cache).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "cms.core.front_cache.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "cms.core.front_cache.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }

# Background work. Wagtail's own tasks (search index, image hashes) keep django-tasks'
# default, in-process. Webhook deliveries go to their own backend: stored in the database
# and run by `python manage.py db_worker --backend webhooks`, so publishing never waits on a
# partner's endpoint. WEBHOOKS_TASKS_BACKEND=immediate runs them in-process instead.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("WEBHOOKS_TASKS_BACKEND", "database")],
        "QUEUES": ["webhooks"],
    },
    # Outgoing mail (cms/core/mail.py): stored and sent by `python manage.py db_worker
    # --backend mail --queue-name mail`, retried while the mail server is down.
    # MAIL_TASKS_BACKEND=immediate sends in-process (the demo and the tests).
    "mail": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("MAIL_TASKS_BACKEND", "database")],
        "QUEUES": ["mail"],
    },
}

# Headless preview: "Preview on the front end" in the page editor opens HEADLESS_PREVIEW_URL
# with a signed token that reads that page's latest revision, and nothing else, through
# /api/v3/preview/ for HEADLESS_PREVIEW_MAX_AGE seconds (cms/core/preview.py).
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "600"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
