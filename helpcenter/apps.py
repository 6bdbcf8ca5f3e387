from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpcenterConfig(AppConfig):
    name = "helpcenter"
    verbose_name = _("Central de Ajuda")

    def ready(self) -> None:
        from helpcenter import signals  # noqa: F401  (connects the receivers)
