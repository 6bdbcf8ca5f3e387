from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from helpcenter.search import suggest
from tickets.models import Ticket, TicketForm, format_protocol
from tickets.wizard import STEP_NAMES, STEPS, TicketWizard, submitted_ticket


def _ticket_form(slug):
    """The active form with this slug; a product's slug also leads to that product's form.

    The Central de Ajuda links a product to ``/tickets/novo/<product-slug>/`` without knowing
    which form staff made for it.
    """
    forms = TicketForm.objects.active().select_related("product", "subject", "team")
    form = forms.filter(slug=slug).first() or forms.filter(product__slug=slug, product__active=True).first()
    if form is None:
        raise Http404
    return form


def _confirmation(year, number):
    return redirect("tickets:confirmation", year=year, number=f"{number:05d}")


@login_not_required
@require_http_methods(["GET", "POST"])
def new(request, slug):
    """The multi-step form: Identificação, Contato, Solicitação, Revisão."""
    wizard = TicketWizard(request, _ticket_form(slug))
    if request.method == "GET":
        return _render_step(request, wizard, wizard.form(wizard.step.name))

    done = submitted_ticket(request.session, request.POST.get("key"))
    if done is not None:  # the same last step again: a double click, a reload, another tab
        return _confirmation(*done)
    posted = request.POST.get("step")
    if not wizard.can_post(posted):
        messages.warning(request, _("Esta página do formulário estava desatualizada. Continue a partir daqui."))
        return redirect("tickets:new", slug=slug)

    action = request.POST.get("action", "next")
    index = STEP_NAMES.index(posted)
    if posted != "revisao":
        wizard.remember(posted, request.POST)
    if action == "back" or action.startswith("goto:"):
        target = index - 1 if action == "back" else STEP_NAMES.index(action[5:]) if action[5:] in STEP_NAMES else -1
        if 0 <= target <= wizard.state["reached"]:
            wizard.go_to(target)
        wizard.state["step"] = max(0, min(wizard.state["step"], wizard.state["reached"]))
        wizard.save()
        return redirect("tickets:new", slug=slug)

    if posted == "revisao":
        return _send(request, wizard)

    form = wizard.form(posted, data=request.POST, files=request.FILES)
    valid = form.is_valid()
    if posted == "solicitacao":
        wizard.park_files(form)
    if not valid:
        wizard.go_to(index)
        wizard.save()
        return _render_step(request, wizard, form, status=200)
    wizard.go_to(index + 1)
    wizard.save()
    return redirect("tickets:new", slug=slug)


def _send(request, wizard):
    invalid = wizard.first_invalid_step()
    if invalid is not None:
        index, _form = invalid
        wizard.go_to(index)
        wizard.state["step"] = index
        wizard.save()
        messages.error(request, _("Revise os dados deste passo antes de enviar."))
        return redirect("tickets:new", slug=wizard.ticket_form.slug)
    ticket, _created = wizard.submit()
    return _confirmation(ticket.year, ticket.number)


def _render_step(request, wizard, form, status=200):
    context = {
        "ticket_form": wizard.ticket_form,
        "wizard": wizard,
        "steps": STEPS,
        "step": wizard.step,
        "step_number": wizard.index + 1,
        "form": form,
    }
    if wizard.step.name == "solicitacao":
        typed = form.data.get("title", "") if form.data else ""
        context["suggestions"] = suggest(typed or str(wizard.ticket_form.about), limit=3)
        context["parked"] = wizard.state["files"]
    if wizard.step.name == "revisao":
        context["review"] = _review(wizard)
    return render(request, "tickets/new.html", context, status=status)


def _review(wizard):
    """Every step's answers, as the customer will see them before sending."""
    sections = []
    for step in STEPS[:-1]:
        form = wizard.form(step.name)
        valid = form.data is not None and form.is_valid()
        rows = []
        if step.name == "identificacao" and wizard.user is not None:
            rows.append((_("Nome do Solicitante"), wizard.user.name))
            if wizard.user.cpf:
                from portal.identifiers import mask_cpf

                rows.append((_("CPF"), mask_cpf(wizard.user.cpf)))
        for bound in form:
            if bound.name in {"files", "remove"}:
                continue
            value = form.cleaned_data.get(bound.name) if valid else bound.value()
            rows.append((bound.label, _display(bound, value)))
        if step.name == "solicitacao":
            names = ", ".join(item["original_name"] for item in wizard.state["files"]) or _("Nenhum")
            rows.append((_("Anexos"), names))
        sections.append({"step": step, "rows": rows, "valid": valid})
    return sections


def _display(bound, value):
    from portal.identifiers import mask_cnpj, mask_cpf
    from tickets.forms import display_value

    field = bound.field
    if bound.name == "cpf" and value:
        return mask_cpf(str(value))
    if hasattr(field, "choices") and not isinstance(value, bool):
        labels = {str(k): v for k, v in field.choices}
        if isinstance(value, list):
            return ", ".join(str(labels.get(str(item), item)) for item in value)
        if value is not None and str(getattr(value, "pk", value)) in labels:
            return str(labels[str(getattr(value, "pk", value))])
    if bound.name == "cnpj" and value:
        return mask_cnpj(str(value))
    return display_value(value)


@login_not_required
@require_http_methods(["GET", "POST"])
def clear(request, slug):
    """Limpar: asks first, then forgets everything typed and attached in this form."""
    wizard = TicketWizard(request, _ticket_form(slug))
    if request.method == "POST":
        wizard.clear()
        messages.success(request, _("O formulário foi limpo. Você pode começar de novo."))
        return redirect("tickets:new", slug=slug)
    return render(request, "tickets/clear.html", {"ticket_form": wizard.ticket_form})


@login_not_required
def confirmation(request, year, number):
    """Shown only to the browser that sent the ticket."""
    mine = {tuple(pair) for pair in request.session.get("tickets_submitted", {}).values()}
    if (year, int(number)) not in mine:
        raise Http404
    ticket = get_object_or_404(
        Ticket.objects.select_related("form", "product", "subject", "type"), year=year, number=int(number)
    )
    return render(
        request,
        "tickets/confirmation.html",
        {"ticket": ticket, "protocol": format_protocol(ticket.year, ticket.number)},
    )
