"""The "Certificação Digital" team that works the requests, and the staff groups' permissions on them.

Atendentes of the team see and work its requests (the admin scopes them); supervisors all of them.
Reversing removes the permissions and the team, unless requests still point to it.
"""

from django.db import migrations

TEAM_NAME = "Certificação Digital"
TEAM_EMAIL = "certificacao@areadocliente.example"
GRANTS = {
    "Atendente": {"certificaterequest": ["view", "change"], "certificatestatusevent": ["view"]},
    "Supervisor": {"certificaterequest": ["view", "change"], "certificatestatusevent": ["view"]},
}


def _permissions(apps, model: str, actions: list[str]):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for action in actions]
    return Permission.objects.filter(content_type__app_label="certificates", codename__in=codenames)


def create_team(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Team = apps.get_model("tickets", "Team")
    Team.objects.get_or_create(name=TEAM_NAME, defaults={"email": TEAM_EMAIL})
    Group = apps.get_model("auth", "Group")
    for name, grants in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for model, actions in grants.items():
            group.permissions.add(*_permissions(apps, model, actions))


def remove_team(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, grants in GRANTS.items():
        for group in Group.objects.filter(name=name):
            for model, actions in grants.items():
                group.permissions.remove(*_permissions(apps, model, actions))
    Team = apps.get_model("tickets", "Team")
    Team.objects.filter(name=TEAM_NAME, certificate_requests__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tickets", "0005_staff_groups"),
        ("certificates", "0001_certificate_requests"),
    ]

    operations = [migrations.RunPython(create_team, remove_team)]
