"""Every post meta key an export may carry, and what the import makes of it (#21).

The report counts each key seen as imported (WordPress data the importer
always read), mapped (Jannah data given a home here, and which) or ignored
(with the reason). A key in none of these lists is ignored as "unknown".
Keys are compared with zero-width characters removed: Jannah's secondary
menu key is `tie_` U+200B `secondary_menu` (../shared/docs/jannah-meta.md §2).
"""

import re
from collections import Counter

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

IMPORTED = {
    "_thumbnail_id": "featured image",
    "_wp_attached_file": "media file path",
    "_wp_attachment_image_alt": "image alternative text",
}

MAPPED = {
    "tie_post_head": "story format",
    "tie_video_url": "video link (YouTube, Vimeo) or an embed block",
    "tie_video_self": "video file (an imported attachment)",
    "tie_embed_code": "embed block (allow-listed iframe hosts)",
    "tie_audio_mp3": "audio file or audio link",
    "tie_audio_m4a": "audio file or audio link",
    "tie_audio_oga": "audio file or audio link",
    "tie_audio_soundcloud": "embed block",
    "tie_audio_embed": "embed block (allow-listed iframe hosts)",
    "tie_post_gallery": "gallery photos",
    "tie_post_slider": "gallery photos (from the tie_slider post)",
    "custom_slider": "gallery photos of the stories using this slider",
    "tie_views": "all-time views behind most read",
    "tie_primary_category": "section",
    "_yoast_wpseo_primary_category": "section (without tie_primary_category)",
    "tie_post_sub_title": "summary (when the excerpt is empty)",
    "tie_highlights_title": "highlights block",
    "tie_highlights_text": "highlights block",
    "tie_source": "sources block",
    "tie_via": "sources block",
    "tie_jump_to_content_tag": "table of contents (built from h2/h3 headings)",
    "tie_trending_post": "lead story flag",
    "tie_disable_all_ads": "show advertisements off",
    "tie_hide_author": "hidden parts: author box",
    "tie_hide_tags": "hidden parts: tags",
    "tie_hide_nav": "hidden parts: previous/next",
    "tie_hide_share_top": "hidden parts: share buttons",
    "tie_hide_share_bottom": "hidden parts: share buttons",
    "tie_hide_related": "hidden parts: related stories",
    "tie_user_rate": "review box: readers' rating",
    "tie_users_num": "review box: readers' rating",
}
for _name in ("position", "style", "title", "total", "summary", "criteria", "score"):
    MAPPED[f"taq_review_{_name}"] = "review box block"
    # Sahifa's names, which Jannah Switcher renames (jannah-meta.md §6).
    MAPPED[f"tie_review_{_name}"] = "review box block (Sahifa key)"

_PRESENTATION = "presentation: every article here follows the site's theme"
_NO_PART = "no such part on a Nashra article"
_AD_CODE = "raw ad code is never run"
IGNORED = {
    "tie_post_custom_title": "one headline here serves the cards and the page; "
    "the post title is kept",
    "tie_post_featured": "the featured image always shows",
    "tie_image_uncropped": _PRESENTATION,
    "tie_image_lightbox": _PRESENTATION,
    "tie_googlemap_url": "no map embeds: they load a third-party host",
    "tie_views_7_days_array": "a stale week of counts; most read starts from "
    "the all-time total",
    "tie_views_7_days": "recomputed here from daily counts",
    "tie_views_7_days_last_date": "recomputed here from daily counts",
    "tie_hide_meta": "the byline always shows",
    "tie_hide_categories": "the section label always shows",
    "tie_hide_newsletter": _NO_PART,
    "tie_hide_inline_related_posts": _NO_PART,
    "tie_hide_read_next": _NO_PART,
    "tie_hide_check_also": _NO_PART,
    "tie_hide_share": "Sahifa key, replaced by tie_hide_share_top/bottom",
    "tie_hide_above": "the ads app has no per-article slot switches",
    "tie_hide_below": "the ads app has no per-article slot switches",
    "tie_hide_above_content": "the ads app has no per-article slot switches",
    "tie_hide_below_content": "the ads app has no per-article slot switches",
    "tie_hide_after_post_title": "the ads app has no per-article slot switches",
    "tie_banner_above": _AD_CODE,
    "tie_banner_below": _AD_CODE,
    "taq_review_structured_data": "the review is marked up as a plain Review",
    "jannah_demo_data": "demo content marker: its view counts are skipped",
    "foxpush_campaigns_data": "web-push history of the old site",
    "disable_autoload_posts": _NO_PART,
    "tie_extra_resources": "Jannah Optimization's cache",
    "tie_builder_active": "page builder: rebuild home pages by hand",
    "tie_page_builder": "page builder: rebuild home pages by hand",
    "tie_menu": "menus come from the theme options",
    "tie_secondary_menu": "menus come from the theme options",
    "tie_post_layout": _PRESENTATION,
    "tie_theme_layout": _PRESENTATION,
    "tie_sidebar_pos": _PRESENTATION,
    "tie_sidebar_post": _PRESENTATION,
    "tie_sticky_sidebar": _PRESENTATION,
    "tie_featured_use_fea": _PRESENTATION,
    "tie_featured_custom_bg": _PRESENTATION,
    "tie_featured_bg_color": _PRESENTATION,
    "tie_header_extend_bg": _PRESENTATION,
    "tie_custom_css": "per-post CSS is not allowed (strict CSP)",
    "post_color": _PRESENTATION,
    "custom_logo": _PRESENTATION,
}
# (prefix, reason): families of keys.
IGNORED_PREFIXES = (
    ("tie_get_banner_", _AD_CODE),
    ("taq_review_structured_data_", "the review is marked up as a plain Review"),
    ("tie_megamenu_", "menu item styling"),
    ("tie_blog_", "page template settings"),
    ("tie_hide_", "page-only switch"),
    ("tie_builder_", "page builder: rebuild home pages by hand"),
    ("tie_do_not_", "page builder: rebuild home pages by hand"),
    ("tie_posts_num", "page template settings"),
    ("tie_authors", "page template settings"),
    ("background_", _PRESENTATION),
    ("logo", _PRESENTATION),
    ("mobile_logo", _PRESENTATION),
    ("_menu_item_", "menus are not imported"),
    ("_oembed_", "WordPress's embed cache"),
    ("_wp_trash_meta_", "WordPress bookkeeping"),
    ("_yoast_wpseo_", "SEO plugin data"),
)
WORDPRESS = frozenset({
    "_edit_last", "_edit_lock", "_wp_page_template", "_wp_old_slug", "_wp_old_date",
    "_pingme", "_encloseme", "_wp_desired_post_slug", "_wp_attachment_metadata",
    "_wp_attachment_backup_sizes", "_wp_attachment_context", "_customize_changeset_uuid", "_wp_suggested_privacy_policy_content",
    "_wp_trash_meta_status", "_wp_trash_meta_time",
})  # fmt: skip


def clean_key(key):
    """The key without zero-width characters or surrounding space."""
    return ZERO_WIDTH.sub("", key or "").strip()


def classify(key):
    """(outcome, into or reason) for one cleaned key."""
    if key in IMPORTED:
        return "imported", IMPORTED[key]
    if key in MAPPED:
        return "mapped", MAPPED[key]
    if key in IGNORED:
        return "ignored", IGNORED[key]
    if key in WORDPRESS:
        return "ignored", "WordPress bookkeeping"
    for prefix, reason in IGNORED_PREFIXES:
        if key.startswith(prefix):
            return "ignored", reason
    return "ignored", "unknown"


class MetaTally:
    """How often each key was seen in the export; reported at the end."""

    def __init__(self):
        self.seen: Counter = Counter()

    def add(self, postmeta) -> None:
        for key in postmeta:
            self.seen[clean_key(key)[:120]] += 1

    def rows(self) -> list[dict]:
        rows = []
        for key, count in sorted(self.seen.items()):
            outcome, why = classify(key)
            detail = "reason" if outcome == "ignored" else "into"
            rows.append({"key": key, "outcome": outcome, detail: why, "count": count})
        return rows

    def totals(self) -> dict:
        found = Counter()
        for row in self.rows():
            found[row["outcome"]] += row["count"]
        return {o: found[o] for o in ("imported", "mapped", "ignored")}

    def lines(self) -> list[str]:
        if not self.seen:
            return []
        totals = self.totals()
        lines = ["post meta: " + ", ".join(f"{n} {o}" for o, n in totals.items())]
        for row in self.rows():
            why = row.get("into") or row.get("reason")
            lines.append(f"  {row['key']}: {row['count']} {row['outcome']} ({why})")
        return lines
