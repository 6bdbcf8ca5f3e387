"""The two staff roles, as groups with their permissions.

- Atendente: works the tickets of their own teams (the admin scopes the lists and pages to them).
- Supervisor: every team, reassigns, exports, reveals full CPFs, anonymises; manages help
  content, forms, subjects and SLA policies; reads the access log.
"""

from django.db import migrations

ATENDENTE = [
    ("tickets", "ticket", ["view", "change"]),
    ("tickets", "team", ["view"]),
    ("tickets", "subject", ["view"]),
    ("tickets", "ticketform", ["view"]),
    ("tickets", "slapolicy", ["view"]),
    ("helpcenter", "article", ["view"]),
    ("helpcenter", "documentationpage", ["view"]),
]
SUPERVISOR = [
    ("tickets", "ticket", ["view", "change", "work_all_teams", "reveal_cpf", "export_tickets", "anonymise_requester"]),
    ("tickets", "team", ["view", "add", "change"]),
    ("tickets", "subject", ["view", "add", "change", "delete"]),
    ("tickets", "tickettype", ["view", "add", "change"]),
    ("tickets", "ticketform", ["view", "add", "change", "delete"]),
    ("tickets", "formfield", ["view", "add", "change", "delete"]),
    ("tickets", "slapolicy", ["view", "add", "change", "delete"]),
    ("tickets", "accesslog", ["view"]),
    ("helpcenter", "product", ["view", "add", "change"]),
    ("helpcenter", "faqcategory", ["view", "add", "change"]),
    ("helpcenter", "article", ["view", "add", "change", "delete"]),
    ("helpcenter", "documentationpage", ["view", "add", "change", "delete"]),
]
GROUPS = {"Atendente": ATENDENTE, "Supervisor": SUPERVISOR}


def _codename(action: str, model: str) -> str:
    return f"{action}_{model}" if action in {"view", "add", "change", "delete"} else action


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, actions in grants:
            codenames = [_codename(action, model) for action in actions]
            permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


def backfill_resolution_dates(apps, schema_editor):
    from tickets.sla import DEFAULT_HOURS, add_business_hours

    Ticket = apps.get_model("tickets", "Ticket")
    for ticket in Ticket.objects.filter(resolution_due_at__isnull=True).iterator():
        ticket.resolution_due_at = add_business_hours(ticket.created_at, DEFAULT_HOURS[ticket.priority][1])
        ticket.save(update_fields=["resolution_due_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("helpcenter", "0005_featured_articles_index"),
        ("tickets", "0004_staff_workspace_sla_and_access_log"),
    ]

    operations = [
        migrations.RunPython(create_groups, remove_groups),
        migrations.RunPython(backfill_resolution_dates, migrations.RunPython.noop),
    ]
