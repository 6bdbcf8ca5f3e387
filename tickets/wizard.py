"""The four-step ticket form, kept in the visitor's session between requests.

Each step's raw input is stored as typed (valid or not), so going back, leaving and coming
back, switching the language, or an error on a later step never loses anything. Accepted
attachments are parked in private storage and listed in the session until the ticket takes
them or the visitor clears the form. The form's data is only trusted once every step validates
again, at the moment of sending.

Each ``Step`` carries its form class; ``TicketWizard`` holds the navigation (which step may be
posted, where "Próximo", "Voltar" and "Alterar" lead), the review and the sending. The view only
translates HTTP.
"""

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.contrib.sessions.backends.base import SessionBase
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from helpcenter.templatetags.content_lang import in_content_lang
from portal.identifiers import CNPJFormField, CPFFormField, mask_cnpj, mask_cpf
from portal.models import Membership, User
from tickets import attachments, services
from tickets.forms import ContactForm, IdentificationForm, RequestForm, WizardStepForm, display_value
from tickets.models import FormField, Ticket, TicketForm, private_storage
from tickets.selectors import SUBMITTED_SESSION_KEY

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Step[F: WizardStepForm]:
    name: str
    title: "StrOrPromise"
    #: The step's form; None for the review, which shows the others.
    form_class: type[F] | None = None

    @property
    def is_review(self) -> bool:
        return self.form_class is None

    @property
    def takes_files(self) -> bool:
        return self.form_class is not None and "files" in self.form_class.base_fields


IDENTIFICATION = Step("identificacao", _("Identificação"), IdentificationForm)
CONTACT = Step("contato", _("Contato"), ContactForm)
REQUEST = Step("solicitacao", _("Solicitação"), RequestForm)
REVIEW: Step[WizardStepForm] = Step("revisao", _("Revisão"))
STEPS: tuple[Step[WizardStepForm], ...] = (IDENTIFICATION, CONTACT, REQUEST, REVIEW)
FORM_STEPS = [step for step in STEPS if not step.is_review]
#: Fields whose input is never kept in the session: files are parked apart, "remove" acts at once.
NOT_STORED = {"files", "remove"}
#: How much of a field without its own length limit (a choice, a date, a number) is kept.
MAX_STORED_CHARS = 200


@dataclass(frozen=True)
class Action:
    """What a button of the form asks for: "next", "back", "goto:<step>" or "language:<code>"."""

    kind: str
    target: str = ""

    @classmethod
    def parse(cls, value: str | None) -> "Action":
        kind, _sep, target = (value or "next").partition(":")
        return cls(kind, target) if kind in {"next", "back", "goto", "language"} else cls("next")

    @property
    def moves(self) -> bool:
        """Leaves the step without checking it: what was typed is kept as it is."""
        return self.kind in {"back", "goto", "language"}


class TicketWizard:
    def __init__(self, request: HttpRequest, ticket_form: TicketForm) -> None:
        self.request = request
        self.ticket_form = ticket_form
        self.session_key = f"ticket_form:{ticket_form.slug}"
        self.state: dict[str, Any] = request.session.get(self.session_key) or self._fresh_state()
        self._memberships: list[Membership] | None = None
        self._extra_fields: list[FormField] | None = None
        #: The forms bound to the stored input, by step name: each is the form class of its step.
        self._stored_forms: dict[str, WizardStepForm] = {}

    # State ---------------------------------------------------------------------------------------

    @staticmethod
    def _fresh_state() -> dict[str, Any]:
        return {"key": services.new_submission_key(), "step": 0, "reached": 0, "data": {}, "files": []}

    def save(self) -> None:
        self.request.session[self.session_key] = self.state
        self.request.session.modified = True

    @property
    def key(self) -> str:
        return self.state["key"]

    @property
    def index(self) -> int:
        return self.state["step"]

    @property
    def step(self) -> Step[WizardStepForm]:
        return STEPS[self.index]

    @property
    def parked_files(self) -> list[dict]:
        return self.state["files"]

    def go_to(self, index: int) -> None:
        self.state["step"] = index
        self.state["reached"] = max(self.state["reached"], index)

    def postable(self, step_name: str | None) -> Step[WizardStepForm] | None:
        """The posted step, if the visitor has reached it (an older tab is fine, a forged one is not)."""
        for index, step in enumerate(STEPS):
            if step.name == step_name and index <= self.state["reached"]:
                return step
        return None

    def clear(self) -> None:
        for item in self.parked_files:
            attachments.delete_quietly(private_storage, item["path"])
        self.request.session.pop(self.session_key, None)
        self.state = self._fresh_state()

    # Forms ---------------------------------------------------------------------------------------

    @property
    def user(self) -> User | None:
        return self.request.user if self.request.user.is_authenticated else None

    @property
    def language(self) -> str:
        return self.request.LANGUAGE_CODE

    def memberships(self) -> list[Membership]:
        if self._memberships is None:
            self._memberships = IdentificationForm.memberships_of(self.user)
        return self._memberships

    def extra_fields(self) -> list[FormField]:
        if self._extra_fields is None:
            self._extra_fields = list(self.ticket_form.fields.all())
        return self._extra_fields

    def form[F: WizardStepForm](
        self,
        step: Step[F],
        data: MultiValueDict[str, str] | None = None,
        files: MultiValueDict[str, UploadedFile] | None = None,
    ) -> F:
        """The step's form: bound to what was posted, else to what was stored, else blank."""
        if data is not None:
            return _marked(_form_class(step).for_wizard(self, data=data, files=files))
        if step.name not in self._stored_forms:
            stored = self.state["data"].get(step.name)
            bound = MultiValueDict(stored) if stored is not None else None
            self._stored_forms[step.name] = _marked(_form_class(step).for_wizard(self, data=bound))
        return cast(F, self._stored_forms[step.name])

    def remember(self, step: Step[WizardStepForm], data: MultiValueDict[str, str]) -> None:
        """Keep what was typed in the step's own fields, each cut to its field's limit.

        Anything else in the post (forged keys, oversized values) is dropped, so a session row
        stays small whatever a client sends.
        """
        kept: dict[str, list[str]] = {}
        for name, field in _form_class(step).for_wizard(self).fields.items():
            if name in NOT_STORED or name not in data:
                continue
            limit = getattr(field, "max_length", None) or MAX_STORED_CHARS
            # django-stubs types the getter as any choices input; Django returns the normalised list.
            many = len(field.choices) if isinstance(field, forms.MultipleChoiceField) else 1  # type: ignore[arg-type]
            kept[name] = [str(value)[:limit] for value in data.getlist(name)[:many]]
        self.state["data"][step.name] = kept
        self._stored_forms.pop(step.name, None)

    def prefill(self, step_name: str, data: dict[str, str]) -> None:
        """Start a step with some answers already typed (another app's "Solicitar ajuda" button).

        The answers go through ``remember``, so only the step's own fields are kept, each cut to
        its limit; the step's other answers already in the draft stay as they were. Callers check
        that the person may see what they prefill; nothing is trusted until the step validates.
        """
        step = next(step for step in FORM_STEPS if step.name == step_name)
        typed = dict(self.state["data"].get(step.name, {}))
        self.remember(step, MultiValueDict({name: [value] for name, value in data.items()}))
        self.state["data"][step.name] = {**typed, **self.state["data"][step.name]}

    def park_files(self, form: WizardStepForm) -> bool:
        """Drop the files the visitor removed, and keep the new ones only if the whole set is valid.

        A refused set (a file of the wrong type, too many, too big together) keeps nothing new,
        so a draft never holds more than the attachment limits allow. False when storage failed
        (a full disk, object storage down): the form says so on its files, the text stays typed.
        """
        removed = set(form.data.getlist("remove")) if form.data else set()
        for item in [item for item in self.parked_files if item["token"] in removed]:
            attachments.delete_quietly(private_storage, item["path"])
        self.state["files"] = [item for item in self.parked_files if item["token"] not in removed]
        if "files" in form.errors:
            return True
        new = getattr(form, "checked_files", [])
        count = len(self.parked_files) + len(new)
        total = sum(item["size"] for item in self.parked_files) + sum(uploaded.size for uploaded, _kind in new)
        if count > attachments.MAX_FILES or total > attachments.MAX_TOTAL_SIZE:
            return True  # the form said so already; never park past the limits
        for uploaded, kind in new:
            token = secrets.token_urlsafe(24)
            try:
                path = private_storage.save(f"rascunhos/{timezone.now():%Y/%m/%d}/{token}", uploaded)
            except attachments.STORAGE_ERRORS:
                logger.exception("Private storage refused a file of a ticket form")
                form.add_error("files", attachments.STORAGE_FAILED_UPLOAD)
                return False
            self.parked_files.append(
                {
                    "token": token,
                    "path": path,
                    "original_name": attachments.safe_name(uploaded.name),
                    "content_type": kind.content_type,
                    "size": uploaded.size,
                }
            )
        return True

    # Navigation ----------------------------------------------------------------------------------

    def keep(
        self, step: Step[WizardStepForm], data: MultiValueDict[str, str], files: MultiValueDict[str, UploadedFile]
    ) -> None:
        """Leaving a step by "Voltar", "Alterar" or the language menu: keep what it holds, unchecked.

        The typed text is stored as it is; files chosen on the way out are parked too, if the
        set is valid, so they are still listed when the visitor comes back.
        """
        if step.is_review:
            return
        self.remember(step, data)
        if step.takes_files:
            form = self.form(step, data=data, files=files)
            form.is_valid()
            if not self.park_files(form):
                messages.error(self.request, attachments.STORAGE_FAILED_UPLOAD)

    def move(self, step: Step[WizardStepForm], action: Action) -> None:
        """Go where "Voltar" or "Alterar" leads, never past the furthest step reached."""
        here = STEPS.index(step)
        names = [item.name for item in STEPS]
        if action.kind == "back":
            target = here - 1
        elif action.kind == "goto" and action.target in names:
            target = names.index(action.target)
        else:
            target = here
        self.go_to(max(0, min(target, self.state["reached"])))

    def advance(
        self, step: Step[WizardStepForm], data: MultiValueDict[str, str], files: MultiValueDict[str, UploadedFile]
    ) -> WizardStepForm | None:
        """ "Próximo" on a form step: on to the next step, or the step's form with its errors."""
        self.remember(step, data)
        form = self.form(step, data=data, files=files)
        valid = form.is_valid()
        if step.takes_files:
            valid = self.park_files(form) and valid
        index = STEPS.index(step)
        self.go_to(index + 1 if valid else index)
        return None if valid else form

    def first_invalid_step(self) -> int | None:
        for index, step in enumerate(FORM_STEPS):
            form = self.form(step)
            if not form.is_bound or not form.is_valid():
                return index
        return None

    # The review and sending -----------------------------------------------------------------------

    def review(self) -> list[dict[str, Any]]:
        """Every step's answers, as the customer will see them before sending."""
        sections: list[dict[str, Any]] = []
        for step in FORM_STEPS:
            form = self.form(step)
            valid = form.is_bound and form.is_valid()
            rows: list[tuple[StrOrPromise, StrOrPromise]] = list(getattr(form, "account_rows", []))
            for bound in form:
                if bound.name in NOT_STORED:
                    continue
                value = form.cleaned_data.get(bound.name) if valid else bound.value()
                rows.append((bound.label, _review_value(bound, value)))
            if step.takes_files:
                names = ", ".join(item["original_name"] for item in self.parked_files) or _("Nenhum")
                rows.append((_("Anexos"), names))
            sections.append({"step": step, "rows": rows, "valid": valid})
        return sections

    def requester_cpf(self) -> str:
        return self.form(IDENTIFICATION).requester()["cpf"] or ""

    def submit(self) -> tuple[Ticket, bool]:
        """Open the ticket from steps that all validate. Returns (ticket, created)."""
        identification, contact, request_form = self.form(IDENTIFICATION), self.form(CONTACT), self.form(REQUEST)
        requester = identification.requester()
        ticket, created = services.ticket_open(
            submission_key=self.key,
            form=self.ticket_form,
            requester_cpf=requester["cpf"],
            requester_name=requester["name"],
            cnpj=requester["cnpj"],
            email=contact.cleaned_data["email"],
            phone=contact.cleaned_data["phone"],
            language=contact.cleaned_data["language"],
            type=request_form.cleaned_data["type"],
            title=request_form.cleaned_data["title"],
            description=request_form.cleaned_data["description"],
            extra=request_form.extra_answers(),
            files=[
                services.PendingFile(
                    path=item["path"],
                    original_name=item["original_name"],
                    content_type=item["content_type"],
                    size=item["size"],
                )
                for item in self.parked_files
            ],
            created_by=self.user,
        )
        submitted = self.request.session.get(SUBMITTED_SESSION_KEY, {})
        submitted[self.key] = [ticket.year, ticket.number]
        self.request.session[SUBMITTED_SESSION_KEY] = submitted
        self.request.session.pop(self.session_key, None)
        return ticket, created


def _marked[F: WizardStepForm](form: F) -> F:
    """Staff write the form's own questions in Portuguese: their labels say so on en and es pages."""
    for definition in getattr(form, "extra_definitions", ()):
        field = form.fields[definition.key]
        field.label = in_content_lang(field.label)
    return form


def _form_class[F: WizardStepForm](step: Step[F]) -> type[F]:
    if step.form_class is None:
        raise ValueError(f"The step {step.name!r} has no form.")
    return step.form_class


def _review_value(bound: forms.BoundField, value: Any) -> str:
    """A field's answer as the review shows it: labels for choices, identifiers masked."""
    field = bound.field
    if isinstance(field, CPFFormField) and value:
        return mask_cpf(str(value))
    if isinstance(field, CNPJFormField) and value:
        return mask_cnpj(str(value))
    if hasattr(field, "choices") and not isinstance(value, bool):
        labels = {str(key): label for key, label in field.choices}
        if isinstance(value, list):
            return ", ".join(str(labels.get(str(item), item)) for item in value)
        if value is not None and str(getattr(value, "pk", value)) in labels:
            return str(labels[str(getattr(value, "pk", value))])
    return display_value(value)


def submitted_ticket(session: SessionBase, key: str | None) -> list[int] | None:
    """The (year, number) a submission key already produced in this session, if any."""
    if not key:
        return None
    return session.get(SUBMITTED_SESSION_KEY, {}).get(key)
