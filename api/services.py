"""Writes of the customer API: opening and answering tickets, with the rules of the portal's own forms.

The input is checked by the very forms the ticket wizard uses (identification, contact, request
with its extra fields), so a ticket opened through the API obeys the same rules as one typed in
the portal; then ``tickets.services`` does the writing.
"""

import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from credentials.models import ApiCredential
from tickets import services as ticket_services
from tickets.forms import ContactForm, IdentificationForm, ReplyForm, RequestForm
from tickets.models import Message, Ticket, TicketForm, TicketType

#: Where each form field's errors point in the API's JSON body.
_POINTERS = {"cpf": "requester_cpf", "name": "requester_name", "cnpj": "requester_cpf"}


def submission_key(credential: ApiCredential, idempotency_key: str | None, fingerprint: str = "") -> str:
    """The ticket's submission key: derived from the Idempotency-Key and the request (so the same
    request retried finds the same ticket even past the idempotency record's 24 hours, and the key
    reused later for another request opens another ticket), or a fresh one."""
    if idempotency_key is None:
        return ticket_services.new_submission_key()
    return hashlib.sha256(f"api:{credential.pk}:{idempotency_key}:{fingerprint}".encode()).hexdigest()


def _as_form_values(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bool):
        return ["sim" if value else "nao"]
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]


def _errors(form, prefix: str = "") -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name, messages in form.errors.items():
        if name == "__all__":
            key = ""
        elif name.startswith("extra_"):
            key = f"extra/{name}"
        else:
            key = _POINTERS.get(name, name)
        errors.setdefault(key, []).extend(messages)
    return errors


def _type_id(value: int | str) -> str:
    """A type's id, given its id or its name (as GET /forms lists them); else the value, for the form to refuse."""
    if isinstance(value, str) and not value.isdigit():
        found = TicketType.objects.active().filter(name__iexact=value.strip()).values_list("pk", flat=True).first()
        return str(found) if found is not None else value
    return str(value)


def ticket_open(
    *,
    credential: ApiCredential,
    data: dict[str, Any],
    language: str,
    idempotency_key: str | None,
    fingerprint: str = "",
) -> tuple[Ticket, bool]:
    """Open a ticket for the key's company. Raises ValidationError({pointer: [messages]}) on bad input."""
    organization = credential.contract.organization
    form = TicketForm.objects.active().select_related("product", "subject", "team").filter(slug=data["form"]).first()
    if form is None:
        raise ValidationError({"form": [_("Formulário inexistente ou inativo. Veja os disponíveis em GET /forms.")]})
    fields = list(form.fields.all())
    identification = IdentificationForm(
        {"cpf": data["requester_cpf"], "name": data["requester_name"], "cnpj": organization.cnpj}
    )
    contact = ContactForm({"email": data["email"], "phone": data["phone"], "language": data["language"] or language})
    known = {field.key for field in fields}
    request_data = MultiValueDict(
        {"type": [_type_id(data["type"])], "title": [data["title"]], "description": [data["description"]]}
    )
    for key, value in data["extra"].items():
        if key in known:
            request_data.setlist(key, _as_form_values(value))
    request_form = RequestForm(request_data, MultiValueDict(), types=TicketType.objects.active(), extra_fields=fields)
    errors: dict[str, list[str]] = {}
    for step in (identification, contact, request_form):
        if not step.is_valid():
            for key, messages in _errors(step).items():
                errors.setdefault(key, []).extend(messages)
    for key in sorted(set(data["extra"]) - known):
        errors[f"extra/{key}"] = [_("Este formulário não tem este campo.")]
    if errors:
        raise ValidationError(errors)
    return ticket_services.ticket_open(
        submission_key=submission_key(credential, idempotency_key, fingerprint),
        form=form,
        requester_cpf=identification.cleaned_data["cpf"],
        requester_name=identification.cleaned_data["name"],
        cnpj=organization.cnpj,
        email=contact.cleaned_data["email"],
        phone=contact.cleaned_data["phone"],
        language=contact.cleaned_data["language"],
        type=request_form.cleaned_data["type"],
        title=request_form.cleaned_data["title"],
        description=request_form.cleaned_data["description"],
        extra=request_form.extra_answers(),
        files=[],
        company_verified=True,
    )


def ticket_reply(*, ticket: Ticket, data, files) -> Message:
    """The company writes on its ticket, with attachments checked as the portal checks them.

    Raises ValidationError({pointer: [messages]}) on bad input, TicketActionRefused when closed.
    """
    form = ReplyForm(data, files)
    if not form.is_valid():
        raise ValidationError(_errors(form))
    return ticket_services.ticket_reply(ticket, body=form.cleaned_data["body"], uploads=form.checked_files)
