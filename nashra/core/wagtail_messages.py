"""Wagtail 8 messages its Arabic catalogue lacks or leaves in English (#12).

LOCALE_PATHS is merged after every app's catalogue, so an entry in Nashra's
catalogue wins over Wagtail's. makemessages (`make messages`, run with
--no-obsolete) keeps only msgids it finds in Nashra's source: this list is
where it finds these. Each is Wagtail's msgid, letter for letter.
"""

from django.utils.translation import gettext_noop

WAGTAIL_MESSAGES = [
    # Keyboard-shortcuts dialog and the rich-text toolbar: left in English.
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    # The autosave banner: «… <span>paused</span>».
    gettext_noop("Autosave is <span>paused</span>"),
    # The checks panel of the page editor: «content checks guide».
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> '
        "for more information on how content metrics are calculated."
    ),
    # The page search's header, where Wagtail passes no model name ("None"):
    # the Arabic leaves it out, so msgfmt must not require it.
    # xgettext:no-python-format
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        # xgettext:no-python-format
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    # Locked pages report: missing.
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    # Workflow and scheduling messages: missing.
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop('You do not have permission to publish pages at "%(page_title)s"'),
    gettext_noop("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s scheduled for publishing"),
    gettext_noop("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s unscheduled from publishing"),
    gettext_noop("- Select an option -"),
]
