import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from portal.identifiers import (
    CNPJFormField,
    CPFFormField,
    is_valid_cnpj,
    is_valid_cpf,
    mask_cnpj,
    mask_cpf,
    normalize_cnpj,
    normalize_cpf,
    redact_cpf,
    validate_cnpj,
    validate_cpf,
)
from tests.factories import valid_cnpj, valid_cpf

VALID_CPF = "52998224725"
VALID_CNPJ = "11222333000181"
VALID_ALPHANUMERIC_CNPJ = "12ABC34501DE35"  # the example published with the 2026 format


# CPF


@pytest.mark.parametrize(
    "typed",
    ["52998224725", "529.982.247-25", " 529.982.247-25 ", "529 982 247 25", "529982247-25", "529.982.247/25"],
)
def test_cpf_is_accepted_with_usual_punctuation_and_spaces(typed):
    assert is_valid_cpf(typed)
    assert normalize_cpf(typed) == VALID_CPF


@pytest.mark.parametrize("digit", "0123456789")
def test_repeated_digit_cpfs_are_rejected_although_their_check_digits_add_up(digit):
    assert not is_valid_cpf(digit * 11)


@pytest.mark.parametrize(
    "typed",
    [
        "5299822472",  # short: validate-docbr would zero-pad it
        "052998224725",  # long
        "",
        "52998224726",  # wrong check digit
        "529.982.247-2",
        "52998224a25",
        "5299822472５",  # full-width digit
        "٥٢٩٩٨٢٢٤٧٢٥",  # Arabic-Indic digits match \d but are not a CPF
        "529_982_247_25",
    ],
)
def test_cpf_with_wrong_length_digits_or_characters_is_rejected(typed):
    assert not is_valid_cpf(typed)


def test_cpf_series_used_by_factories_is_valid():
    assert all(is_valid_cpf(valid_cpf(n)) for n in range(500))


def test_cpf_masks_for_display_and_redacts_for_lists():
    assert mask_cpf(VALID_CPF) == "529.982.247-25"
    assert redact_cpf("529.982.247-25") == "***.982.247-**"
    assert mask_cpf("not a cpf") == "not a cpf"
    assert redact_cpf("123") == ""


def test_validate_cpf_raises_a_message_that_says_what_to_type():
    with pytest.raises(ValidationError) as excinfo:
        validate_cpf("123")
    assert excinfo.value.code == "invalid_cpf"
    assert "11 dígitos" in str(excinfo.value.messages[0])


# CNPJ


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("11222333000181", VALID_CNPJ),
        ("11.222.333/0001-81", VALID_CNPJ),
        (" 11.222.333/0001-81 ", VALID_CNPJ),
        ("11 222 333 0001 81", VALID_CNPJ),
        ("12ABC34501DE35", VALID_ALPHANUMERIC_CNPJ),
        ("12.ABC.345/01DE-35", VALID_ALPHANUMERIC_CNPJ),
        ("12.abc.345/01de-35", VALID_ALPHANUMERIC_CNPJ),
    ],
)
def test_numeric_and_alphanumeric_cnpj_are_accepted_in_any_usual_format(typed, normalised):
    assert is_valid_cnpj(typed)
    assert normalize_cnpj(typed) == normalised


@pytest.mark.parametrize(
    "typed",
    [
        "1122233300018",  # short
        "112223330001811",  # long
        "11222333000182",  # wrong check digit
        "12ABC34501DE36",  # wrong check digit, alphanumeric
        "12ABC34501DEA5",  # letters are not allowed in the check digits
        "00000000000000",
        "12ABC34501DE3_",
        "12ÁBC34501DE35",  # accented letter
        "",
    ],
)
def test_cnpj_with_wrong_length_check_digits_or_characters_is_rejected(typed):
    assert not is_valid_cnpj(typed)


def test_cnpj_series_used_by_factories_is_valid_in_both_formats():
    assert all(is_valid_cnpj(valid_cnpj(n)) for n in range(500))
    assert all(is_valid_cnpj(valid_cnpj(n, alphanumeric=True)) for n in range(500))


def test_cnpj_masks_for_display():
    assert mask_cnpj(VALID_CNPJ) == "11.222.333/0001-81"
    assert mask_cnpj("12abc34501de35") == "12.ABC.345/01DE-35"
    assert mask_cnpj("???") == "???"


def test_validate_cnpj_raises_a_coded_error():
    with pytest.raises(ValidationError) as excinfo:
        validate_cnpj("112223330001")
    assert excinfo.value.code == "invalid_cnpj"
    assert "14 caracteres" in str(excinfo.value.messages[0])


@pytest.mark.parametrize(
    ("validate", "typed", "code", "message"),
    [
        (validate_cpf, "529.982.247-26", "invalid_cpf_check_digits", "CPF inválido (dígito verificador)"),
        (validate_cpf, "111.111.111-11", "invalid_cpf_check_digits", "CPF inválido (dígito verificador)"),
        (validate_cnpj, "11.222.333/0001-82", "invalid_cnpj_check_digits", "CNPJ inválido (dígito verificador)"),
        (validate_cnpj, "12.ABC.345/01DE-36", "invalid_cnpj_check_digits", "CNPJ inválido (dígito verificador)"),
    ],
)
def test_a_well_formed_number_with_a_wrong_check_digit_says_so(validate, typed, code, message):
    with pytest.raises(ValidationError) as excinfo:
        validate(typed)
    assert excinfo.value.code == code
    assert str(excinfo.value.messages[0]).startswith(message)


# Form fields and template filters


def test_cpf_form_field_cleans_masked_input_to_digits():
    assert CPFFormField().clean(" 529.982.247-25 ") == VALID_CPF


def test_cpf_form_field_explains_a_wrong_cpf():
    with pytest.raises(ValidationError, match="CPF inválido"):
        CPFFormField().clean("111.111.111-11")


def test_cpf_form_field_lets_the_browser_accept_the_mask():
    attrs = CPFFormField().widget.attrs
    assert int(attrs["maxlength"]) >= len("529.982.247-25")
    assert attrs["inputmode"] == "numeric"


def test_cnpj_form_field_cleans_lower_case_alphanumeric_input():
    assert CNPJFormField().clean("12.abc.345/01de-35") == VALID_ALPHANUMERIC_CNPJ


def test_cnpj_form_field_is_required_with_a_message():
    with pytest.raises(ValidationError):
        CNPJFormField().clean("")


def test_template_filters_mask_cpf_and_cnpj():
    rendered = Template("{% load identifiers %}{{ a|cpf }} {{ a|cpf_redacted }} {{ b|cnpj }}").render(
        Context({"a": VALID_CPF, "b": VALID_ALPHANUMERIC_CNPJ})
    )
    assert rendered == "529.982.247-25 ***.982.247-** 12.ABC.345/01DE-35"
