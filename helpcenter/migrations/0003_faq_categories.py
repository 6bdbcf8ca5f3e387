"""The four Dúvidas categories of the portal. Their slugs are part of the public URLs."""

from django.db import migrations

CATEGORIES = [
    (
        1,
        "processo-de-compra",
        "Processo de Compra",
        "Como contratar os produtos: loja, proposta comercial e contratação por órgãos públicos.",
    ),
    (2, "area-do-cliente", "Área do Cliente", "Acesso, senha, empresas, contratos e tickets na Área do Cliente."),
    (3, "financeiro", "Financeiro", "Boletos, notas fiscais, vencimentos e cobrança pelo consumo."),
    (4, "gestao-contratual", "Gestão Contratual", "Vigência, renovação, reajuste, suspensão e encerramento."),
]


def create_categories(apps, schema_editor):
    FaqCategory = apps.get_model("helpcenter", "FaqCategory")
    for order, slug, name, description in CATEGORIES:
        FaqCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )


def delete_categories(apps, schema_editor):
    FaqCategory = apps.get_model("helpcenter", "FaqCategory")
    FaqCategory.objects.filter(slug__in=[slug for _, slug, _, _ in CATEGORIES], articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("helpcenter", "0002_faq_and_documentation")]

    operations = [migrations.RunPython(create_categories, delete_categories)]
