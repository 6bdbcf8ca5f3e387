"""Render again the answers and documentation pages that have code blocks, so that the stored HTML
gets the ``tabindex="0"`` that helpcenter.markup now puts on every <pre> (a code block that scrolls
must be reachable with the keyboard). Their "updated at" date stays as it was: the text did not change.
"""

from django.db import migrations

from helpcenter import markup


def render_code_blocks_again(apps, schema_editor):
    for model_name in ("Article", "DocumentationPage"):
        model = apps.get_model("helpcenter", model_name)
        for pk, body in model.objects.filter(body_html__contains="<pre").values_list("pk", "body").iterator():
            model.objects.filter(pk=pk).update(body_html=markup.render(body))


class Migration(migrations.Migration):
    dependencies = [
        ("helpcenter", "0006_drop_search_text_fallback"),
    ]

    operations = [migrations.RunPython(render_code_blocks_again, migrations.RunPython.noop, elidable=True)]
