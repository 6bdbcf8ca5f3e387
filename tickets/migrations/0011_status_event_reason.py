from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat, Left

#: What ticket_close and ticket_reopen stored as the note, in the language active at the time: the
#: Portuguese source and its translations in locale/en and locale/es (the only ones they ever had).
#: Backwards, a code becomes the Portuguese sentence, the first one.
SENTENCES = {
    "fechado_pelo_cliente": ["Fechada pelo cliente.", "Closed by the customer.", "Cerrada por el cliente."],
    "reaberto_pelo_cliente": ["Reaberta pelo cliente.", "Reopened by the customer.", "Reabierta por el cliente."],
}


def sentences_to_codes(apps, schema_editor):
    StatusEvent = apps.get_model("tickets", "StatusEvent")
    for reason, sentences in SENTENCES.items():
        StatusEvent.objects.filter(reason="", note__in=sentences).update(reason=reason, note="")


def codes_to_sentences(apps, schema_editor):
    StatusEvent = apps.get_model("tickets", "StatusEvent")
    for reason, sentences in SENTENCES.items():
        events = StatusEvent.objects.filter(reason=reason)
        events.filter(note="").update(note=sentences[0], reason="")
        events.update(note=Left(Concat(Value(sentences[0] + " "), "note"), 300), reason="")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0010_sla_pause")]

    operations = [
        migrations.AddField(
            model_name="statusevent",
            name="reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("fechado_pelo_cliente", "Fechada pelo cliente."),
                    ("reaberto_pelo_cliente", "Reaberta pelo cliente."),
                ],
                max_length=30,
                verbose_name="motivo",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusevent",
            constraint=models.CheckConstraint(
                condition=models.Q(("reason__in", ["", "fechado_pelo_cliente", "reaberto_pelo_cliente"])),
                name="tickets_statusevent_reason_valid",
            ),
        ),
        migrations.RunPython(sentences_to_codes, codes_to_sentences),
    ]
