"""Apple Podcasts' categories, as itunes:category writes them (#20).

Apple's list (podcasters.apple.com, "Apple Podcasts categories"): a value is
"Category" or "Category/Subcategory"; the feed nests the subcategory.
"""

from django.utils.translation import gettext_lazy as _

CATEGORIES = [
    ("News", _("News")),
    ("News/Daily News", _("News › Daily News")),
    ("News/Politics", _("News › Politics")),
    ("News/Business News", _("News › Business News")),
    ("News/Sports News", _("News › Sports News")),
    ("News/Tech News", _("News › Tech News")),
    ("News/Entertainment News", _("News › Entertainment News")),
    ("News/News Commentary", _("News › News Commentary")),
    ("Society & Culture", _("Society & Culture")),
    ("Society & Culture/Documentary", _("Society & Culture › Documentary")),
    ("History", _("History")),
    ("Religion & Spirituality", _("Religion & Spirituality")),
    ("Religion & Spirituality/Islam", _("Religion & Spirituality › Islam")),
    ("Business", _("Business")),
    ("Education", _("Education")),
    ("Arts", _("Arts")),
    ("Arts/Books", _("Arts › Books")),
    ("Science", _("Science")),
    ("Technology", _("Technology")),
    ("Health & Fitness", _("Health & Fitness")),
    ("Sports", _("Sports")),
    ("Government", _("Government")),
    ("True Crime", _("True Crime")),
    ("Comedy", _("Comedy")),
    ("Music", _("Music")),
    ("TV & Film", _("TV & Film")),
]


def split(value):
    """("News", "Daily News") for "News/Daily News"; ("News", "") for "News"."""
    top, _slash, sub = value.partition("/")
    return top, sub
