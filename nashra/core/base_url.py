"""NASHRA_BASE_URL is the site's one public address; the default Wagtail Site
follows it (#12).

Canonical links, OpenGraph, JSON-LD, feeds, sitemaps, robots.txt, share links
and the API all build absolute URLs from `Site.root_url`, as Wagtail's own
`full_url` does. Nothing ever set that record, so every URL said
http://localhost/. The default Site is brought in step with the setting after
every `migrate` and when `nashra serve` starts; saving it purges the page
cache, so no cached page keeps the old host. Other Sites (a second paper on
its own hostname) are the editors' to set. docs/decisions/base-url.md
"""

from urllib.parse import urlsplit

from django.core import checks
from django.http.request import split_domain_port

DEFAULT_PORTS = {"http": 80, "https": 443}


def address(base_url):
    """(hostname, port) a Wagtail Site needs to print `base_url`, or a ValueError.

    Wagtail's Site says https only on port 443 and http on any other port, so
    https on another port, or http on 443, cannot be written in one.
    """
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.netloc:
        raise ValueError("it must start with http:// or https:// and name a host")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError("it must be an address only, with no path or query")
    if "@" in parts.netloc:
        raise ValueError("it must not carry a user name or password")
    hostname, _ = split_domain_port(parts.netloc)
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise ValueError("its port is not a number") from error
    if not hostname:
        raise ValueError("its host name is not valid")
    if (parts.scheme == "https") != (port == 443):
        raise ValueError("https must use port 443 and http any port but 443")
    return hostname, port


def sync_default_site(base_url=None, stdout=None):
    """Give the default Site the hostname and port of `base_url` (the setting
    by default); True when it had to change."""
    from django.conf import settings
    from wagtail.models import Site

    hostname, port = address(base_url or settings.BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    # save(), not update(): the page cache and Wagtail's root-path cache
    # listen for it and forget every page printed with the old host.
    site.save(update_fields=["hostname", "port"])
    if stdout is not None:
        stdout.write(f"Default site: {site.root_url} (NASHRA_BASE_URL)")
    return True


def keep_in_step(stdout=None):
    """sync_default_site() once the Site table exists and the setting is valid
    (check_base_url reports an invalid one)."""
    from django.db import connection
    from wagtail.models import Site

    if Site._meta.db_table not in connection.introspection.table_names():
        return False  # not migrated yet, or migrated back past Wagtail
    try:
        return sync_default_site(stdout=stdout)
    except ValueError:
        return False


def after_migrate(sender, using="default", **kwargs):
    from django.db import DEFAULT_DB_ALIAS

    if using == DEFAULT_DB_ALIAS:
        keep_in_step()


@checks.register(checks.Tags.compatibility)
def check_base_url(app_configs, **kwargs):
    from django.conf import settings

    try:
        address(settings.BASE_URL)
    except ValueError as error:
        return [
            checks.Error(
                f"NASHRA_BASE_URL={settings.BASE_URL!r}: {error}. "
                "عنوان الموقع NASHRA_BASE_URL غير صالح: مثاله https://news.example",
                id="nashra.E012",
            )
        ]
    return []
