"""The chief editor keeps "everything": the two-factor devices (#14).

django-otp's authenticator and recovery-code devices came after the roles
migration; their permissions go to the chief editor's group like every
model's, so "everything" stays everything.
"""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("otp_totp", "otp_static"))


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0005_chief_editor_sees_marks"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
