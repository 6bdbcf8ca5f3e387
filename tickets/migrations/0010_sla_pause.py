import datetime

from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce

WAITING = "aguardando_cliente"


def start_pauses(apps, schema_editor):
    """Tickets already waiting on the customer: their pause began at their last move into that
    status (from the history), or at their last change when the history has none."""
    Ticket = apps.get_model("tickets", "Ticket")
    StatusEvent = apps.get_model("tickets", "StatusEvent")
    last_move = (
        StatusEvent.objects.filter(ticket=OuterRef("pk"), to_status=WAITING).order_by("-at", "-pk").values("at")[:1]
    )
    Ticket.objects.filter(status=WAITING).update(sla_paused_at=Coalesce(Subquery(last_move), F("updated_at")))


class Migration(migrations.Migration):
    dependencies = [("tickets", "0009_company_verification_and_2fa_reset_log")]

    operations = [
        migrations.AddField(
            model_name="ticket",
            name="sla_paused_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="Enquanto o ticket aguarda o cliente, o prazo não corre.",
                null=True,
                verbose_name="prazo pausado desde",
            ),
        ),
        migrations.AddField(
            model_name="ticket",
            name="sla_paused",
            field=models.DurationField(
                db_default=datetime.timedelta(0),
                default=datetime.timedelta,
                editable=False,
                help_text="Horário útil das pausas já encerradas; os prazos foram adiados por ele.",
                verbose_name="tempo pausado",
            ),
        ),
        # Backwards, the columns go with their data: nothing to undo first.
        migrations.RunPython(start_pauses, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="ticket",
            constraint=models.CheckConstraint(
                condition=models.Q(("sla_paused_at__isnull", False), ("status", "aguardando_cliente"))
                | models.Q(models.Q(("status", "aguardando_cliente"), _negated=True), ("sla_paused_at__isnull", True)),
                name="tickets_ticket_paused_while_waiting",
            ),
        ),
    ]
