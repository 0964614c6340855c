"""Jannah's own per-post data, given its home in the article (#21).

posts.fill() calls apply() for every post, on both write paths (one by one
and in bulk), so the article a post becomes carries: its story format and
lead media, its gallery (tie_post_gallery, or the tie_slider post it names),
the views behind most read, highlights, sources and a review box as body
blocks, the ads switch, the parts it hides, and its summary from the
subtitle. Which key lands where: jannah_keys.py and docs/importing.md.

Values come from the source site: attachment, term and slider ids are mapped
through the same export. A value that cannot be read is reported, never
fatal to its post.
"""

import html
from urllib.parse import urlsplit

from nashra.articles.models import ArticlePage, GalleryPhoto, StoryFormat
from nashra.text.phpvalues import PHPValueError, as_list, unserialize
from nashra.text.reading import plain_text

from .jannah_keys import classify, clean_key
from .jannah_media import attachment_document, embed_url, is_video_host
from .wxr import Item, read_export

FORMATS = {
    "video": StoryFormat.VIDEO,
    "audio": StoryFormat.AUDIO,
    "soundcloud": StoryFormat.AUDIO,
    "slider": StoryFormat.GALLERY,
}
# tie_hide_* switch → the article part it hides here (hidden_parts).
HIDDEN = {
    "tie_hide_author": "author_box",
    "tie_hide_tags": "tags",
    "tie_hide_share_top": "share",
    "tie_hide_share_bottom": "share",
    "tie_hide_nav": "neighbours",
    "tie_hide_related": "related",
}
REVIEW_STYLES = {"stars", "percentage", "points"}
SUMMARY_MAX = 600


def meta_of(item) -> dict[str, str]:
    """The post's meta by cleaned key (U+200B and friends removed)."""
    return {clean_key(key): value for key, value in item.postmeta.items()}


def section_nicenames(run, item) -> list[str]:
    """Category nicenames to try for the section, in order: Jannah's primary
    category, Yoast's, then the post's own categories."""
    meta = meta_of(item)
    by_term = _state(run).term_nicenames()
    first = []
    for key in ("tie_primary_category", "_yoast_wpseo_primary_category"):
        value = meta.get(key, "").strip()
        if value.isdecimal() and int(value) in by_term:
            first.append(by_term[int(value)])
            break
    return [*first, *item.terms("category")]


def keeps_theme_data(run, page, item) -> bool:
    """True for an imported article read again through the REST API, which
    shows no theme meta: what the export brought is kept, not erased."""
    if not run.meta_from_site or page.pk is None:
        return False
    return not any(classify(key)[0] == "mapped" for key in meta_of(item))


def apply(run, page, item, body: list[dict]) -> list[dict]:
    """Fill the article's Jannah fields; returns the body with its blocks."""
    if keeps_theme_data(run, page, item):
        return _with_kept_blocks(page, body)
    meta = meta_of(item)
    top, bottom = [], []
    reader = _Reader(run, item)
    _format(run, page, item, meta, reader, top)
    _texts(page, meta, reader, top, bottom)
    review = review_block(meta, reader)
    if review is not None:
        target = top if meta.get("taq_review_position") == "top" else bottom
        target.append({"type": "review", "value": review})
    _flags(run, page, item, meta)
    return [*top, *body, *bottom]


# Blocks apply() adds around the converted content, kept on a REST update.
TOP_BLOCKS = ("highlights", "review")
BOTTOM_BLOCKS = ("sources", "review")


def _with_kept_blocks(page, body: list[dict]) -> list[dict]:
    old = ArticlePage.objects.filter(pk=page.pk).values_list("body", flat=True).first()
    blocks = [dict(block) for block in old.raw_data] if old else []
    top = []
    for block in blocks:
        media_embed = (block.get("type") == "embed" and not top
                       and page.format in (StoryFormat.VIDEO, StoryFormat.AUDIO)
                       and not (page.video_url or page.video_file_id
                                or page.audio_url or page.audio_file_id))  # fmt: skip
        if block.get("type") not in TOP_BLOCKS and not media_embed:
            break
        top.append(block)
    bottom = []
    for block in reversed(blocks[len(top) :]):
        if block.get("type") not in BOTTOM_BLOCKS:
            break
        bottom.insert(0, block)
    return [*top, *body, *bottom]


class _Reader:
    """Serialized values of one post, faults reported against it."""

    def __init__(self, run, item):
        self.run, self.item = run, item

    def array(self, key: str, value: str) -> list:
        if not value.strip():
            return []
        try:
            found = unserialize(value)
        except PHPValueError as error:
            self.run.report.problem(self.item.wp_id, "meta",
                                    f"{key}: unreadable value ({error})"[:300])  # fmt: skip
            return []
        return as_list(found)

    def note(self, reason: str) -> None:
        self.run.report.problem(self.item.wp_id, "meta", reason[:300])


def _format(run, page, item, meta, reader, top) -> None:
    head = meta.get("tie_post_head", "").strip()
    wanted = FORMATS.get(head, StoryFormat.STANDARD)
    page.format = StoryFormat.STANDARD
    page.video_url = page.audio_url = ""
    page.video_file_id = page.audio_file_id = None
    photos = []
    if wanted == StoryFormat.VIDEO:
        found = _video(run, page, meta, reader, top)
    elif wanted == StoryFormat.AUDIO:
        found = _audio(run, page, meta, reader, top)
    elif wanted == StoryFormat.GALLERY:
        photos = _gallery(run, meta, reader)
        found = bool(photos)
    else:
        found = True
    if found:
        page.format = wanted
    else:
        reader.note(f"{head} story without usable media: kept as a standard story")
    page.gallery_photos = photos


def _video(run, page, meta, reader, top) -> bool:
    url = meta.get("tie_video_url", "").strip()
    if url:
        if is_video_host(url) and len(url) <= 200:
            page.video_url = url
            return True
        if embed_url(url, any_host=True):
            top.append({"type": "embed", "value": {"url": url, "caption": ""}})
            reader.note(f"video from {_host(url)} kept as an embed link")
            return True
    own = meta.get("tie_video_self", "").strip()
    if own:
        document = attachment_document(run, own)
        if document:
            page.video_file_id = document
            return True
        if _web_address(own):
            # Played from where it is; --fetch-media copies attachments only.
            page.video_url = own
            reader.note(f"self-hosted video kept at its address: {own}")
            return True
        reader.note(f"self-hosted video not among the imported attachments: {own}")
    return _embed(meta.get("tie_embed_code", ""), "tie_embed_code", reader, top)


def _audio(run, page, meta, reader, top) -> bool:
    cloud = meta.get("tie_audio_soundcloud", "").strip()
    if cloud and embed_url(cloud):
        top.append({"type": "embed", "value": {"url": cloud, "caption": ""}})
        return True
    for key in ("tie_audio_mp3", "tie_audio_m4a", "tie_audio_oga"):
        url = meta.get(key, "").strip()
        if not url:
            continue
        document = attachment_document(run, url)
        if document:
            page.audio_file_id = document
            return True
        if _web_address(url):
            page.audio_url = url
            return True
    return _embed(meta.get("tie_audio_embed", ""), "tie_audio_embed", reader, top)


def _embed(code: str, key: str, reader, top) -> bool:
    """An embed code as a link card, if its iframe's host is allow-listed."""
    if not code.strip():
        return False
    url = embed_url(html.unescape(code))
    if url is None:
        reader.note(f"{key}: not imported (no iframe from an allowed host)")
        return False
    top.append({"type": "embed", "value": {"url": url, "caption": ""}})
    return True


def _web_address(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and len(url) <= 200


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "?")[:80]


def _gallery(run, meta, reader) -> list[GalleryPhoto]:
    slider = meta.get("tie_post_slider", "").strip()
    entries = []
    if slider.isdecimal():
        entries = _state(run).slider(int(slider), reader)
        if entries is None:
            reader.note(f"slider {slider} not in the export")
            entries = []
    if not entries:
        entries = reader.array("tie_post_gallery", meta.get("tie_post_gallery", ""))
    photos = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        wp_id = str(entry.get("id", "")).strip()
        image = run.images.by_id(int(wp_id)) if wp_id.isdecimal() else None
        if image is None:
            reader.note(f"gallery image {wp_id[:20]} not imported")
            continue
        caption = _text(entry.get("caption") or entry.get("title"))
        photos.append(GalleryPhoto(image_id=image, caption=caption[:500],
                                   sort_order=len(photos)))  # fmt: skip
    return photos


def _text(value) -> str:
    return html.unescape(plain_text(str(value or ""))).strip()


def _texts(page, meta, reader, top, bottom) -> None:
    subtitle = _text(meta.get("tie_post_sub_title"))
    if subtitle and not page.summary:
        page.summary = subtitle[:SUMMARY_MAX]
    points = [_text(p) for p in reader.array("tie_highlights_text",
                                             meta.get("tie_highlights_text", ""))]  # fmt: skip
    points = [p[:500] for p in points if p]
    if points:
        title = _text(meta.get("tie_highlights_title"))[:120]
        top.insert(0, {"type": "highlights", "value": {"title": title,
                                                       "points": points}})  # fmt: skip
    links = {}
    for key in ("tie_source", "tie_via"):
        links[key] = _links(reader.array(key, meta.get(key, "")))
    if links["tie_source"] or links["tie_via"]:
        bottom.append({"type": "sources", "value": {
            "sources": links["tie_source"], "via": links["tie_via"]}})  # fmt: skip
    level = meta.get("tie_jump_to_content_tag", "").strip().lower()
    if level in ("h4", "h5", "h6"):
        reader.note(f"table of contents from {level}: the contents list here "
                    "shows h2 and h3 headings")  # fmt: skip


def _links(entries) -> list[dict]:
    found = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        text = _text(entry.get("text"))[:200]
        url = str(entry.get("url") or "").strip()
        if urlsplit(url).scheme not in ("http", "https"):
            url = ""
        if text or url:
            found.append({"text": text or url[:200], "url": url[:500]})
    return found


def _review_value(meta, name):
    return meta.get(f"taq_review_{name}") or meta.get(f"tie_review_{name}") or ""


def review_block(meta, reader) -> dict | None:
    """Taqyeem's review box as a review block value, or None."""
    position = _review_value(meta, "position").strip()
    if not position:
        return None
    criteria = []
    raw = _review_value(meta, "criteria")
    for entry in reader.array("taq_review_criteria", raw):
        if isinstance(entry, dict) and _text(entry.get("name")):
            criteria.append({"name": _text(entry.get("name"))[:120],
                             "score": _score(entry.get("score"))})  # fmt: skip
    score = _review_value(meta, "score").strip()
    if score:
        total = _score(score)
    elif criteria:
        total = round(sum(c["score"] for c in criteria) / len(criteria))
    else:
        total = 0
    style = _review_value(meta, "style").strip()
    rate, voters = meta.get("tie_user_rate", ""), meta.get("tie_users_num", "")
    readers = 0.0
    if voters.strip().isdecimal() and int(voters) > 0:
        try:
            readers = round(min(max(float(rate) / int(voters), 0), 5), 1)
        except ValueError:
            readers = 0.0
    return {
        "title": _text(_review_value(meta, "title"))[:200],
        "style": style if style in REVIEW_STYLES else "percentage",
        "criteria": criteria,
        "score": total,
        "verdict": _text(_review_value(meta, "total"))[:120],
        "summary": _text(_review_value(meta, "summary")),
        "readers_rating": readers,
        "readers_count": int(voters) if readers else 0,
    }


def _score(value) -> int:
    try:
        return min(max(round(float(str(value).strip() or 0)), 0), 100)
    except ValueError:
        return 0


def _flags(run, page, item, meta) -> None:
    if meta.get("tie_disable_all_ads", "").strip() == "true":
        page.show_ads = False
    if meta.get("tie_trending_post", "").strip() == "true":
        # Jannah's "trending" badge marks the stories a desk pushes: here
        # that is the lead-story candidate flag, as WordPress's sticky is.
        page.featured = True
    hidden = []
    for key, part in HIDDEN.items():
        if meta.get(key, "").strip() == "yes" and part not in hidden:
            hidden.append(part)
    page.hidden_parts = hidden
    views = meta.get("tie_views", "").strip()
    demo = "jannah_demo_data" in meta
    page.imported_views = int(views) if views.isdecimal() and not demo else 0
    if page.imported_views > 2**31 - 1:
        page.imported_views = 0


class _State:
    """What the run's posts share: term ids and the export's sliders."""

    def __init__(self, run):
        self.run = run
        self._terms = None
        self._sliders = None

    def term_nicenames(self) -> dict[int, str]:
        if self._terms is None:
            self._terms = {
                c.term_id: nicename
                for nicename, c in getattr(self.run, "categories", {}).items()
                if c.term_id is not None
            }
        return self._terms

    def slider(self, wp_id: int, reader) -> list | None:
        """The slider's items, read from the export on the first need: a
        tie_slider post may come after the stories that use it."""
        if self._sliders is None:
            self._sliders = {}
            export = getattr(self.run, "export", None)
            for record in read_export(export) if export else ():
                if isinstance(record, Item) and record.post_type == "tie_slider":
                    self._sliders[record.wp_id] = meta_of(record).get(
                        "custom_slider", ""
                    )
        if wp_id not in self._sliders:
            return None
        return reader.array("custom_slider", self._sliders[wp_id])


def _state(run) -> _State:
    state = getattr(run, "_jannah", None)
    if state is None:
        state = run._jannah = _State(run)
    return state
