"""The four-step ticket form, kept in the visitor's session between requests.

Each step's raw input is stored as typed (valid or not), so going back, leaving and coming
back, or an error on a later step never loses anything. Accepted attachments are parked in
private storage right away and listed in the session until the ticket takes them or the
visitor clears the form. The form's data is only trusted once every step validates again,
at the moment of sending.
"""

import secrets
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from tickets import attachments, services
from tickets.forms import ContactForm, IdentificationForm, RequestForm
from tickets.models import TicketForm, TicketType, private_storage
from tickets.selectors import SUBMITTED_SESSION_KEY


@dataclass(frozen=True)
class Step:
    name: str
    title: str


STEPS = (
    Step("identificacao", _("Identificação")),
    Step("contato", _("Contato")),
    Step("solicitacao", _("Solicitação")),
    Step("revisao", _("Revisão")),
)
STEP_NAMES = [step.name for step in STEPS]
#: Fields whose input is never kept in the session: files are parked apart, "remove" acts at once.
NOT_STORED = {"files", "remove"}
#: How much of a field without its own length limit (a choice, a date, a number) is kept.
MAX_STORED_CHARS = 200


class TicketWizard:
    def __init__(self, request, ticket_form: TicketForm):
        self.request = request
        self.ticket_form = ticket_form
        self.session_key = f"ticket_form:{ticket_form.slug}"
        self.state = request.session.get(self.session_key) or self._fresh_state()
        self._memberships = None
        self._extra_fields = None
        self._stored_forms = {}

    # State ---------------------------------------------------------------------------------------

    @staticmethod
    def _fresh_state() -> dict:
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
    def step(self) -> Step:
        return STEPS[self.index]

    def go_to(self, index: int) -> None:
        self.state["step"] = index
        self.state["reached"] = max(self.state["reached"], index)

    def can_post(self, step_name: str | None) -> bool:
        """A step may be posted when the visitor has reached it (an older tab is fine, a forged one is not)."""
        return step_name in STEP_NAMES and STEP_NAMES.index(step_name) <= self.state["reached"]

    def remember(self, step_name: str, data) -> None:
        """Keep what was typed in the step's own fields, each cut to its field's limit.

        Anything else in the post (forged keys, oversized values) is dropped, so a session row
        stays small whatever a client sends.
        """
        fields = self._build(step_name, None, None).fields
        kept = {}
        for name, field in fields.items():
            if name in NOT_STORED or name not in data:
                continue
            limit = getattr(field, "max_length", None) or MAX_STORED_CHARS
            many = len(field.choices) if isinstance(field, forms.MultipleChoiceField) else 1
            values = data.getlist(name)[:many]
            kept[name] = [str(value)[:limit] for value in values]
        self.state["data"][step_name] = kept
        self._stored_forms.pop(step_name, None)

    def stored(self, step_name: str) -> MultiValueDict | None:
        stored = self.state["data"].get(step_name)
        return MultiValueDict(stored) if stored is not None else None

    def clear(self) -> None:
        for item in self.state["files"]:
            private_storage.delete(item["path"])
        self.request.session.pop(self.session_key, None)
        self.state = self._fresh_state()

    # Forms ---------------------------------------------------------------------------------------

    @property
    def user(self):
        return self.request.user if self.request.user.is_authenticated else None

    def memberships(self):
        if self._memberships is None:
            self._memberships = IdentificationForm.memberships_of(self.user)
        return self._memberships

    def extra_fields(self):
        if self._extra_fields is None:
            self._extra_fields = list(self.ticket_form.fields.all())
        return self._extra_fields

    def initial(self, step_name: str) -> dict:
        if step_name == "contato" and self.user is not None:
            return {"email": self.user.email, "language": self.request.LANGUAGE_CODE}
        if step_name == "contato":
            return {"language": self.request.LANGUAGE_CODE}
        return {}

    def form(self, step_name: str, data=None, files=None):
        """The step's form: bound to what was posted, else to what was stored, else blank."""
        if data is None:
            if step_name not in self._stored_forms:
                self._stored_forms[step_name] = self._build(step_name, self.stored(step_name), None)
            return self._stored_forms[step_name]
        return self._build(step_name, data, files)

    def _build(self, step_name: str, bound, files):
        kwargs = {"data": bound, "files": files, "initial": self.initial(step_name)}
        match step_name:
            case "identificacao":
                return IdentificationForm(user=self.user, memberships=self.memberships(), **kwargs)
            case "contato":
                return ContactForm(**kwargs)
            case "solicitacao":
                return RequestForm(
                    types=TicketType.objects.active(),
                    extra_fields=self.extra_fields(),
                    parked=self.state["files"],
                    **kwargs,
                )
        return None

    def park_files(self, form: RequestForm) -> None:
        """Drop the files the visitor removed, and keep the new ones only if the whole set is valid.

        A refused set (a file of the wrong type, too many, too big together) keeps nothing new,
        so a draft never holds more than the attachment limits allow.
        """
        removed = set(form.data.getlist("remove")) if form.data else set()
        for item in [item for item in self.state["files"] if item["token"] in removed]:
            private_storage.delete(item["path"])
        self.state["files"] = [item for item in self.state["files"] if item["token"] not in removed]
        if "files" in form.errors:
            return
        new = getattr(form, "checked_files", [])
        count = len(self.state["files"]) + len(new)
        total = sum(item["size"] for item in self.state["files"]) + sum(uploaded.size for uploaded, _kind in new)
        if count > attachments.MAX_FILES or total > attachments.MAX_TOTAL_SIZE:
            return  # the form said so already; never park past the limits
        for uploaded, kind in new:
            token = secrets.token_urlsafe(24)
            path = private_storage.save(f"rascunhos/{timezone.now():%Y/%m/%d}/{token}", uploaded)
            self.state["files"].append(
                {
                    "token": token,
                    "path": path,
                    "original_name": attachments.safe_name(uploaded.name),
                    "content_type": kind.content_type,
                    "size": uploaded.size,
                }
            )

    def first_invalid_step(self) -> tuple[int, object] | None:
        for index, step in enumerate(STEPS[:-1]):
            form = self.form(step.name)
            if form.data is None or not form.is_valid():
                return index, form
        return None

    def submit(self):
        """Validate every step again and open the ticket. Returns (ticket, created) or None."""
        if self.first_invalid_step() is not None:
            return None
        identification = self.form("identificacao")
        contact = self.form("contato")
        request_form = self.form("solicitacao")
        for form in (identification, contact, request_form):
            form.is_valid()
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
                for item in self.state["files"]
            ],
            created_by=self.user,
        )
        submitted = self.request.session.get(SUBMITTED_SESSION_KEY, {})
        submitted[self.key] = [ticket.year, ticket.number]
        self.request.session[SUBMITTED_SESSION_KEY] = submitted
        self.request.session.pop(self.session_key, None)
        return ticket, created


def submitted_ticket(session, key: str | None):
    """The (year, number) a submission key already produced in this session, if any."""
    if not key:
        return None
    return session.get(SUBMITTED_SESSION_KEY, {}).get(key)
