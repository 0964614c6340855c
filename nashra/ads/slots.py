"""Every configured slot, read in one cached query for all pages (#20).

Built once per version of the "site" group, which any slot edit bumps
(AdSlot.cache_site_wide), so a page costs no query for its ads however many
slots or paragraphs it has. House ad images are resized while building.
"""

from django.utils import timezone

from nashra.ads import placing
from nashra.core import fragments, groups

NAME = "ads:slots"


def _house_image(slot, scale=1):
    if slot.image is None:
        return None
    # In WebP, at the slot's size and twice it for sharp screens: the browser
    # picks one by srcset, so a phone never fetches the desktop's pixels and
    # an ad does not take bandwidth from the page's own lead picture (#12).
    spec = f"max-{slot.width * scale}x{slot.height * scale}|format-webp"
    return slot.image.get_rendition(spec).url


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
            "image_2x": _house_image(slot, 2) if slot.kind == "house" else None,
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
