"""Give existing front pages the blocks they used to show (#4): the lead
story, the latest news and one block per section in the menu. Pages
without sections keep an empty body, which renders the same default."""

import uuid

from django.db import migrations


def fill_blocks(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    SectionPage = apps.get_model("sections.SectionPage")
    for home in HomePage.objects.all():
        if home.body and len(home.body.raw_data):
            continue
        sections = SectionPage.objects.filter(
            path__startswith=home.path, depth=home.depth + 1, show_in_menus=True
        ).order_by("path")
        if not sections.exists():
            continue
        blocks = [
            {"type": "lead", "value": {"article": None, "section": None}},
            {"type": "latest", "value": {"title": "", "count": 8}},
            *[{"type": "section",
               "value": {"section": s.pk, "count": 4, "layout": "grid"}}
              for s in sections],
        ]  # fmt: skip
        for block in blocks:
            block["id"] = str(uuid.uuid4())
        home.body = blocks
        home.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_front_page_blocks"),
        ("sections", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill_blocks, migrations.RunPython.noop)]
