"""/favicon.ico is the site's own icon, cached for long (#12).

The threat: every browser tab and feed reader asks for /favicon.ico; a 404
there shows a blank tab and fills the access log.
"""

import io
import re

from PIL import Image

from nashra.images.factories import create_image
from nashra.theme.tests.helpers import NewspaperTestCase


def png_bytes(colour, size=(120, 60)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


class FaviconTests(NewspaperTestCase):
    def icon(self, url="/favicon.ico"):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/x-icon")
        image = Image.open(io.BytesIO(response.content))
        self.assertEqual(image.format, "ICO")
        return response, image

    def linked(self):
        found = re.findall(r'<link rel="icon" href="([^"]+)"', self.html())
        self.assertEqual(len(found), 1)
        return found[0]

    def test_a_real_icon_in_the_sites_colour(self):
        _, image = self.icon()
        self.assertTrue({(16, 16), (32, 32), (48, 48)} <= image.info["sizes"])
        self.assertEqual(image.convert("RGB").getpixel((1, 1)), (0x9B, 0x1C, 0x1C))

    def test_pages_link_a_versioned_icon_cached_for_a_year(self):
        href = self.linked()
        self.assertRegex(href, r"^/favicon\.ico\?v=[0-9a-f]{10}$")
        response, _ = self.icon(href)
        self.assertIn("max-age=31536000", response["Cache-Control"])
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("immutable", response["Cache-Control"])

    def test_the_bare_address_is_cached_for_a_day(self):
        response, _ = self.icon()
        self.assertIn("max-age=86400", response["Cache-Control"])
        self.assertNotIn("immutable", response["Cache-Control"])

    def test_a_new_primary_colour_is_a_new_icon_at_a_new_address(self):
        before = self.linked()
        self.set_options(primary_colour="#0b5d1e")
        after = self.linked()
        self.assertNotEqual(before, after)
        _, image = self.icon(after)
        self.assertEqual(image.convert("RGB").getpixel((1, 1)), (0x0B, 0x5D, 0x1E))

    def test_the_themes_favicon_wins_then_its_logo(self):
        logo = create_image("الشعار", data=png_bytes("#1d4f91"), filename="l.png")
        self.set_options(logo=logo)
        _, image = self.icon(self.linked())
        # The wide logo is centred on a transparent square.
        rgba = image.convert("RGBA")
        self.assertEqual(rgba.getpixel((1, 1))[3], 0)
        self.assertEqual(rgba.getpixel((image.width // 2, image.height // 2))[:3],
                         (0x1D, 0x4F, 0x91))  # fmt: skip
        icon = create_image(
            "أيقونة", data=png_bytes("#6a1b9a", (64, 64)), filename="f.png"
        )
        self.set_options(favicon=icon)
        _, image = self.icon(self.linked())
        self.assertEqual(image.convert("RGB").getpixel((1, 1)), (0x6A, 0x1B, 0x9A))
