from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Solicitação Certificado Digital")

    def ready(self) -> None:
        from certificates.selectors import renewal_reminders
        from portal import reminders

        reminders.register(renewal_reminders)
