"""The five kinds of request of the seed. Staff may rename, reorder or deactivate them later."""

from django.db import migrations

TYPES = ["Incidente", "Dúvida", "Requisição", "Reclamação", "Sugestão"]


def create_types(apps, schema_editor):
    TicketType = apps.get_model("tickets", "TicketType")
    for order, name in enumerate(TYPES, start=1):
        TicketType.objects.get_or_create(name=name, defaults={"order": order})


def delete_unused_types(apps, schema_editor):
    TicketType = apps.get_model("tickets", "TicketType")
    TicketType.objects.filter(name__in=TYPES, tickets__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_tickets_forms_and_protocols")]

    operations = [migrations.RunPython(create_types, delete_unused_types)]
