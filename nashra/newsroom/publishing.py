"""Publishing needs the right to edit the page too (#14).

Wagtail's publish permission covers every page below where it is granted,
whoever wrote them: an author (add + publish) could publish, unpublish or
unschedule a colleague's draft from the bulk actions, the unpublish view or
the admin API, though the editor refuses them the page itself. Here a
publish-type action also needs "change" on the page, or owning it: authors
publish their own articles, editors (change + publish) any in their sections.
Writers (contributors and authors: they may add pages but not change
others') create only page types marked `writers_may_create` (articles), in
the sections their grants cover: never the home page, sections or standing
pages, whether by the create form, a copy or the admin API.
Every Nashra page type takes `NewsroomPermissions` first in its bases, and
Wagtail casts plain `Page` rows to it before asking.
"""

from wagtail.models import PagePermissionTester

from nashra.newsroom import sharing


class NewsroomPermissionTester(PagePermissionTester):
    def _may_publish_this(self):
        if not self.user.is_active:
            return False
        if self.user.is_superuser:
            return True
        return "change" in self.permissions or (
            "add" in self.permissions and self.page.owner_id == self.user.pk
        )

    def can_edit(self):
        if super().can_edit():
            return True
        # A draft shared with a colleague is theirs to work on too (#14).
        return (
            self.user.is_active
            and not self.page_is_root
            and "add" in self.permissions
            and sharing.is_shared(self.page, self.user)
        )

    def can_publish(self):
        return super().can_publish() and self._may_publish_this()

    def can_unpublish(self):
        return super().can_unpublish() and self._may_publish_this()

    def _writer_only(self):
        # Contributors and authors: they may add pages but not change others'.
        return not self.user.is_superuser and "change" not in self.permissions

    def may_create(self, page_class):
        """Whether the user may create a `page_class` page under this one:
        writers make articles, never sections, the home or standing pages."""
        return not self._writer_only() or getattr(
            page_class, "writers_may_create", False
        )

    def can_add_subpage(self):
        if not super().can_add_subpage():
            return False
        return any(
            self.may_create(model) and model.can_create_at(self.page)
            for model in self.page.specific_class.creatable_subpage_models()
        )

    def can_copy_to(self, destination, recursive=False):
        if not super().can_copy_to(destination, recursive):
            return False
        if self.user.is_superuser:
            return True
        there = NewsroomPermissionTester(self.user, destination)
        if not there._writer_only():
            return True
        return there.may_create(self.page.specific_class) and not (
            recursive and self.page.get_children_count()
        )

    def can_reorder_children(self):
        # Reordering moves colleagues' live pages about: an editor's right.
        return super().can_reorder_children() and (
            self.user.is_superuser or "change" in self.permissions
        )


def may_review(page, user):
    """Who approves `page` in the editor review (#14): whoever may edit and
    publish it, which an author's ownership alone never makes them."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    actions = NewsroomPermissionTester(user, page).permissions
    return "change" in actions and "publish" in actions


class NewsroomPermissions:
    """Page mixin: Wagtail asks this tester what a user may do with the page."""

    def permissions_for_user(self, user):
        return NewsroomPermissionTester(user, self)
