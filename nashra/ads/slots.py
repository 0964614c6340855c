"""Every configured slot, read in one cached query for all pages (#20).

Built once per version of the "site" group, which any slot edit bumps
(AdSlot.cache_site_wide), so a page costs no query for its ads however many
slots or paragraphs it has. House ad images are resized while building.
"""

from django.utils import timezone

from nashra.ads import placing
from nashra.core import fragments, groups

NAME = "ads:slots"


def _house_image(slot):
    if slot.image is None:
        return None
    # Twice the slot for sharp screens, in WebP: an ad must not weigh on the page.
    spec = f"max-{slot.width * 2}x{slot.height * 2}|format-webp"
    rendition = slot.image.get_rendition(spec)
    return rendition.url


def _build():
    from nashra.ads.models import AdSlot

    through = AdSlot.sections.through
    sections = {}
    for slot_id, section_id in through.objects.values_list(
        "adslot_id", "sectionpage_id"
    ):
        sections.setdefault(slot_id, []).append(section_id)
    return [
        {
            "name": slot.name,
            "placement": slot.placement,
            "position": slot.position,
            "width": slot.width,
            "height": slot.height,
            "kind": slot.kind,
            "code": slot.code,
            "hosts": slot.hosts.split(),
            "sets_cookies": slot.sets_cookies,
            "image": _house_image(slot) if slot.kind == "house" else None,
            "link": slot.link,
            "alt": slot.alt,
            "starts": slot.starts_at,
            "ends": slot.ends_at,
            "sections": sections.get(slot.pk, []),
        }
        for slot in AdSlot.objects.filter(live=True).select_related("image")
    ]


def configured():
    """Every slot that is on, as plain dicts (nashra.ads.placing)."""
    return fragments.cached(NAME, {groups.SITE}, _build)


def seconds_until_change():
    """For the page cache: a cached page lives no longer than the ads it shows."""
    return placing.seconds_until_change(configured(), timezone.now())


def consent_banner(site):
    """Whether ``site`` asks readers' consent (nashra.ads.models.AdsSettings),
    cached like the slots; read only on pages with a slot that needs it."""
    from nashra.ads.models import AdsSettings

    def build():
        found = AdsSettings.objects.filter(site=site).values_list(
            "consent_banner", flat=True
        )
        return bool(found.first())

    return fragments.cached(f"ads:consent:{site.pk}", {groups.SITE}, build)
