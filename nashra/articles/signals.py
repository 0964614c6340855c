from wagtail.signals import post_page_move

from nashra.articles.models import ArticlePage


def follow_section_on_move(sender, instance, parent_page_after, **kwargs):
    """An article moved to another section is listed there from now on."""
    ArticlePage.objects.filter(pk=instance.pk).update(section_id=parent_page_after.pk)


def connect():
    post_page_move.connect(
        follow_section_on_move, dispatch_uid="nashra-article-section"
    )
