from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Product(models.Model):
    """A product or service of the catalog, documented and supported in the help center."""

    name = models.CharField(_("nome"), max_length=120, unique=True)
    slug = models.SlugField(_("identificador na URL"), max_length=120, unique=True)
    short_description = models.CharField(_("descrição curta"), max_length=300, blank=True)
    active = models.BooleanField(_("ativo"), default=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("produto")
        verbose_name_plural = _("produtos")

    def __str__(self) -> str:
        return self.name
