"""A small export of a Jannah site, written from ../shared/docs/jannah-meta.md (#21).

No public export of a Jannah site exists, so this one is built from the
documented keys: every family of them, serialized arrays counted from 0 and
from 1, values with and without CDATA (older WordPress wrote none), the
secondary-menu key with its zero-width space, and a value cut short.
"""

import tempfile
from pathlib import Path

from nashra.images.factories import jpeg_bytes

from .fixtures import item, wxr

ZWSP = "\u200b"


def php(value) -> str:
    """PHP's serialize() of str, int, list (keys from 0) or dict."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, str):
        return f's:{len(value.encode())}:"{value}";'
    pairs = value.items() if isinstance(value, dict) else enumerate(value)
    body = "".join(php(k) + php(v) for k, v in pairs)
    return f"a:{len(value)}:{{{body}}}"


def meta(key: str, value: str, cdata: bool = True) -> str:
    if cdata:
        return (f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key>"
                f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>")  # fmt: skip
    return (f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
            f"<wp:meta_value>{value}</wp:meta_value></wp:postmeta>")  # fmt: skip


def post(wp_id: int, categories=(), metas=(), **fields) -> str:
    markup = item(wp_id, post_name=f"story-{wp_id}", **fields)
    cats = "".join(
        f'<category domain="category" nicename="{n}"><![CDATA[{n}]]></category>'
        for n in categories
    )
    return markup.replace("</item>", cats + "".join(metas) + "</item>")


def category(term_id: int, nicename: str, name: str) -> str:
    return (f"<wp:category><wp:term_id>{term_id}</wp:term_id><wp:category_nicename>"
            f"{nicename}</wp:category_nicename><wp:category_parent></wp:category_parent>"
            f"<wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n")  # fmt: skip


def attachment(wp_id: int, path: str) -> str:
    return (
        f"<item><title>ملف {wp_id}</title><link>https://news.example/?p={wp_id}</link>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:status>inherit</wp:status>"
        "<wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>https://news.example/wp-content/uploads/{path}"
        "</wp:attachment_url>" + meta("_wp_attached_file", path) + "</item>\n"
    )


def slider(wp_id: int, entries) -> str:
    return (
        f"<item><title>سلايدر</title><link>https://news.example/?p={wp_id}</link>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:status>publish</wp:status>"
        "<wp:post_type>tie_slider</wp:post_type>"
        + meta("custom_slider", php(entries)) + "</item>\n"
    )  # fmt: skip


PHOTOS = {101: "2024/03/souq.jpg", 102: "2024/03/bahr.jpg", 103: "2024/03/jabal.jpg"}
MEDIA = {104: "2024/03/clip.mp4", 105: "2024/03/nashra.mp3"}
HIGHLIGHTS = ["ارتفاع الأسعار", "قرار البنك المركزي"]


def uploads_folder() -> Path:
    """The export's uploads: three photos, a video and an audio file."""
    root = Path(tempfile.mkdtemp())
    for path in PHOTOS.values():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(jpeg_bytes())
    for path in MEDIA.values():
        (root / path).write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    return root


def posts() -> list[str]:
    video = post(1, ("sport", "economy"), [
        meta("tie_post_head", "video"),
        meta("tie_video_url", "https://www.youtube.com/watch?v=abc123"),
        meta("tie_primary_category", "7"),
        meta("tie_views", "1532"),
        meta("tie_hide_author", "yes"),
        meta("tie_hide_related", "yes"),
        meta("tie_hide_share_top", "yes"),
        meta("tie_hide_tags", "no"),
        meta("tie_disable_all_ads", "true"),
        meta("tie_hide_above", "true"),
        meta("tie_get_banner_above", "<script>alert(1)</script>"),
        meta("tie_post_layout", "4"),
        meta("_edit_last", "1"),
    ], title="هدف الموسم")  # fmt: skip
    gallery_one_based = php({1: {"id": "101"}, 2: {"id": "102"}})
    gallery = post(2, ("sport", "economy"), [
        meta("tie_post_head", "slider", cdata=False),
        meta("tie_post_gallery", gallery_one_based.replace('"', "&quot;"), cdata=False),
        meta("tie_post_sub_title", "صور من الملعب", cdata=False),
        meta("_yoast_wpseo_primary_category", "7", cdata=False),
        meta("tie_views", "87", cdata=False),
    ], title="صور المباراة")  # fmt: skip
    from_slider = post(3, ("sport",), [
        meta("tie_post_head", "slider"),
        meta("tie_post_slider", "300"),
        meta("tie_views", "20"),
    ], title="ألبوم")  # fmt: skip
    audio = post(4, ("economy",), [
        meta("tie_post_head", "audio"),
        meta("tie_audio_mp3", "https://cdn.example.net/podcast/ep1.mp3"),
        meta("tie_highlights_title", "أبرز النقاط"),
        meta("tie_highlights_text", php(HIGHLIGHTS)),
        meta("tie_source", php({1: {"text": "رويترز", "url": "https://reuters.example/a"}})),
        meta("tie_via", php([{"text": "وكالة الأنباء", "url": "javascript:alert(1)"}])),
        meta("tie_jump_to_content_tag", "h2"),
    ], title="نشرة صوتية")  # fmt: skip
    criteria = php({1: {"name": "الأداء", "score": "90"},
                    2: {"name": "السعر", "score": "70"}})  # fmt: skip
    review = post(5, ("economy",), [
        meta("taq_review_position", "bottom"),
        meta("taq_review_style", "points"),
        meta("taq_review_title", "تقييم الهاتف"),
        meta("taq_review_total", "ممتاز"),
        meta("taq_review_summary", "هاتف جيد &amp; سعره معقول"),
        meta("taq_review_criteria", criteria),
        meta("taq_review_score", "80"),
        meta("tie_user_rate", "18"),
        meta("tie_users_num", "4"),
        meta(f"tie_{ZWSP}secondary_menu", "12"),
        meta("my_plugin_key", "x"),
        meta("tie_highlights_text", 'a:2:{i:0;s:40:"قصير";}'),
    ], title="مراجعة هاتف")  # fmt: skip
    demo = post(6, ("sport",), [
        meta("jannah_demo_data", "6"),
        meta("tie_views", "5000"),
    ], title="خبر تجريبي")  # fmt: skip
    embeds = post(7, ("sport",), [
        meta("tie_post_head", "video"),
        meta("tie_embed_code", '&lt;iframe src="https://www.youtube-nocookie.com/'
                               'embed/xyz" width="560"&gt;&lt;/iframe&gt;'),
    ], title="فيديو مضمن")  # fmt: skip
    hostile = post(8, ("sport",), [
        meta("tie_post_head", "video"),
        meta("tie_embed_code", '<iframe src="https://evil.example/x"></iframe>'),
        meta("tie_trending_post", "true"),
    ], title="رائج")  # fmt: skip
    self_hosted = post(9, ("sport",), [
        meta("tie_post_head", "video"),
        meta("tie_video_self", "https://news.example/wp-content/uploads/2024/03/clip.mp4"),
        meta("tie_post_custom_title", "عنوان آخر"),
    ], title="فيديو محلي")  # fmt: skip
    elsewhere = post(10, ("sport",), [
        meta("tie_post_head", "video"),
        meta("tie_video_self", "https://cdn.news.example/clips/goal.mp4"),
    ], title="فيديو على خادم آخر")  # fmt: skip
    unsafe = post(11, ("sport",), [
        meta("tie_post_head", "video"),
        meta("tie_video_self", "javascript:alert(1)"),
    ], title="فيديو بعنوان غريب")  # fmt: skip
    return [video, gallery, from_slider, audio, review, demo, embeds, hostile,
            self_hosted, elsewhere, unsafe]  # fmt: skip


def export() -> bytes:
    entries = [attachment(k, v) for k, v in {**PHOTOS, **MEDIA}.items()]
    sliding = [{"id": "103", "caption": "قمة الجبل"}, {"id": "101", "title": "السوق"}]
    parts = [
        category(5, "sport", "رياضة"),
        category(7, "economy", "اقتصاد"),
        *entries,
        *posts(),
        # After the story that uses it: the import must still find it.
        slider(300, sliding),
    ]
    return wxr("".join(parts))
