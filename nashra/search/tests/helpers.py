"""A small searchable newspaper with one article in every state (#5)."""

from datetime import timedelta

from django.utils import timezone

from nashra.articles.factories import create_article, paragraph
from nashra.home.models import HomePage
from nashra.sections.factories import create_section


def build_archive():
    home = HomePage.objects.get()
    world = create_section(home, "العالم", "world")
    sport = create_section(home, "الرياضة", "sport")
    football = create_section(sport, "كرة القدم", "football")
    now = timezone.now()
    made = {
        "home": home,
        "world": world,
        "sport": sport,
        "football": football,
        "minister": create_article(
            world,
            "وزيرُ الخارجيّة يزور المدرسة",
            body=[paragraph("قال الوزير إن المدرسة الابتدائية ستفتح أبوابها قريبا.")],
            published_at=now - timedelta(days=2),
        ),
        "old_minister": create_article(
            world,
            "وزير الخارجية في زيارة قديمة",
            body=[paragraph("زيارة وزير الخارجية إلى المدرسة قبل سنوات.")],
            published_at=now - timedelta(days=3000),
        ),
        "match": create_article(
            football,
            "الأهلي يفوز في المباراة النهائية",
            body=[paragraph("فاز الأهلي بهدفين في مباراة كرة القدم.")],
            published_at=now - timedelta(days=1),
        ),
        "draft": create_article(
            world,
            "مسودة سرية عن الوزير",
            body=[paragraph("نص مسودة")],
            publish=False,
        ),
    }
    return made
