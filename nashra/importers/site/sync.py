"""`import-wordpress --site URL`: a live WordPress kept in sync until the switch (#21).

Each run reads the site's REST API, works out what changed since the last
run, writes just that as a WXR export and imports it with the export
importer (run.ImportRun), so a site read live is checked, converted,
written and reported exactly as an exported file is. What changed:

- posts and pages: every id and modified_gmt is listed (light requests);
  whole records are fetched for ids not imported yet and for those modified
  after the last run's newest modified_gmt (the sync state; ids read at
  exactly that second are kept with it, so a later edit in it is not missed);
- comments: every visible comment is listed; a post with a new comment, or
  with an imported comment WordPress no longer shows (held, spam, trashed,
  deleted), is imported again: a comment gone from WordPress is kept here as
  pending, so readers no longer see it and moderators still can;
- a post or page imported before and no longer listed (deleted, trashed,
  unpublished or made private on WordPress) is unpublished here and its old
  WordPress URLs redirect (301) to the section it was in. Without a password
  the API shows published content only, so the four cannot be told apart.

The sync state is two ImportedObject rows per source site (kind "sync"):
the newest modified_gmt with its ids, and a digest of the terms and
authors, so a run that finds nothing changed imports nothing.
Matching is on the WordPress id, as the export importer records it, so a
WXR import followed by --site runs creates no duplicates.
"""

import tempfile
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from nashra.comments.models import Comment

from ..ledger import checksum, source_key
from ..models import ImportedObject
from ..report import Report
from ..run import ImportRun
from . import wxrout
from .client import SiteError, WordPressSite

STATE_KIND = "sync"
STATE_KEY = "rest"
# A digest of the categories, tags and authors the last run read.
TERMS_KEY = "terms"
AUTH_STATUSES = "publish,future,draft,pending,private"
ROUTES = {"post": "posts", "page": "pages"}
BUCKETS = {"post": "posts", "page": "pages"}
# Above this many posts to import, every comment is read rather than theirs.
FEW_POSTS = 200


class SiteSync:
    def __init__(self, url, *, user="", password="", fetch_media=False,
                 allow_internal_hosts=(), authors_as_users=False, dry_run=False,
                 stderr=None, query=None, **run_options):  # fmt: skip
        """``query``: extra REST filters on the posts and pages listed (e.g.
        {"after": "2025-05-20T00:00:00"}), for reading a part of a big site;
        content outside it is neither read nor unpublished."""
        self.site = WordPressSite(url, user, password)
        self.query = dict(query or {})
        self.options = dict(fetch_media=fetch_media,
                            allow_internal_hosts=allow_internal_hosts,
                            authors_as_users=authors_as_users, dry_run=dry_run,
                            stderr=stderr, meta_from_site=True,
                            **run_options)  # fmt: skip
        self.dry_run = dry_run
        self.fetched = 0

    def execute(self):
        """Raises client.SiteError for a site that cannot be read."""
        site = self.site
        index = site.connect()
        home = (index.get("home") or site.url).rstrip("/")
        self.source = source_key(SimpleNamespace(base_blog_url=home,
                                                 base_site_url=index.get("url"), link=home))  # fmt: skip
        state = ImportedObject.objects.filter(
            source=self.source, kind=STATE_KIND, wp_key=STATE_KEY
        ).first()
        mark = state.checksum if state else ""
        # Ids read last time at exactly the mark: one edited later in that
        # same second still has a modified_gmt equal to it.
        self.at_mark = set(state.url.split(",")) if state and state.url else set()
        status = {"status": AUTH_STATUSES} if site.authenticated else {}
        edit = {"context": "edit"} if site.authenticated else {}

        listed, wanted, gone, self.seen = {}, {}, {}, []
        for kind, route in ROUTES.items():
            # Oldest id first: a post published meanwhile joins the last page
            # instead of pushing one from a page already read to the next.
            params = {
                "_fields": "id,modified_gmt,status",
                "orderby": "id",
                "order": "asc",
            }
            rows = site.collection(
                f"/wp/v2/{route}", {**params, **status, **self.query}
            )
            known = self._known(kind)
            missing = {int(k) for k in known if k.isdecimal()} - {
                int(r["id"]) for r in rows
            }
            wanted[kind] = {int(r["id"]) for r in rows
                            if str(r["id"]) not in known or self._changed(r, mark)}  # fmt: skip
            found = []
            if missing:
                # Not listed is not gone yet: outside self.query, or skipped
                # by a listing that shifted. Asked for by id, they answer.
                found = site.by_ids(
                    f"/wp/v2/{route}", sorted(missing), {**params, **status}
                )
                if mark:
                    wanted[kind] |= {int(r["id"]) for r in found
                                     if self._changed(r, mark)}  # fmt: skip
            rows += found
            listed[kind] = {int(r["id"]) for r in rows}
            gone[kind] = missing - listed[kind]
            wanted[kind] |= self._back(known, rows)
            self.seen.extend((r.get("modified_gmt") or "", str(r["id"])) for r in rows)

        query = {"status": "all", **edit} if edit else {}
        shown = site.collection(
            "/wp/v2/comments", {**query, "_fields": "id,post,status"}
        )
        held = self._comment_changes(shown, listed["post"], wanted["post"])
        by_post = self._threads(query, wanted["post"])
        media = self._media(status, edit, mark)
        records = {kind: site.by_ids(f"/wp/v2/{ROUTES[kind]}", sorted(ids), {**status, **edit})
                   for kind, ids in wanted.items() if ids}  # fmt: skip
        self.fetched = sum(len(v) for v in records.values())
        self._returning(records)
        report = self._import(index, media, records, by_post, held)
        if not self.dry_run:
            self._gone(report, gone)
            self._save_state(mark)
        return report

    # -- what changed -----------------------------------------------------
    def _known(self, kind: str) -> dict[str, int]:
        return dict(
            ImportedObject.objects.filter(source=self.source, kind=kind)
            .values_list("wp_key", "object_id")
            .iterator(chunk_size=5000)
        )

    def _changed(self, row, mark: str) -> bool:
        modified = row.get("modified_gmt") or ""
        return modified > mark or (
            modified == mark and str(row["id"]) not in self.at_mark
        )

    def _back(self, known: dict[str, int], rows) -> set[int]:
        """Published there, not live here: unpublished by an earlier run (a
        post restored from the trash may keep its modified_gmt)."""
        public = {known[str(r["id"])]: int(r["id"]) for r in rows
                  if r.get("status", "publish") == "publish" and str(r["id"]) in known}  # fmt: skip
        dark = Page.objects.filter(pk__in=list(public), live=False)
        return {public[pk] for pk in dark.values_list("pk", flat=True)}

    def _threads(self, query, posts) -> dict[int, list]:
        """Whole comments of the posts to import, by post id."""
        if len(posts) > FEW_POSTS:
            comments = self.site.collection("/wp/v2/comments", query)
        else:
            ids = sorted(posts)
            comments = [c for n in range(0, len(ids), 50)
                        for c in self.site.collection("/wp/v2/comments", {
                            **query, "post": ",".join(map(str, ids[n : n + 50]))})]  # fmt: skip
        by_post = defaultdict(list)
        for c in comments:
            c["approved"] = (
                "1" if c.get("status", "approved") in ("approved", "approve") else "0"
            )
            by_post[int(c.get("post") or 0)].append(c)
        return by_post

    def _comment_changes(self, comments, listed_posts, wanted_posts):
        """Adds to wanted_posts the posts whose comments changed; returns the
        imported comments WordPress no longer shows, by post id, as REST-like
        records rebuilt from what was imported."""
        known = self._known("comment")
        shown = {str(c["id"]) for c in comments}
        for c in comments:
            if str(c["id"]) not in known and int(c.get("post") or 0) in listed_posts:
                wanted_posts.add(int(c["post"]))
        missing = {key: pk for key, pk in known.items() if key not in shown}
        held = defaultdict(list)
        if not missing:
            return held
        by_pk = {pk: key for key, pk in missing.items()}
        posts = {pk: int(key) for key, pk in self._known("post").items()}
        comment_keys = {pk: int(key) for key, pk in known.items()}
        # Only comments readers saw here: held ones stay as they are.
        for row in Comment.objects.filter(pk__in=list(by_pk), status="approved"):
            post_id = posts.get(row.article_id)
            if post_id is None or post_id not in listed_posts:
                continue
            wanted_posts.add(post_id)
            held[post_id].append({
                "id": int(by_pk[row.pk]), "author_name": row.name, "author_email": row.email,
                "author_url": row.website, "author_ip": row.ip or "",
                "date_gmt": row.created_at.strftime("%Y-%m-%dT%H:%M:%S"),
                "content": {"raw": row.body},
                "parent": comment_keys.get(row.parent_id, 0) if row.parent_id else 0,
                "approved": "spam" if row.status == "spam" else "0",
            })  # fmt: skip
        return held

    def _media(self, status, edit, mark):
        rows = self.site.collection("/wp/v2/media", {"_fields": "id,modified_gmt"})
        known = self._known("attachment")
        self.seen.extend((r.get("modified_gmt") or "", str(r["id"])) for r in rows)
        ids = sorted(int(r["id"]) for r in rows
                     if str(r["id"]) not in known or self._changed(r, mark))  # fmt: skip
        return self.site.by_ids("/wp/v2/media", ids, edit) if ids else []

    # -- the import -------------------------------------------------------
    def _import(self, index, media, records, by_post, held):
        site = self.site
        try:
            users = site.collection("/wp/v2/users")
        except SiteError:
            # Sites often hide their authors list; posts then have no byline.
            users = []
        categories = site.collection("/wp/v2/categories")
        tags = site.collection("/wp/v2/tags")
        logins = {int(u["id"]): u.get("slug", "") for u in users}
        cat_slugs = {int(t["id"]): t.get("slug", "") for t in categories}
        terms = {int(t["id"]): ("category", t.get("slug", ""), t.get("name", ""))
                 for t in categories}  # fmt: skip
        terms.update({int(t["id"]): ("post_tag", t.get("slug", ""), t.get("name", ""))
                      for t in tags})  # fmt: skip
        # Nothing new and the same terms and authors as last time: nothing
        # to import (the export importer would only count them unchanged).
        digest = checksum(users, categories, tags)
        self.terms_digest = digest
        if not (media or records or held) and digest == self._state(TERMS_KEY):
            return Report()
        parts = [wxrout.author(u) for u in users]
        parts += [wxrout.category(t, cat_slugs) for t in categories]
        parts += [wxrout.tag(t) for t in tags]
        parts += [
            wxrout.item(m, kind="attachment", users=logins, terms={}) for m in media
        ]
        for kind, posts in records.items():
            for post in posts:
                post_id = int(post["id"])
                thread = (
                    [*by_post.get(post_id, ()), *held.get(post_id, ())]
                    if kind == "post"
                    else ()
                )
                parts.append(wxrout.item(post, kind=kind, users=logins, terms=terms,
                                         comments=self._keep_private(thread)))  # fmt: skip
        data = wxrout.export(index, site.url, parts)
        with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as handle:
            handle.write(data)
        path = Path(handle.name)
        try:
            return ImportRun(path, **self.options).execute()
        finally:
            path.unlink(missing_ok=True)

    def _keep_private(self, thread):
        """Public REST hides a commenter's e-mail and IP: keep the ones
        imported before (from an export, or a run with a password)."""
        blanks = [c for c in thread if not c.get("author_email")]
        if not blanks:
            return thread
        known = self._known_subset("comment", [str(c["id"]) for c in blanks])
        rows = {r.pk: r for r in Comment.objects.filter(pk__in=known.values())}
        for c in blanks:
            row = rows.get(known.get(str(c["id"])))
            if row is not None:
                c["author_email"] = c.get("author_email") or row.email
                c["author_ip"] = c.get("author_ip") or row.ip or ""
        return thread

    def _known_subset(self, kind, keys) -> dict[str, int]:
        return dict(
            ImportedObject.objects.filter(
                source=self.source, kind=kind, wp_key__in=keys
            ).values_list("wp_key", "object_id")
        )

    # -- unpublished and returning ----------------------------------------
    def _returning(self, records) -> None:
        """A post unpublished here by an earlier run and public again: its
        old URLs stop pointing at the section, so the import points them back."""
        if self.dry_run:
            return
        for kind, posts in records.items():
            live = {
                str(p["id"]): p
                for p in posts
                if p.get("status", "publish") == "publish"
            }
            known = {
                pk: key for key, pk in self._known_subset(kind, list(live)).items()
            }
            for page in Page.objects.filter(pk__in=list(known), live=False):
                key = known[page.pk]
                link = urlsplit(live[key].get("link", "")).path or "/"
                paths = {Redirect.normalise_path(p)
                         for p in (link, unquote(link), f"/?p={key}", f"/?page_id={key}")}  # fmt: skip
                Redirect.objects.filter(old_path__in=paths,
                                        redirect_page_id=page.get_parent().pk).delete()  # fmt: skip

    def _gone(self, report, missing) -> None:
        for kind, ids in missing.items():
            known = self._known_subset(kind, [str(i) for i in ids])
            gone = {pk: key for key, pk in known.items()}
            for page in Page.objects.filter(pk__in=list(gone), live=True).specific():
                with transaction.atomic():
                    # Its record no longer says what is here: if the post comes
                    # back unchanged, the import publishes it again.
                    ImportedObject.objects.filter(
                        source=self.source, kind=kind, object_id=page.pk
                    ).update(checksum="")
                    own = Redirect.normalise_path(
                        urlsplit(page.get_url() or "").path or "/"
                    )
                    page.unpublish()
                    section = page.get_parent()
                    moved = Redirect.objects.filter(redirect_page=page).update(
                        redirect_page=section
                    )
                    # Its address here was often its WordPress one too: no
                    # redirect was needed then, and one is now.
                    Redirect.objects.get_or_create(
                        old_path=own, site=None,
                        defaults={"redirect_page": section, "is_permanent": True},
                    )  # fmt: skip
                key = gone[page.pk]
                report.problem(key, "unpublished", "no longer public on WordPress: unpublished"
                               f" here, {moved} old URLs redirect to its section")  # fmt: skip
                report.count(BUCKETS[kind], "updated")

    def _state(self, key: str) -> str:
        row = ImportedObject.objects.filter(
            source=self.source, kind=STATE_KIND, wp_key=key
        ).first()
        return row.checksum if row else ""

    def _save_state(self, mark: str) -> None:
        newest = max([mark, *(modified for modified, _ in self.seen)])
        at_mark = ",".join(key for modified, key in self.seen if modified == newest)
        ImportedObject.objects.update_or_create(
            source=self.source, kind=STATE_KIND, wp_key=STATE_KEY,
            defaults={"checksum": newest[:64], "url": at_mark[:500]},
        )  # fmt: skip
        ImportedObject.objects.update_or_create(
            source=self.source, kind=STATE_KIND, wp_key=TERMS_KEY,
            defaults={"checksum": self.terms_digest},
        )  # fmt: skip


def for_command(url, **options) -> SiteSync:
    """The sync the command runs: the application password from settings."""
    return SiteSync(url, user=settings.WORDPRESS_USER,
                    password=settings.WORDPRESS_APP_PASSWORD, **options)  # fmt: skip


def refusal(error) -> str:
    """The Arabic half of a refusal's one line."""
    messages = {
        "not_wordpress": _("This address is not a WordPress site."),
        "needs_password": _(
            "This WordPress site needs an application password"
            " (NASHRA_WP_USER, NASHRA_WP_APP_PASSWORD)."
        ),
        "wrong_password": _("This WordPress site refused the application password."),
    }
    return str(messages.get(error.kind, _("This WordPress site cannot be read now.")))
