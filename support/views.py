from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from helpcenter.models import FaqCategory, Product
from portal.models import Contract
from support.forms import ChooserForm
from tickets.models import Ticket, TicketForm

RECENT_TICKETS = 5


def _contracted_products(user):
    return Product.objects.active().filter(contracts__in=Contract.objects.active().of_user(user)).distinct()


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
            .recent()[:RECENT_TICKETS],
            "products": _contracted_products(request.user).only("name", "slug", "short_description"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def chooser(request):
    """Criar novo: pick what the ticket is about, then go to that form."""
    forms = _chooser_forms(request.user)
    subject_forms = [form for form in forms if form.subject_id]
    product_forms = list({form.product_id: form for form in reversed(forms) if form.product_id}.values())[::-1]
    data = request.POST if request.method == "POST" else None
    chooser_form = ChooserForm(data, subject_forms=subject_forms, product_forms=product_forms)
    if request.method == "POST" and chooser_form.is_valid():
        return redirect("tickets:new", slug=chooser_form.chosen_slug)
    return render(
        request,
        "support/chooser.html",
        {"form": chooser_form, "has_products": bool(product_forms)},
        status=200,
    )


def _chooser_forms(user):
    """The active forms of active subjects and of the user's contracted products, in one query."""
    return list(
        TicketForm.objects.active()
        .filter(Q(subject__active=True) | Q(product__in=_contracted_products(user)))
        .select_related("subject", "product")
        .order_by("subject__order", "subject__name", "product__name")
    )
