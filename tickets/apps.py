from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("Tickets")

    def ready(self) -> None:
        from portal.signals import sweep
        from tickets.removals import on_sweep

        sweep.connect(on_sweep, dispatch_uid="tickets.removals")
