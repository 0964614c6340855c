"""The chief editor keeps "everything": ad slots, their code, ads.txt (#14, #20)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("ads",))


class Migration(migrations.Migration):
    dependencies = [
        ("ads", "0001_ad_slots_and_ads_txt"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
