"""CPF and CNPJ: normalisation, validation, masking, and the fields that use them.

This module is the one place that knows these formats:

* a CPF is 11 digits, the last two being check digits;
* a CNPJ is 14 characters: 12 letters or digits (letters since the alphanumeric
  CNPJ of 2026) followed by 2 check digits.

Input is accepted with the usual punctuation (dots, dashes, slashes), spaces and
lower-case letters; everything is stored normalised (digits and capitals only)
and shown masked. The check digits are verified by validate-docbr, behind an
exact length and charset check of our own, because validate-docbr zero-pads
short CPFs and accepts characters we must refuse.
"""

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from validate_docbr import CNPJ, CPF

CPF_LENGTH = 11
CNPJ_LENGTH = 14

_SEPARATORS = re.compile(r"[\s./-]")
# [0-9] rather than \d: \d also matches digits of other scripts.
_CPF_SHAPE = re.compile(r"[0-9]{11}")
_CNPJ_SHAPE = re.compile(r"[0-9A-Z]{12}[0-9]{2}")

_cpf = CPF()
_cnpj = CNPJ()


def normalize_cpf(value: str | None) -> str:
    """Strip punctuation and spaces: '529.982.247-25' -> '52998224725'."""
    return _SEPARATORS.sub("", value or "")


def normalize_cnpj(value: str | None) -> str:
    """Strip punctuation and spaces and upper-case: '12.abc.345/01de-35' -> '12ABC34501DE35'."""
    return _SEPARATORS.sub("", value or "").upper()


def is_valid_cpf(value: str) -> bool:
    cpf = normalize_cpf(value)
    # validate-docbr already refuses the ten repeated-digit CPFs (their check
    # digits are "right"); we say so here too rather than rely on it.
    return bool(_CPF_SHAPE.fullmatch(cpf)) and len(set(cpf)) > 1 and _cpf.validate(cpf)


def is_valid_cnpj(value: str) -> bool:
    cnpj = normalize_cnpj(value)
    return bool(_CNPJ_SHAPE.fullmatch(cnpj)) and len(set(cnpj)) > 1 and _cnpj.validate(cnpj)


def looks_like_cpf(value: str) -> bool:
    """True when the value has the shape of a CPF (check digits not verified)."""
    return bool(_CPF_SHAPE.fullmatch(normalize_cpf(value)))


def login_key(value: str) -> str:
    """The one key a login name is counted under, however it was typed.

    A login names the same account whatever its spelling (`User.objects.find_for_login`), so
    anything that counts logins, like the lockout after failed attempts, must count every
    spelling under one key. A CPF in any common format gives its 11 digits
    (' 529.982.247-25' -> '52998224725'); anything else, an e-mail above all, is stripped and
    lower-cased. It is upper-cased first because the database compares e-mails by
    UPPER(...) = UPPER(...), which also matches 'ı' with 'i' and 'ſ' with 's'
    ('MARıA@Cliente.Example' -> 'maria@cliente.example').
    """
    value = (value or "").strip()
    if looks_like_cpf(value):
        return normalize_cpf(value)
    return value.upper().lower()


def mask_cpf(value: str) -> str:
    """'52998224725' -> '529.982.247-25'; anything that is not a CPF is returned as is."""
    cpf = normalize_cpf(value)
    if not _CPF_SHAPE.fullmatch(cpf):
        return value or ""
    return f"{cpf[:3]}.{cpf[3:6]}.{cpf[6:9]}-{cpf[9:]}"


def redact_cpf(value: str) -> str:
    """'52998224725' -> '***.982.247-**': for lists, where the full CPF is not needed."""
    cpf = normalize_cpf(value)
    if not _CPF_SHAPE.fullmatch(cpf):
        return ""
    return f"***.{cpf[3:6]}.{cpf[6:9]}-**"


def mask_cnpj(value: str) -> str:
    """'12ABC34501DE35' -> '12.ABC.345/01DE-35'; anything that is not a CNPJ is returned as is."""
    cnpj = normalize_cnpj(value)
    if not _CNPJ_SHAPE.fullmatch(cnpj):
        return value or ""
    return f"{cnpj[:2]}.{cnpj[2:5]}.{cnpj[5:8]}/{cnpj[8:12]}-{cnpj[12:]}"


def validate_cpf(value: str) -> None:
    """Says what is wrong: the shape (not 11 digits), or the check digits of a well-formed CPF."""
    if not _CPF_SHAPE.fullmatch(normalize_cpf(value)):
        raise ValidationError(
            _("CPF inválido. Informe os 11 dígitos do CPF, por exemplo 000.000.000-00."),
            code="invalid_cpf",
        )
    if not is_valid_cpf(value):
        raise ValidationError(
            _("CPF inválido (dígito verificador). Confira os números digitados."), code="invalid_cpf_check_digits"
        )


def validate_cnpj(value: str) -> None:
    """Says what is wrong: the shape (not 14 characters), or the check digits of a well-formed CNPJ."""
    if not _CNPJ_SHAPE.fullmatch(normalize_cnpj(value)):
        raise ValidationError(
            _("CNPJ inválido. Informe os 14 caracteres do CNPJ, por exemplo 00.000.000/0000-00."),
            code="invalid_cnpj",
        )
    if not is_valid_cnpj(value):
        raise ValidationError(
            _("CNPJ inválido (dígito verificador). Confira os caracteres digitados."), code="invalid_cnpj_check_digits"
        )


class CPFFormField(forms.CharField):
    """A CPF typed by a person: accepts punctuation, cleans to 11 digits."""

    default_validators = [validate_cpf]

    def __init__(self, **kwargs: Any) -> None:
        # Room for the mask and stray spaces; the validator checks the real length.
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("CPF"))
        kwargs.setdefault("help_text", _("Ex: 000.000.000-00"))
        super().__init__(**kwargs)

    def to_python(self, value: Any | None) -> str:
        return normalize_cpf(super().to_python(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {**super().widget_attrs(widget), "inputmode": "numeric", "autocomplete": "off"}


class CNPJFormField(forms.CharField):
    """A CNPJ typed by a person: accepts punctuation and lower case, cleans to 14 characters."""

    default_validators = [validate_cnpj]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 24)
        kwargs.setdefault("label", _("CNPJ"))
        kwargs.setdefault("help_text", _("Ex: 00.000.000/0000-00"))
        super().__init__(**kwargs)

    def to_python(self, value: Any | None) -> str:
        return normalize_cnpj(super().to_python(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {**super().widget_attrs(widget), "autocomplete": "off", "autocapitalize": "characters"}


class CPFField(models.CharField):
    """Model field: stores the normalised CPF, validates check digits on full_clean()."""

    default_validators = [validate_cpf]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["max_length"] = CPF_LENGTH
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, Sequence[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value: Any) -> str | None:
        value = super().to_python(value)
        return normalize_cpf(value) if value else value

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        # The typed value may carry a mask, so the widget must allow more than 11 characters.
        return super().formfield(**{"form_class": CPFFormField, "max_length": 20, **kwargs})


class CNPJField(models.CharField):
    """Model field: stores the normalised CNPJ, validates check digits on full_clean()."""

    default_validators = [validate_cnpj]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["max_length"] = CNPJ_LENGTH
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, Sequence[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value: Any) -> str | None:
        value = super().to_python(value)
        return normalize_cnpj(value) if value else value

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        return super().formfield(**{"form_class": CNPJFormField, "max_length": 24, **kwargs})
