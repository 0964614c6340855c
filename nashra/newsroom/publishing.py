"""Publishing needs the right to edit the page too (#14).

Wagtail's publish permission covers every page below where it is granted,
whoever wrote them: an author (add + publish) could publish, unpublish or
unschedule a colleague's draft from the bulk actions, the unpublish view or
the admin API, though the editor refuses them the page itself. Here a
publish-type action also needs "change" on the page, or owning it: authors
publish their own articles, editors (change + publish) any in their sections.
Every Nashra page type takes `NewsroomPermissions` first in its bases, and
Wagtail casts plain `Page` rows to it before asking.
"""

from wagtail.models import PagePermissionTester


class NewsroomPermissionTester(PagePermissionTester):
    def _may_publish_this(self):
        if not self.user.is_active:
            return False
        if self.user.is_superuser:
            return True
        return "change" in self.permissions or (
            "add" in self.permissions and self.page.owner_id == self.user.pk
        )

    def can_publish(self):
        return super().can_publish() and self._may_publish_this()

    def can_unpublish(self):
        return super().can_unpublish() and self._may_publish_this()

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
