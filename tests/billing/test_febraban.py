"""FEBRABAN's boleto layout, checked against published linhas digitáveis."""

import datetime
from decimal import Decimal

import pytest

from billing import febraban

# Published examples (bank manuals and FEBRABAN-based guides), with every check digit as printed.
BRADESCO_LINE = "23793.38128 60007.827136 95000.063305 9 84410000026000"
BRADESCO_BARCODE = "23799844100000260003381260007827139500006330"
BANCO_DO_BRASIL_LINE = "00190000090114971860168524522114675860000102656"
BANCO_DO_BRASIL_BARCODE = "00196758600001026560000001149718606852452211"


@pytest.mark.parametrize(
    ("line", "code"), [(BRADESCO_LINE, BRADESCO_BARCODE), (BANCO_DO_BRASIL_LINE, BANCO_DO_BRASIL_BARCODE)]
)
def test_published_linhas_digitaveis_give_back_their_barcodes_with_all_check_digits(line, code):
    assert febraban.barcode_from_digitable_line(line) == code
    assert febraban.is_valid_barcode(code)
    assert febraban.digitable_line(code).replace(".", "").replace(" ", "") == line.replace(".", "").replace(" ", "")


def test_the_linha_digitavel_is_printed_in_five_groups():
    assert febraban.digitable_line(BRADESCO_BARCODE) == BRADESCO_LINE


def test_building_the_published_bradesco_barcode_from_its_parts():
    # Factor 8441 is 2020-12-13 in the first cycle; the value is R$ 260,00.
    due = febraban.BASE_DATE + datetime.timedelta(days=8441)
    code = febraban.barcode(bank="237", due=due, amount=Decimal("260.00"), free_field=BRADESCO_BARCODE[19:])
    assert code == BRADESCO_BARCODE


def test_a_changed_digit_breaks_the_check_digits():
    wrong = "23793.38128 60007.827136 95000.063305 9 84410000026001"
    with pytest.raises(ValueError, match="general check digit"):
        febraban.barcode_from_digitable_line(wrong)
    with pytest.raises(ValueError, match="field check digit"):
        febraban.barcode_from_digitable_line("23793.38129 60007.827136 95000.063305 9 84410000026000")


@pytest.mark.parametrize(("digits", "dv"), [("001900000", 9), ("0114971860", 1), ("6852452211", 4), ("237933812", 8)])
def test_mod10_field_check_digits(digits, dv):
    assert febraban.mod10(digits) == dv


@pytest.mark.parametrize(
    ("due", "factor"),
    [
        (datetime.date(2000, 7, 3), 1000),
        (datetime.date(2025, 2, 21), 9999),
        (datetime.date(2025, 2, 22), 1000),  # FEBRABAN's rollover: 1000 again after 9999
        (datetime.date(2025, 2, 23), 1001),
        (datetime.date(2026, 11, 30), 1646),
        (datetime.date(2049, 10, 13), 9999),
        (datetime.date(2049, 10, 14), 1000),  # and every 9000 days after
    ],
)
def test_due_factor_rolls_over_on_2025_02_22(due, factor):
    assert febraban.due_factor(due) == factor


def test_a_factor_after_the_rollover_is_read_back_near_today():
    today = datetime.date(2026, 11, 30)
    assert febraban.due_date_of(1646, near=today) == today
    assert febraban.due_date_of(9999, near=datetime.date(2025, 2, 1)) == datetime.date(2025, 2, 21)


def test_itf_symbol_has_start_stop_and_two_wide_elements_per_digit():
    modules = febraban.itf_modules(BRADESCO_BARCODE)
    assert modules[:4] == [(True, 1), (False, 1), (True, 1), (False, 1)]
    assert modules[-3:] == [(True, 3), (False, 1), (True, 1)]
    digits = modules[4:-3]
    assert len(digits) == 44 * 5
    for start in range(0, len(digits), 10):  # each pair: 5 bars (1st digit) and 5 spaces (2nd)
        bars = [width for is_bar, width in digits[start : start + 10] if is_bar]
        spaces = [width for is_bar, width in digits[start : start + 10] if not is_bar]
        assert bars.count(3) == 2
        assert spaces.count(3) == 2
    assert febraban.itf_width(BRADESCO_BARCODE) == 4 + 44 * 9 + 5


def test_itf_needs_an_even_number_of_digits():
    with pytest.raises(ValueError, match="even number"):
        febraban.itf_modules("123")
