"""The chief editor keeps "everything": the job list and the queue's models (#14).

The roles migration gave the chief editor every permission that existed
then; the background jobs' permissions (django-tasks-db's job rows, which
the job list asks for, and the heartbeat rows) are granted here, to the
chief editor's group if the roles migration made or adopted one.
"""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("django_tasks_database", "queue"))


class Migration(migrations.Migration):
    dependencies = [
        ("queue", "0001_task_workers"),
        ("newsroom", "0002_roles"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
