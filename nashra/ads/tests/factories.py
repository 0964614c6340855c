"""Slots of every placement with unmistakable values, for the ads tests (#20)."""

from nashra.ads.models import AdSlot

# The inline script an ad network tag might carry; the loader runs it.
INLINE = "document.currentScript.previousElementSibling.dataset.ran = 'yes';"
NETWORK_CODE = (
    '<div class="ad-test"></div>'
    f"<script>{INLINE}</script>"
    '<script async src="https://ads.example-network.test/tag.js"></script>'
)


def house(name, placement, image, **values):
    values = {"width": 728, "height": 90, **values}
    return AdSlot.objects.create(
        name=name, placement=placement, kind="house", image=image,
        link="https://example.test/عرض", alt="عرض خاص", **values,
    )  # fmt: skip


def network(name, placement, **values):
    values = {"width": 300, "height": 250, **values}
    return AdSlot.objects.create(
        name=name, placement=placement, kind="code", code=NETWORK_CODE,
        hosts="cdn.example-network.test", **values,
    )  # fmt: skip


def every_slot(image):
    """One slot of each placement, house ads and network code mixed."""
    return [
        house("top", "header", image),
        network("under-title", "below_title"),
        house("in-body", "in_body", image, position=1, width=300, height=250),
        network("between", "between_blocks", position=1),
        house("side", "sidebar", image, width=300, height=600),
        house("phone-footer", "sticky_footer", image, width=320, height=50),
    ]
