"""The five newsroom roles as Django groups with Arabic names (#14).

Each role is a group the chief editor may rename and re-permission in the
admin afterwards; a `Role` row remembers which group plays which role. A
role that already has its row is left alone, so running this again never
undoes an edit; a group that already carries the Arabic name is adopted as
it is. Reversing deletes only the groups made here (with their page and
collection permissions) and forgets the adopted ones.

Permissions are granted as they stood when this was written: a model added
later is not in the chief editor's "everything" until someone ticks it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACCESS = ("wagtailadmin.access_admin",)
PICK_BYLINES = ("articles.view_author", "articles.view_tag")
MODERATE = ("comments.change_comment", "comments.view_comment")
EDIT = (
    *MODERATE,
    *(f"articles.{a}_breaking" for a in ("add", "change", "delete", "view")),
    *(f"articles.{a}_{m}" for m in ("author", "tag") for a in ("add", "change", "view")),
)  # fmt: skip
PAGE_ALL = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
IMAGE_ALL = ("add", "change", "choose", "delete")

# key, Arabic name, model permissions, page actions (on the home page, or
# the root for "all"), collection permissions on the root collection.
ROLES = [
    ("contributor", "كاتب متعاون", (*ACCESS, *PICK_BYLINES), ("add",),
     [("wagtailimages", "image", ("add", "choose"))]),
    ("author", "كاتب", (*ACCESS, *PICK_BYLINES), ("add", "publish"),
     [("wagtailimages", "image", ("add", "choose"))]),
    ("editor", "محرر", (*ACCESS, *EDIT), ("add", "change", "publish", "lock", "unlock"),
     [("wagtailimages", "image", IMAGE_ALL), ("wagtaildocs", "document", IMAGE_ALL)]),
    ("chief-editor", "رئيس التحرير", "all", "all",
     [("wagtailimages", "image", IMAGE_ALL), ("wagtaildocs", "document", IMAGE_ALL),
      ("wagtailcore", "collection", ("add", "change", "delete"))]),
    ("moderator", "مشرف التعليقات", (*ACCESS, *MODERATE), (), []),
]  # fmt: skip
# Editors approve in Wagtail's default workflow beside its moderators.
APPROVERS = ("editor", "chief-editor")
WAGTAIL_MODERATORS = ("Moderators", "المشرفون")


def _create_all_permissions(apps):
    # On a fresh database Django makes permissions only after every migration.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def _permission(Permission, label, codename):
    return Permission.objects.get(content_type__app_label=label, codename=codename)


def add_roles(apps, schema_editor):
    _create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Role = apps.get_model("newsroom", "Role")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    root = Page.objects.filter(depth=1).first()
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site else root
    collection = Collection.objects.filter(depth=1).first()
    made = {}
    for key, name, models, pages, collections in ROLES:
        if Role.objects.filter(key=key, section__isnull=True).exists():
            continue
        group = Group.objects.filter(name=name).first()
        if group is not None:
            Role.objects.create(key=key, group=group, seeded=False)
            continue
        group = made[key] = Group.objects.create(name=name)
        if models == "all":
            group.permissions.set(Permission.objects.all())
        else:
            label_codes = [m.split(".") for m in models]
            group.permissions.set(_permission(Permission, *lc) for lc in label_codes)
        where = root if pages == "all" else home
        for action in PAGE_ALL if pages == "all" else pages:
            if where is not None:
                GroupPagePermission.objects.create(
                    group=group,
                    page=where,
                    permission=_permission(Permission, "wagtailcore", f"{action}_page"),
                )
        for label, model, actions in collections if collection else ():
            for action in actions:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=collection,
                    permission=_permission(Permission, label, f"{action}_{model}"),
                )
        Role.objects.create(key=key, group=group, seeded=True)
    approvers = [made[key] for key in APPROVERS if key in made]
    tasks = GroupApprovalTask.objects.filter(groups__name__in=WAGTAIL_MODERATORS)
    for task in tasks.distinct():
        task.groups.add(*approvers)


def remove_roles(apps, schema_editor):
    Role = apps.get_model("newsroom", "Role")
    Group = apps.get_model("auth", "Group")
    site_wide = Role.objects.filter(section__isnull=True)
    # Their page, collection and workflow grants go with them.
    Group.objects.filter(
        pk__in=site_wide.filter(seeded=True).values("group_id")
    ).delete()
    site_wide.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        # Every app's models as they stand, so "everything" covers them.
        ("articles", "0007_move_breaking_and_views"),
        ("comments", "0001_initial"),
        ("core", "0002_arabic_workflow_and_groups"),
        ("feeds", "0001_initial"),
        ("home", "0004_default_front_page_blocks"),
        ("images", "0002_news_image_verbose_names"),
        ("importers", "0001_initial"),
        ("pages", "0001_initial"),
        ("search", "0007_sqlite_fts_without_prefix_indexes"),
        ("sections", "0001_initial"),
        ("theme", "0004_move_breaking_and_views"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("axes", "0010_accessattemptexpiration"),
        ("sessions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]  # fmt: skip

    operations = [migrations.RunPython(add_roles, remove_roles)]
