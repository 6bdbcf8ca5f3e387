from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from helpcenter.search import suggest
from portal import ratelimit
from portal.identifiers import mask_cpf
from tickets import attachments, catalog, selectors, services
from tickets.forms import ConsultForm, RateForm, ReopenForm, ReplyForm
from tickets.models import Ticket, format_protocol
from tickets.tasks import send_lookup_links
from tickets.wizard import STEPS, Action, TicketWizard, submitted_ticket

CONSULT_SESSION_KEY = "tickets_consult"
CONSULT_SENT_SESSION_KEY = "tickets_consult_sent"
PAGE_SIZE = 20


def _ticket_form(slug):
    form = catalog.ticket_form(slug)
    if form is None:
        raise Http404
    return form


def _confirmation(year, number):
    return redirect("tickets:confirmation", year=year, number=number)


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def new(request, slug):
    """The multi-step form: Identificação, Contato, Solicitação, Revisão (tickets.wizard)."""
    wizard = TicketWizard(request, _ticket_form(slug))
    if request.method != "POST":
        return _render_step(request, wizard, None if wizard.step.is_review else wizard.form(wizard.step))

    done = submitted_ticket(request.session, request.POST.get("key"))
    if done is not None:  # the same last step again: a double click, a reload, another tab
        return _confirmation(*done)
    step = wizard.postable(request.POST.get("step"))
    if step is None:
        messages.warning(request, _("Esta página do formulário estava desatualizada. Continue a partir daqui."))
        return redirect("tickets:new", slug=slug)
    if not ratelimit.hit(ratelimit.limit("passo-ip"), ratelimit.client_ip(request)):
        # The step comes back as typed (files aside), so nothing is lost while waiting.
        messages.error(request, _("Muitos envios em pouco tempo. Aguarde alguns minutos e tente de novo."))
        form = None if step.is_review else wizard.form(step, data=request.POST)
        return _render_step(request, wizard, form, status=429)

    action = Action.parse(request.POST.get("action"))
    if action.moves:
        wizard.keep(step, request.POST, request.FILES)
        if action.kind == "language":
            return _switch_language(request, wizard, action.target)
        wizard.move(step, action)
        wizard.save()
        return redirect("tickets:new", slug=slug)
    if step.is_review:
        return _send(request, wizard)
    invalid = wizard.advance(step, request.POST, request.FILES)
    wizard.save()
    if invalid is not None:
        return _render_step(request, wizard, invalid)
    return redirect("tickets:new", slug=slug)


def _switch_language(request, wizard, language):
    """The language menu on a form page: the step keeps what was typed, then comes back in that language."""
    wizard.save()
    response = redirect("tickets:new", slug=wizard.ticket_form.slug)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


def _send(request, wizard):
    invalid = wizard.first_invalid_step()
    if invalid is not None:
        wizard.go_to(invalid)
        wizard.save()
        messages.error(request, _("Revise os dados deste passo antes de enviar."))
        return redirect("tickets:new", slug=wizard.ticket_form.slug)
    allowed = ratelimit.hit(ratelimit.limit("envio-ip"), ratelimit.client_ip(request))
    if not (allowed and ratelimit.hit(ratelimit.limit("envio-cpf"), wizard.requester_cpf())):
        return ratelimit.too_many_requests(request)  # the form stays in the session, ready to send later
    try:
        ticket, _created = wizard.submit()
    except attachments.StorageUnavailable:
        # Nothing was saved; the review comes back, complete, to send again.
        messages.error(request, attachments.STORAGE_FAILED_SEND)
        return _render_step(request, wizard, None, status=503)
    return _confirmation(ticket.year, ticket.number)


def _render_step(request, wizard, form, status=200):
    step = wizard.step
    context = {
        "ticket_form": wizard.ticket_form,
        "wizard": wizard,
        "steps": STEPS,
        "step": step,
        "step_number": wizard.index + 1,
        "form": form,
        # The header's language menu posts this form, so switching keeps what was typed.
        "language_form": {"id": "formulario-ticket", "action": request.path},
    }
    if step.takes_files:
        typed = form.data.get("title", "") if form is not None and form.data else ""
        context["suggestions"] = suggest(typed or str(wizard.ticket_form.about), limit=3)
        context["parked"] = wizard.parked_files
    if step.is_review:
        context["review"] = wizard.review()
    return render(request, "tickets/new.html", context, status=status)


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def clear(request, slug):
    """Limpar: asks first, then forgets everything typed and attached in this form."""
    wizard = TicketWizard(request, _ticket_form(slug))
    if request.method == "POST":
        wizard.clear()
        messages.success(request, _("O formulário foi limpo. Você pode começar de novo."))
        return redirect("tickets:new", slug=slug)
    return render(request, "tickets/clear.html", {"ticket_form": wizard.ticket_form})


@login_not_required
@never_cache
@require_safe
def confirmation(request, year, number):
    """Shown only to the browser that sent the ticket."""
    mine = {tuple(pair) for pair in request.session.get("tickets_submitted", {}).values()}
    if (year, number) not in mine:
        raise Http404
    ticket = get_object_or_404(
        Ticket.objects.select_related("form", "product", "subject", "type", "team"), year=year, number=number
    )
    return render(
        request,
        "tickets/confirmation.html",
        {"ticket": ticket, "protocol": format_protocol(ticket.year, ticket.number)},
    )


# Consultation and the ticket page. Who sees what: tickets.selectors.


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def consult(request):
    """Consulta de Solicitação de Serviço.

    Signed-in customers get results on the page (criteria kept in the session, so paging is a
    plain GET without personal data in the URL). Visitors never see ticket data here: the answer
    is always the same message, and a link goes by e-mail from a background task.
    """
    anonymous = not request.user.is_authenticated
    if request.method == "POST":
        if not ratelimit.hit(ratelimit.limit("consulta-ip"), ratelimit.client_ip(request)):
            return ratelimit.too_many_requests(request)
        form = ConsultForm(request.POST, anonymous=anonymous)
        if not form.is_valid():
            return _render_consult(request, form, anonymous=anonymous)
        criteria = form.criteria()
        if anonymous:
            # Per address *and* CPF: a stranger who knows a CPF uses up only their own allowance,
            # never the owner's. The e-mails one address receives are capped in the task.
            if not ratelimit.hit(ratelimit.limit("consulta-cpf"), f"{ratelimit.client_ip(request)} {criteria['cpf']}"):
                return ratelimit.too_many_requests(request)
            send_lookup_links.enqueue(cpf=criteria["cpf"], year=criteria.get("year"), number=criteria.get("number"))
            request.session[CONSULT_SENT_SESSION_KEY] = True
            return redirect(reverse("tickets:consult") + "#resultado")
        request.session[CONSULT_SESSION_KEY] = criteria
        return redirect(reverse("tickets:consult") + "#resultado")

    criteria = None if anonymous else request.session.get(CONSULT_SESSION_KEY)
    initial = dict(criteria or {})
    if initial.get("cpf"):
        initial["cpf"] = mask_cpf(initial["cpf"])
    if "year" in initial:
        initial["number"] = format_protocol(initial["year"], initial["number"])
    form = ConsultForm(initial=initial, anonymous=anonymous)
    return _render_consult(request, form, anonymous=anonymous, criteria=criteria)


def _render_consult(request, form, *, anonymous, criteria=None):
    context = {"form": form, "anonymous": anonymous, "sent": request.session.pop(CONSULT_SENT_SESSION_KEY, False)}
    page_number = request.GET.get("page") or 1
    if criteria:
        results = selectors.consult(selectors.viewer_for(request), criteria)
        context["results"] = Paginator(results, PAGE_SIZE).get_page(page_number)
    elif anonymous and (viewer := selectors.viewer_for(request)).grant_cpf:  # no query for visitors
        context["granted"] = Paginator(selectors.granted_tickets(viewer), PAGE_SIZE).get_page(page_number)
    return render(request, "tickets/consult.html", context)


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def access(request, token):
    """An e-mailed link. Opening it only asks to confirm: mail scanners that follow links must
    not spend it. The button's POST spends the token, lets this browser see those tickets and
    leaves the token's URL."""
    if request.method != "POST":
        if not services.lookup_link_usable(token):
            return render(request, "tickets/access_invalid.html", status=404)
        return render(request, "tickets/access_confirm.html")
    link = services.lookup_link_redeem(token)
    if link is None:
        return render(request, "tickets/access_invalid.html", status=404)
    selectors.grant_access(request.session, cpf=link.cpf, email=link.email)
    return redirect("tickets:consult")


def _visible_ticket(request, year, number) -> Ticket:
    ticket = selectors.ticket_for(selectors.viewer_for(request), year=year, number=number)
    if ticket is None:
        raise Http404
    return ticket


@login_not_required
@never_cache
@require_safe
def detail(request, year, number):
    """One ticket, for whoever may see it; 404 for everyone else, existing or not."""
    return _render_detail(request, _visible_ticket(request, year, number))


def _render_detail(request, ticket, *, reply_form=None, rate_form=None, reopen_form=None, status=200):
    conversation = list(selectors.public_messages(ticket))
    files = list(selectors.public_attachments(ticket))
    by_message = {}
    for attachment in files:
        by_message.setdefault(attachment.message_id, []).append(attachment)
    for message in conversation:
        message.files = by_message.get(message.pk, [])
    context = {
        "ticket": ticket,
        "conversation": conversation,
        "ticket_files": by_message.get(None, []),
        "events": list(ticket.events.all()),
        "reply_form": reply_form or ReplyForm(),
        "rate_form": rate_form or RateForm(),
        "reopen_form": reopen_form or ReopenForm(),
        "can_reopen": ticket.can_reopen(),
    }
    return render(request, "tickets/detail.html", context, status=status)


def _after_action(ticket):
    return redirect(ticket.get_absolute_url())


@login_not_required
@require_POST
def reply(request, year, number):
    ticket = _visible_ticket(request, year, number)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_detail(request, ticket, reply_form=form)
    if not ratelimit.hit(ratelimit.limit("resposta-ip"), ratelimit.client_ip(request)):
        # The page comes back with the text as typed, so nothing is lost while waiting.
        form.add_error("body", _("Muitas mensagens em pouco tempo. Aguarde alguns minutos e envie de novo."))
        return _render_detail(request, ticket, reply_form=form, status=429)
    try:
        services.ticket_reply(ticket, body=form.cleaned_data["body"], uploads=form.checked_files, user=request.user)
    except services.TicketActionRefused as refused:
        messages.error(request, refused.message)
        return _render_detail(request, ticket, reply_form=form)
    except attachments.StorageUnavailable:
        form.add_error("files", attachments.STORAGE_FAILED_REPLY)
        return _render_detail(request, ticket, reply_form=form, status=503)
    messages.success(request, _("Mensagem enviada. A equipe de atendimento foi avisada."))
    return _after_action(ticket)


def _state_change(request, year, number, action, done_message):
    ticket = _visible_ticket(request, year, number)
    try:
        action(ticket, user=request.user)
    except services.TicketActionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, done_message)
    return _after_action(ticket)


@login_not_required
@require_POST
def close(request, year, number):
    return _state_change(request, year, number, services.ticket_close, _("Solicitação fechada."))


@login_not_required
@require_POST
def reopen(request, year, number):
    """Reopening asks why; an error brings the page back with the text as typed."""
    ticket = _visible_ticket(request, year, number)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, ticket, reopen_form=form)
    try:
        services.ticket_reopen(ticket, reason=form.cleaned_data["reason"], user=request.user)
    except services.TicketActionRefused as refused:
        messages.error(request, refused.message)
        return _render_detail(request, ticket, reopen_form=form)
    messages.success(request, _("Solicitação reaberta. A equipe de atendimento foi avisada."))
    return _after_action(ticket)


@login_not_required
@require_POST
def rate(request, year, number):
    ticket = _visible_ticket(request, year, number)
    form = RateForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, ticket, rate_form=form)
    try:
        services.ticket_rate(ticket, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"])
    except services.TicketActionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Obrigado pela avaliação!"))
    return _after_action(ticket)


@login_not_required
@never_cache
@require_safe
def attachment(request, year, number, token):
    """A file of a ticket the visitor may see: always a download, never rendered by the browser."""
    ticket = _visible_ticket(request, year, number)
    item = selectors.public_attachments(ticket).filter(token=token).first()
    if item is None:
        raise Http404
    return attachments.download(item)
