"""WordPress exports for the importer's tests, and small WXR builders.

MADINA lives in the repository: every test the importer cannot do without
runs on it. The two real exports the team shares (Theme Unit Test, a Persian
Gutenberg blog) only add cases when the shared folder is there (#12).
"""

import unittest
from pathlib import Path

from nashra.core.tests.shared import shared_path, skip_without_shared

EXPORTS = Path(__file__).resolve().parent / "exports"
MADINA = EXPORTS / "madina.wordpress.xml"
THEME_UNIT = shared_path("fixtures", "wordpress", "themeunittestdata.wordpress.xml")
PARCH = shared_path("fixtures", "wordpress", "parchlinux-blog.wordpress-export.xml")


def needs(path: Path):
    """Skips a test class or function, before any set-up, without the export."""
    return skip_without_shared(*path.relative_to(shared_path()).parts)


def fixture(path: Path) -> Path:
    """The export, or a skip that is safe anywhere (see core.tests.shared)."""
    if not path.exists():
        raise unittest.SkipTest(f"real WordPress export not found at {path}")
    return path


def wxr(items: str = "", *, version: str = "1.2", scheme: str = "http") -> bytes:
    """A minimal export around the given <item> markup."""
    ns = f"{scheme}://wordpress.org/export/{version}/"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0" xmlns:wp="{ns}" xmlns:excerpt="{ns}excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        "<title>نشرة</title><link>https://news.example</link><language>ar</language>\n"
        f"<wp:wxr_version>{version}</wp:wxr_version>\n"
        "<wp:base_site_url>https://news.example</wp:base_site_url>\n"
        "<wp:base_blog_url>https://news.example</wp:base_blog_url>\n"
        f"{items}</channel>\n</rss>\n"
    ).encode()


def item(post_id: int = 1, **fields: str) -> str:
    values = {
        "title": "خبر عاجل",
        "post_type": "post",
        "status": "publish",
        "post_name": "خبر",
        "post_date": "2024-03-01 12:00:00",
        "post_date_gmt": "2024-03-01 09:00:00",
        "content": "<p>نص</p>",
    }
    values.update(fields)
    return (
        f"<item><title>{values['title']}</title>"
        f"<link>https://news.example/?p={post_id}</link>"
        f"<content:encoded><![CDATA[{values['content']}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>{values['post_date']}</wp:post_date>"
        f"<wp:post_date_gmt>{values['post_date_gmt']}</wp:post_date_gmt>"
        f"<wp:post_name>{values['post_name']}</wp:post_name>"
        f"<wp:status>{values['status']}</wp:status>"
        f"<wp:post_type>{values['post_type']}</wp:post_type></item>\n"
    )
