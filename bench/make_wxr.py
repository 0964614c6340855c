"""Write a synthetic WXR 1.2 export for the import benchmark (#7).

    python bench/make_wxr.py --posts 50000 --out var/bench.xml

Streams to the file item by item, so memory stays flat whatever --posts is.
The Arabic sentences are written for this script.
"""

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

SENTENCES = [
    "افتتحت البلدية صباح اليوم مكتبة عامة جديدة في الحي القديم.",
    "قال المتحدث إن أعمال الصيانة ستنتهي قبل حلول الشتاء.",
    "ارتفعت أسعار الخضار في السوق المركزي بعد موجة الحر الأخيرة.",
    "فاز فريق المدرسة الثانوية ببطولة المنطقة في كرة السلة.",
    "يناقش مجلس المدينة غدا خطة لتوسيع شبكة الحافلات.",
    "أعلنت الجامعة عن منح دراسية لطلاب الهندسة المتفوقين.",
    "شهد المعرض إقبالا كبيرا من العائلات في يومه الأول.",
    "حذرت الأرصاد الجوية من رياح قوية على السواحل الشمالية.",
]
TITLE_WORDS = ["تقرير", "متابعة", "حوار", "تحقيق", "خبر", "رأي", "تحليل", "قراءة"]
CATEGORIES = [("محليات", "local"), ("اقتصاد", "economy"), ("رياضة", "sport"),
              ("ثقافة", "culture"), ("طقس", "weather")]  # fmt: skip
TAGS = [f"وسم-{n}" for n in range(40)]
SITE = "https://news.example"
THANKS = "شكرا على هذا التقرير المفيد."

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>نشرة تجريبية</title>
<link>{site}</link>
<language>ar</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{site}</wp:base_site_url>
<wp:base_blog_url>{site}</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[mohrer]]></wp:author_login><wp:author_email><![CDATA[mohrer@news.example]]></wp:author_email><wp:author_display_name><![CDATA[المحرر]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
"""


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def content(rng: random.Random, attachment_id: int) -> str:
    paragraphs = [
        "<!-- wp:paragraph -->\n<p>"
        + " ".join(rng.sample(SENTENCES, 3))
        + "</p>\n<!-- /wp:paragraph -->"
        for _ in range(rng.randint(3, 7))
    ]
    paragraphs.insert(
        1,
        f'<!-- wp:image {{"id":{attachment_id}}} -->\n<figure class="wp-block-image">'
        f'<img src="{SITE}/wp-content/uploads/{attachment_id}.jpg" alt="صورة" '
        f'class="wp-image-{attachment_id}"/></figure>\n<!-- /wp:image -->',
    )
    paragraphs.insert(
        2,
        "<!-- wp:heading -->\n<h2>"
        + rng.choice(SENTENCES)[:30]
        + "</h2>\n<!-- /wp:heading -->",
    )
    return "\n\n".join(paragraphs)


def comment(n: int, parent: int, when: datetime) -> str:
    return (
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
        f"<wp:comment_author>{cdata('قارئ ' + str(n))}</wp:comment_author>"
        f"<wp:comment_author_email>reader{n}@mail.example</wp:comment_author_email>"
        "<wp:comment_author_url></wp:comment_author_url>"
        "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
        f"<wp:comment_date>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date>"
        f"<wp:comment_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
        f"<wp:comment_content>{cdata(THANKS)}</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id>"
        "</wp:comment>"
    )  # fmt: skip


def item(fields: dict, extra: str = "") -> str:
    return (
        "<item>"
        f"<title>{cdata(fields['title'])}</title><link>{fields['link']}</link>"
        f"<dc:creator>{cdata('mohrer')}</dc:creator>"
        f'<guid isPermaLink="false">{SITE}/?p={fields["id"]}</guid>'
        f"<content:encoded>{cdata(fields.get('content', ''))}</content:encoded>"
        f"<excerpt:encoded>{cdata('')}</excerpt:encoded>"
        f"<wp:post_id>{fields['id']}</wp:post_id>"
        f"<wp:post_date>{fields['local']}</wp:post_date>"
        f"<wp:post_date_gmt>{fields['gmt']}</wp:post_date_gmt>"
        f"<wp:post_name>{cdata(fields['slug'])}</wp:post_name>"
        f"<wp:status>{fields.get('status', 'publish')}</wp:status>"
        f"<wp:post_parent>{fields.get('parent', 0)}</wp:post_parent>"
        "<wp:menu_order>0</wp:menu_order>"
        f"<wp:post_type>{fields['type']}</wp:post_type>"
        "<wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>"
        f"{extra}</item>\n"
    )


def write_export(out, posts: int, seed: int) -> None:
    rng = random.Random(seed)
    out.write(HEAD.format(site=SITE))
    for term_id, (name, slug) in enumerate(CATEGORIES, start=1):
        out.write(
            f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
            f"<wp:category_nicename>{slug}</wp:category_nicename>"
            f"<wp:category_parent></wp:category_parent>"
            f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
        )
    for term_id, tag in enumerate(TAGS, start=100):
        out.write(
            f"<wp:tag><wp:term_id>{term_id}</wp:term_id>"
            f"<wp:tag_slug>{quote(tag).lower()}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(tag)}</wp:tag_name></wp:tag>\n"
        )
    start = datetime(2015, 1, 1, 8, 0)
    comment_id = 1
    for n in range(posts):
        post_id = 2 * n + 1000
        attachment_id = post_id + 1
        when = start + timedelta(hours=3 * n)
        local, gmt = when + timedelta(hours=3), when
        title = f"{rng.choice(TITLE_WORDS)} رقم {n}: {rng.choice(SENTENCES)[:40]}"
        slug = f"{rng.choice(TITLE_WORDS)}-{n}"
        encoded = quote(slug).lower()
        name, cat_slug = rng.choice(CATEGORIES)
        extra = f'<category domain="category" nicename="{cat_slug}">'
        extra += f"{cdata(name)}</category>"
        for tag in rng.sample(TAGS, 3):
            extra += f'<category domain="post_tag" nicename="{quote(tag).lower()}">{cdata(tag)}</category>'
        extra += f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{attachment_id}</wp:meta_value></wp:postmeta>"
        parent = 0
        for _ in range(rng.randint(0, 4)):
            extra += comment(comment_id, parent, when + timedelta(hours=1))
            parent = comment_id if rng.random() < 0.5 else 0
            comment_id += 1
        fields = {
            "id": post_id, "title": title, "slug": encoded, "type": "post",
            "link": f"{SITE}/{when:%Y/%m/%d}/{encoded}/",
            "local": f"{local:%Y-%m-%d %H:%M:%S}", "gmt": f"{gmt:%Y-%m-%d %H:%M:%S}",
            "content": content(rng, attachment_id),
        }  # fmt: skip
        out.write(item(fields, extra))
        url = f"{SITE}/wp-content/uploads/{attachment_id}.jpg"
        attachment = dict(
            fields, id=attachment_id, type="attachment", content="", status="inherit",
            parent=post_id, slug=f"image-{attachment_id}",
            link=f"{SITE}/?attachment_id={attachment_id}",
        )  # fmt: skip
        out.write(item(attachment, f"<wp:attachment_url>{url}</wp:attachment_url>"))
    out.write("</channel>\n</rss>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=Path("var/bench.xml"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        write_export(out, args.posts, args.seed)
    print(f"wrote {args.posts} posts to {args.out}")


if __name__ == "__main__":
    main()
