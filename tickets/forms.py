"""The steps of the ticket form. Each validates and labels; tickets.wizard strings them together."""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Self

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import ModelChoiceIterator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.formats import localize, number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from helpcenter.templatetags.content_lang import language_of
from helpcenter.widgets import ContentLanguageCheckboxSelectMultiple, ContentLanguageSelect
from portal.identifiers import CNPJFormField, CPFFormField, mask_cnpj, mask_cpf
from portal.models import Membership, User
from tickets import attachments, catalog
from tickets.models import FormField, Ticket, TicketType, format_protocol, parse_protocol

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from tickets.wizard import TicketWizard

REQUIRED = _("Preencha este campo.")


class WizardStepForm(forms.Form):
    """A step of the ticket form: ``tickets.wizard`` builds it from its state with ``for_wizard``."""

    #: Always a MultiValueDict: the posted QueryDict, the input stored in the session, or empty (unbound).
    data: MultiValueDict[str, str]
    #: Whether, and by what, a blank step's HTML may be kept (portal.templatetags.blank_forms).
    cache_blank_html = False
    blank_html_varies_with: tuple | None = None

    @classmethod
    def for_wizard(
        cls,
        wizard: "TicketWizard",
        *,
        data: MultiValueDict[str, str] | None = None,
        files: MultiValueDict[str, UploadedFile] | None = None,
    ) -> Self:
        raise NotImplementedError


class IdentificationForm(WizardStepForm):
    """Passo 1. Signed-in customers are not asked again for what their account already knows."""

    #: A visitor's blank step is the same for everyone (portal.templatetags.blank_forms); a
    #: customer's shows their companies.
    cache_blank_html = True

    cpf = CPFFormField(label=_("CPF"))
    name = forms.CharField(
        label=_("Nome do Solicitante"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    cnpj = CNPJFormField(label=_("CNPJ"))

    def __init__(
        self, *args: Any, user: User | None = None, memberships: Sequence[Membership] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is None:
            return
        self.cache_blank_html = False
        if self.user.cpf:
            del self.fields["cpf"]
        del self.fields["name"]
        companies = [(m.organization.cnpj, f"{m.organization.display_name} — {mask_cnpj(m.organization.cnpj)}")
                     for m in memberships]  # fmt: skip
        if companies:
            self.fields["cnpj"] = forms.ChoiceField(
                label=_("CNPJ"),
                choices=companies,
                initial=companies[0][0] if len(companies) == 1 else None,
                error_messages={"invalid_choice": _("Escolha uma das empresas às quais você está vinculado.")},
            )

    @classmethod
    def for_wizard(
        cls,
        wizard: "TicketWizard",
        *,
        data: MultiValueDict[str, str] | None = None,
        files: MultiValueDict[str, UploadedFile] | None = None,
    ) -> Self:
        return cls(data, files, user=wizard.user, memberships=wizard.memberships())

    @staticmethod
    def memberships_of(user: User | None) -> list[Membership]:
        if user is None or not user.is_authenticated:
            return []
        return list(Membership.objects.filter(user=user).select_related("organization").order_by("pk"))

    @property
    def account_rows(self) -> list[tuple["StrOrPromise", str]]:
        """What the signed-in customer's account already says, shown instead of being asked."""
        if self.user is None:
            return []
        rows: list[tuple[StrOrPromise, str]] = [(_("Nome do Solicitante"), self.user.name)]
        if self.user.cpf:
            rows.append((_("CPF"), mask_cpf(self.user.cpf)))
        return rows

    def requester(self) -> dict:
        """CPF, name and CNPJ, from the account where the customer is signed in."""
        data = dict(self.cleaned_data)
        if self.user is not None:
            data.setdefault("cpf", self.user.cpf)
            data["name"] = self.user.name
        return data


_PHONE_DIGITS = re.compile(r"\D")


def normalize_phone(value: str) -> str:
    """Brazilian numbers, with or without +55, DDD and punctuation → "(61) 99999-9999"."""
    digits = _PHONE_DIGITS.sub("", value)
    if digits.startswith("0800") and len(digits) == 11:
        return f"0800 {digits[4:7]} {digits[7:]}"
    if len(digits) in {12, 13} and digits.startswith("55"):
        digits = digits[2:]
    if len(digits) == 11 and digits[0] == "0":  # 0 + DDD + landline, as dialled long-distance
        digits = digits[1:]
    if len(digits) not in {10, 11} or digits[0] == "0" or digits[1] == "0":
        raise ValidationError(
            _("Telefone inválido. Informe o DDD e o número, por exemplo (61) 99999-9999."), code="invalid"
        )
    if len(digits) == 11 and digits[2] != "9":
        raise ValidationError(_("Celulares têm 9 dígitos começando por 9, por exemplo (61) 99999-9999."))
    return f"({digits[:2]}) {digits[2:-4]}-{digits[-4:]}"


class ContactForm(WizardStepForm):
    """Passo 2."""

    #: A visitor's blank step depends on the language it starts in alone (blank_forms).
    cache_blank_html = True

    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Telefone"),
        required=False,
        max_length=25,
        help_text=_("Com DDD, por exemplo (61) 99999-9999."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel-national", "inputmode": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Idioma para as respostas"), choices=Ticket.Language.choices, initial=Ticket.Language.PORTUGUESE
    )

    @classmethod
    def for_wizard(
        cls,
        wizard: "TicketWizard",
        *,
        data: MultiValueDict[str, str] | None = None,
        files: MultiValueDict[str, UploadedFile] | None = None,
    ) -> Self:
        initial = {"language": wizard.language}
        if wizard.user is not None:
            initial["email"] = wizard.user.email
        form = cls(data, files, initial=initial)
        if wizard.user is None:
            form.blank_html_varies_with = (wizard.language,)
        else:
            form.cache_blank_html = False
        return form

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        return normalize_phone(value) if value else ""


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": attachments.ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def _extra_field(definition: FormField) -> forms.Field:
    common: dict[str, Any] = {
        "label": definition.label,
        "required": definition.required,
        "help_text": definition.help_text,
    }
    kind = FormField.Kind
    match definition.kind:
        case kind.LONG_TEXT:
            return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common)
        case kind.CHOICE:
            choices = [(item, item) for item in definition.choice_list]
            widget = ContentLanguageSelect(default_language=language_of(definition))
            return forms.ChoiceField(choices=[("", "—"), *choices], widget=widget, **common)
        case kind.MULTIPLE_CHOICE:
            return forms.MultipleChoiceField(
                choices=[(item, item) for item in definition.choice_list],
                widget=ContentLanguageCheckboxSelectMultiple(default_language=language_of(definition)),
                **common,
            )
        case kind.DATE:
            return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
        case kind.NUMBER:
            return forms.DecimalField(max_digits=15, decimal_places=4, **common)
        case kind.YES_NO:
            return forms.TypedChoiceField(
                choices=[("sim", _("Sim")), ("nao", _("Não"))],
                coerce=lambda value: value == "sim",
                widget=forms.RadioSelect,
                **common,
            )
        case _:
            return forms.CharField(max_length=200, **common)


class CheckedFilesMixin(forms.Form):
    """A ``files`` field whose uploads are checked by content; keeps (file, kind) in ``checked_files``."""

    #: Set by ``check_files``, once the field has cleaned.
    checked_files: list[tuple[UploadedFile, attachments.Kind]]

    def clean_files(self):
        return self.check_files("files")

    def check_files(self, name: str):
        files = self.cleaned_data[name]
        errors = []
        self.checked_files = []
        for uploaded in files:
            try:
                kind = attachments.validate_file(uploaded)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                self.checked_files.append((uploaded, kind))
        if errors:
            raise ValidationError(errors)
        return files

    def check_file_set(self, name: str, *, kept_count: int = 0, kept_size: int = 0) -> None:
        """The new files together (with any already kept) within the count and total-size limits."""
        new = getattr(self, "checked_files", [])
        try:
            attachments.validate_set(kept_count + len(new), kept_size + sum(uploaded.size for uploaded, _kind in new))
        except ValidationError as error:
            self.add_error(name, error)


def _attachments_help() -> str:
    return _(
        "Até %(files)d arquivos, %(each)s cada e %(total)s no total: PDF, PNG, JPEG, TXT, CSV, DOCX, XLSX ou ODT. "
        "Não anexe documentos de saúde ou outros dados sensíveis se não forem necessários."
    ) % {
        "files": attachments.MAX_FILES,
        "each": filesizeformat(attachments.MAX_FILE_SIZE),
        "total": filesizeformat(attachments.MAX_TOTAL_SIZE),
    }


def _up_to_characters(limit: int) -> str:
    return _("Até %(limit)s caracteres.") % {"limit": number_format(limit, force_grouping=True)}


MESSAGE_LENGTH = 5000
#: The limits as the reader's language writes them, from the constants that enforce them.
ATTACHMENTS_HELP = lazy(_attachments_help, str)()
MESSAGE_LENGTH_HELP = lazy(_up_to_characters, str)(MESSAGE_LENGTH)


class _LoadedChoices(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for instance in self.field.instances:
            yield self.choice(instance)

    def __len__(self):
        return len(self.field.instances) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.instances)


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A choice among rows already loaded (``instances``): showing and checking it makes no query.

    The ticket form's steps are shown and posted many times per ticket, from rows kept in the cache
    (``tickets.catalog``); a plain ``ModelChoiceField`` would read its table again each time.
    """

    iterator = _LoadedChoices

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instances: list[Any] = []

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for instance in self.instances:
            if str(instance.pk) == str(value):
                return instance
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class RequestForm(CheckedFilesMixin, WizardStepForm):
    """Passo 3: what the customer needs, the form's own questions and the attachments."""

    #: Blank, its HTML depends on the ticket form's definition, the types and the language: it is
    #: keyed by the form and the catalog version they were read under (blank_forms).
    cache_blank_html = True

    type = LoadedModelChoiceField(
        label=_("Tipo"),
        queryset=TicketType.objects.none(),
        empty_label=_("Escolha o tipo de solicitação"),
        widget=ContentLanguageSelect,
    )
    title = forms.CharField(label=_("Assunto"), max_length=150)
    description = forms.CharField(
        label=_("Descrição"),
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy("{} {}", _("Conte o que aconteceu, quando, e o que você esperava."), MESSAGE_LENGTH_HELP),
    )
    # A declared field: the form's metaclass moves it to base_fields, so ``self.files`` stays the uploads.
    files = MultipleFileField(label=_("Anexos"), required=False, help_text=ATTACHMENTS_HELP)  # type: ignore[assignment]
    remove = forms.MultipleChoiceField(label=_("Remover"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, types, extra_fields, parked=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].instances = list(types)
        self.extra_definitions = list(extra_fields)
        for definition in self.extra_definitions:
            self.fields[definition.key] = _extra_field(definition)
        self.parked = list(parked)
        self.fields["remove"].choices = [(item["token"], item["original_name"]) for item in self.parked]
        # The attachments come last on the page, after the form's own questions.
        self.order_fields(["type", "title", "description", *(d.key for d in self.extra_definitions), "files"])

    @classmethod
    def for_wizard(
        cls,
        wizard: "TicketWizard",
        *,
        data: MultiValueDict[str, str] | None = None,
        files: MultiValueDict[str, UploadedFile] | None = None,
    ) -> Self:
        version = getattr(wizard.ticket_form, "catalog_version", None)
        form = cls(
            data,
            files,
            types=catalog.ticket_types(version),
            extra_fields=wizard.extra_fields(),
            parked=wizard.parked_files,
        )
        if version is None or form.parked:
            form.cache_blank_html = False
        else:
            form.blank_html_varies_with = (wizard.ticket_form.pk, version)
        return form

    def clean(self):
        cleaned = super().clean()
        kept = [item for item in self.parked if item["token"] not in cleaned.get("remove", [])]
        self.check_file_set("files", kept_count=len(kept), kept_size=sum(item["size"] for item in kept))
        return cleaned

    def extra_answers(self) -> list[dict]:
        """The form's own questions and their answers, as the ticket keeps them."""
        answers = []
        for definition in self.extra_definitions:
            value = self.cleaned_data.get(definition.key)
            answers.append({"field": definition.pk, "label": definition.label, "value": display_value(value)})
        return answers


def display_value(value) -> str:
    if value in (None, "", []):
        return ""
    if isinstance(value, bool):
        return str(_("Sim") if value else _("Não"))
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(localize(value))


def protocol_example() -> str:
    """A protocol number of this year, to show how one looks: 2026SS/00042."""
    return format_protocol(timezone.localdate().year, 42)


class ConsultForm(forms.Form):
    """Consulta de Solicitação de Serviço: by CPF (and open or closed) or by protocol number.

    Visitors without an account also give the requester's CPF when asking by number: the answer
    goes by e-mail to the address registered on the ticket, never on the page.
    """

    BY_CPF = "cpf"
    BY_NUMBER = "numero"
    OPEN = "abertas"
    CLOSED = "fechadas"

    by = forms.ChoiceField(
        label=_("Consultar por"),
        choices=[(BY_CPF, _("CPF")), (BY_NUMBER, _("Número da solicitação"))],
        widget=forms.RadioSelect,
        initial=BY_CPF,
        error_messages={"required": _("Escolha como consultar: por CPF ou pelo número da solicitação.")},
    )
    cpf = CPFFormField(label=_("CPF"), required=False)
    situation = forms.ChoiceField(
        label=_("Situação da Solicitação de Serviço"),
        choices=[(OPEN, _("Abertas")), (CLOSED, _("Fechadas"))],
        widget=forms.RadioSelect,
        initial=OPEN,
        required=False,
    )
    number = forms.CharField(label=_("Número da solicitação"), max_length=30, required=False)

    def __init__(self, *args, anonymous: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.anonymous = anonymous
        self.fields["number"].help_text = _("Ex.: %(example)s") % {"example": protocol_example()}

    def clean(self):
        cleaned = super().clean()
        by = cleaned.get("by")
        if by == self.BY_CPF:
            if not cleaned.get("cpf") and "cpf" not in self.errors:
                self.add_error("cpf", REQUIRED)
            if not cleaned.get("situation"):
                cleaned["situation"] = self.OPEN
        elif by == self.BY_NUMBER:
            number = cleaned.get("number", "")
            if not number:
                self.add_error("number", REQUIRED)
            else:
                protocol = parse_protocol(number)
                if protocol is None:
                    message = _("Número inválido. Informe o ano, SS e o número, por exemplo %(example)s.")
                    self.add_error("number", message % {"example": protocol_example()})
                cleaned["protocol"] = protocol
            if self.anonymous and not cleaned.get("cpf") and "cpf" not in self.errors:
                self.add_error("cpf", _("Informe também o CPF do solicitante."))
        return cleaned

    def criteria(self) -> dict:
        """What the results page needs, JSON-friendly for the session."""
        data = self.cleaned_data
        if data["by"] == self.BY_CPF:
            return {"by": self.BY_CPF, "cpf": data["cpf"], "situation": data["situation"]}
        year, number = data["protocol"]
        return {"by": self.BY_NUMBER, "year": year, "number": number, "cpf": data.get("cpf", "")}


class ReplyForm(CheckedFilesMixin):
    """A customer's new message on their ticket, with files."""

    cache_blank_html = True  # the same for everyone (portal.templatetags.blank_forms)

    body = forms.CharField(
        label=_("Sua mensagem"),
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MESSAGE_LENGTH_HELP,
    )
    # A declared field: the form's metaclass moves it to base_fields, so ``self.files`` stays the uploads.
    files = MultipleFileField(label=_("Anexos"), required=False, help_text=ATTACHMENTS_HELP)  # type: ignore[assignment]

    def clean(self):
        cleaned = super().clean()
        self.check_file_set("files")
        return cleaned


class ReopenForm(forms.Form):
    """Why the customer reopens their ticket: it becomes their message in the conversation."""

    cache_blank_html = True  # the same for everyone (portal.templatetags.blank_forms)

    reason = forms.CharField(
        label=_("O que ainda falta resolver?"),
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MESSAGE_LENGTH_HELP,
        error_messages={"required": _("Conte o que ainda falta resolver.")},
    )


class RateForm(forms.Form):
    """How the customer rates the service, once the ticket is resolved."""

    cache_blank_html = True  # the same for everyone (portal.templatetags.blank_forms)

    rating = forms.TypedChoiceField(
        label=_("Nota"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Escolha uma nota de 1 a 5.")},
    )
    comment = forms.CharField(
        label=_("Comentário (opcional)"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
