"""«مراجعة المحرر» (editor review) becomes the site's default workflow (#14).

A workflow of one editor-review task, assigned to the root page so it
covers every section: a contributor's "submit" goes to it. Wagtail's own
default («موافقة المشرفين», renamed by core 0002) is replaced only while it
is still the root's workflow; a workflow the newsroom chose is kept, and the
old one stays for whoever wants it. The chief editor, who has every
permission, gets the new task type's too. Reversing puts Wagtail's back and
removes the review workflow and its task.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NAME = "مراجعة المحرر"
WAGTAIL_DEFAULT = ("موافقة المشرفين", "Moderators approval")


def _task_permissions(apps):
    # On a fresh database Django makes permissions only after every migration.
    config = apps.get_app_config("newsroom")
    models_module = getattr(config, "models_module", None)
    config.models_module = models_module or True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="newsroom", content_type__model="editorreviewtask"
    )


def add_review(apps, schema_editor):
    Role = apps.get_model("newsroom", "Role")
    chief = Role.objects.filter(key="chief-editor", section__isnull=True).first()
    if chief is not None:
        chief.group.permissions.add(*_task_permissions(apps))
    ContentType = apps.get_model("contenttypes", "ContentType")
    EditorReviewTask = apps.get_model("newsroom", "EditorReviewTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    if Workflow.objects.filter(name=NAME).exists():
        return
    kind, _ = ContentType.objects.get_or_create(
        app_label="newsroom", model="editorreviewtask"
    )
    task = EditorReviewTask.objects.create(name=NAME, content_type=kind, active=True)
    workflow = Workflow.objects.create(name=NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    assigned = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if assigned is None:
        WorkflowPage.objects.create(page=root, workflow=workflow)
    elif assigned.workflow.name in WAGTAIL_DEFAULT:
        assigned.workflow = workflow
        assigned.save()


def remove_review(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    EditorReviewTask = apps.get_model("newsroom", "EditorReviewTask")
    Page = apps.get_model("wagtailcore", "Page")
    review = Workflow.objects.filter(name=NAME).first()
    if review is None:
        return
    wagtails = Workflow.objects.filter(name__in=WAGTAIL_DEFAULT).first()
    root = Page.objects.filter(depth=1).first()
    if wagtails is not None and root is not None:
        WorkflowPage.objects.filter(page=root, workflow=review).update(
            workflow=wagtails
        )
    WorkflowPage.objects.filter(workflow=review).delete()
    review.delete()
    EditorReviewTask.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_editor_review_task"),
        # Wagtail's default workflow exists and carries its Arabic name here.
        ("core", "0002_arabic_workflow_and_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_review, remove_review)]
