from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from consent.selectors import contracted_products
from helpcenter.models import FaqCategory, Product
from portal.models import Contract
from support.forms import ChooserForm
from tickets.models import Ticket, TicketForm

RECENT_TICKETS = 5
#: What the recent tickets show (protocol, link, title, status, date, product or subject, these
#: two whole: their names are translated columns): a ticket row has 37 columns.
RECENT_TICKET_FIELDS = ("year", "number", "title", "status", "created_at", "product", "subject")


def _contracted_products(user):
    return Product.objects.active().filter(contracts__in=Contract.objects.active().of_user(user)).distinct()


def _products_for(user):
    """The products a person may open a ticket about: their companies' contracted ones, or, for a
    visitor without an account, any product of the catalog (the Central de Ajuda lists them all)."""
    return _contracted_products(user) if user.is_authenticated else Product.objects.active()


@require_safe
def support(request):
    """Suporte: Dúvidas, Meus Tickets and Produtos Contratados, as in the seed."""
    return render(
        request,
        "support/support.html",
        {
            "categories": FaqCategory.objects.all(),
            "tickets": Ticket.objects.opened_by(request.user)
            .select_related("product", "subject")
            .only(*RECENT_TICKET_FIELDS)
            .recent()[:RECENT_TICKETS],
            "products": contracted_products(request.user),
        },
    )


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def chooser(request):
    """Criar novo: pick what the ticket is about, then go to that form. Visitors may use it too."""
    forms = _chooser_forms(request.user)
    subject_forms = [form for form in forms if form.subject_id]
    product_forms = list({form.product_id: form for form in reversed(forms) if form.product_id}.values())[::-1]
    data = request.POST if request.method == "POST" else None
    visitor = not request.user.is_authenticated
    chooser_form = ChooserForm(data, subject_forms=subject_forms, product_forms=product_forms, visitor=visitor)
    if request.method == "POST" and chooser_form.is_valid():
        return redirect("tickets:new", slug=chooser_form.chosen_slug)
    return render(
        request,
        "support/chooser.html",
        {"form": chooser_form, "has_products": bool(product_forms), "visitor": visitor},
        status=200,
    )


def _chooser_forms(user):
    """The active forms of active subjects and of the products the person may choose, in one query."""
    return list(
        TicketForm.objects.active()
        .filter(Q(subject__active=True) | Q(product__in=_products_for(user)))
        .select_related("subject", "product")
        .order_by("subject__order", "subject__name", "product__name")
    )
