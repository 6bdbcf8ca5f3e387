"""Brazil's national holidays (and the federal Carnival and Corpus Christi days off) for 2026-2027,
so SLAs skip them from day one; supervisors keep the calendar in the admin from then on."""

import datetime

from django.db import migrations

HOLIDAYS = {
    2026: [
        ((1, 1), "Confraternização Universal"),
        ((2, 16), "Carnaval"),
        ((2, 17), "Carnaval"),
        ((4, 3), "Paixão de Cristo"),
        ((4, 21), "Tiradentes"),
        ((5, 1), "Dia do Trabalho"),
        ((6, 4), "Corpus Christi"),
        ((9, 7), "Independência do Brasil"),
        ((10, 12), "Nossa Senhora Aparecida"),
        ((11, 2), "Finados"),
        ((11, 15), "Proclamação da República"),
        ((11, 20), "Dia Nacional de Zumbi e da Consciência Negra"),
        ((12, 25), "Natal"),
    ],
    2027: [
        ((1, 1), "Confraternização Universal"),
        ((2, 8), "Carnaval"),
        ((2, 9), "Carnaval"),
        ((3, 26), "Paixão de Cristo"),
        ((4, 21), "Tiradentes"),
        ((5, 1), "Dia do Trabalho"),
        ((5, 27), "Corpus Christi"),
        ((9, 7), "Independência do Brasil"),
        ((10, 12), "Nossa Senhora Aparecida"),
        ((11, 2), "Finados"),
        ((11, 15), "Proclamação da República"),
        ((11, 20), "Dia Nacional de Zumbi e da Consciência Negra"),
        ((12, 25), "Natal"),
    ],
}
GRANTS = {"Supervisor": ["view", "add", "change", "delete"], "Atendente": ["view"]}


def _dates():
    for year, days in HOLIDAYS.items():
        for (month, day), name in days:
            yield datetime.date(year, month, day), name


def add_holidays(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Holiday = apps.get_model("tickets", "Holiday")
    for date, name in _dates():
        Holiday.objects.get_or_create(date=date, defaults={"name": name})

    app_config = apps.get_app_config("tickets")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            codenames = [f"{action}_holiday" for action in actions]
            group.permissions.add(*Permission.objects.filter(content_type__app_label="tickets", codename__in=codenames))


def remove_holidays(apps, schema_editor):
    apps.get_model("tickets", "Holiday").objects.filter(date__in=[date for date, _ in _dates()]).delete()


class Migration(migrations.Migration):
    dependencies = [("tickets", "0007_holidays"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(add_holidays, remove_holidays)]
