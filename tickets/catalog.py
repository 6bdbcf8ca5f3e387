"""What the ticket form is built from, read once per content version instead of on every step.

A customer opening a ticket makes nine requests (four steps, each posted and shown again, and the
confirmation); every one of them needs the form, its own questions and the ticket types. They
change only when staff save them, so they are kept in the cache under the help pages' content
version (``helpcenter.page_cache``), which those saves bump (``helpcenter.signals``): a change shows
on the next request, with no timeout to wait for.

The cache pickles what it keeps, so every request gets its own copies of the rows. A form carries
the version it was read under (``catalog_version``): the ticket form's steps read the types under
the same one, and key their blank HTML with it (``portal.templatetags.blank_forms``).
"""

from django.core.cache import cache

from helpcenter import page_cache
from tickets.models import TicketForm, TicketType

TIMEOUT = page_cache.TIMEOUT


def ticket_form(slug: str) -> TicketForm | None:
    """The active form with this slug, its questions loaded; a product's slug also leads to its form.

    The Central de Ajuda links a product to ``/tickets/novo/<product-slug>/`` without knowing
    which form staff made for it. Slugs that lead nowhere are not kept: anyone can type one.
    """
    version = page_cache.version()
    key = f"tickets:form:{version}:{slug}"
    form = cache.get(key)
    if form is None:
        form = _load(slug)
        if form is not None:
            form.catalog_version = version
            cache.set(key, form, TIMEOUT)
    return form


def _load(slug: str) -> TicketForm | None:
    forms = TicketForm.objects.active().select_related("product", "subject", "team").prefetch_related("fields")
    return forms.filter(slug=slug).first() or forms.filter(product__slug=slug, product__active=True).first()


def ticket_types(version: int | None = None) -> list[TicketType]:
    """The active ticket types, in their order, for step 3's "Tipo": as of ``version`` (a form's
    ``catalog_version``), or the current one."""
    key = f"tickets:types:{version or page_cache.version()}"
    types = cache.get(key)
    if types is None:
        types = list(TicketType.objects.active())
        cache.set(key, types, TIMEOUT)
    return types
