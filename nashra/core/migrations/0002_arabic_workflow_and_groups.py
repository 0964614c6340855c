"""Wagtail's default groups, workflow, task and roots get Arabic names (#12).

Wagtail's own migrations create the groups "Editors" and "Moderators", a
workflow and a task both called "Moderators approval" (the task name is the
group names plus " approval", so no catalogue can translate it), the root
page "Root" and the root collection "Root". Those are data, shown on every
submit button («تقديم إلى Moderators approval»), in the explorer and in
every collection list, so only a migration can rename them. A row is
renamed only while it still has Wagtail's English name: a newsroom's own
names are kept. Reversing restores the English names, again only on rows
that still carry the Arabic ones.
"""

from django.db import migrations

APPROVAL = {"Moderators approval": "موافقة المشرفين"}
ROOT = {"Root": "الجذر"}
# (app label, model, name fields, rows concerned, English → Arabic)
RENAMES = [
    ("auth", "Group", ["name"], {}, {"Editors": "المحررون", "Moderators": "المشرفون"}),
    ("wagtailcore", "Workflow", ["name"], {}, APPROVAL),
    ("wagtailcore", "Task", ["name"], {}, APPROVAL),
    ("wagtailcore", "Page", ["title", "draft_title"], {"depth": 1}, ROOT),
    ("wagtailcore", "Collection", ["name"], {"depth": 1}, ROOT),
]  # fmt: skip


def _rename(apps, backwards):
    for app_label, model_name, fields, rows, names in RENAMES:
        model = apps.get_model(app_label, model_name)
        for english, arabic in names.items():
            old, new = (arabic, english) if backwards else (english, arabic)
            first = fields[0]
            # Never two rows with one name: Group.name is unique.
            if model.objects.filter(**{first: new}, **rows).exists():
                continue
            model.objects.filter(**{first: old}, **rows).update(
                **dict.fromkeys(fields, new)
            )


def to_arabic(apps, schema_editor):
    _rename(apps, backwards=False)


def to_english(apps, schema_editor):
    _rename(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_page_url_path_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # The groups, the default workflow, its task and the roots exist here.
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_arabic, to_english)]
