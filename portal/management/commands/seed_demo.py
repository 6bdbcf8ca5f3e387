from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo data (companies, users, products, contracts…). Safe to run again: "
        "it updates what exists and creates what is missing. Each app adds its part in a demo.py "
        "module with a seed(stdout) function, run in INSTALLED_APPS order."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. Demo accounts have published passwords: never on a real site.",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo accounts have published passwords. Use --force if this is really a demo site.")
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
