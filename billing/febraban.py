"""FEBRABAN's boleto (bloqueto de cobrança) layout: the 44-digit barcode and the linha digitável.

The barcode (código de barras), 44 digits::

    0-2    bank code (3)            e.g. 001 Banco do Brasil
    3      currency (1)             9 = real
    4      general check digit (1)  mod 11 of the other 43 digits, weights 2..9 from the right;
                                    results 0, 10 and 11 become 1
    5-8    fator de vencimento (4)  days since 1997-10-07, rolled over (see ``due_factor``)
    9-18   value in cents (10)
    19-43  campo livre (25)         the bank's own layout (agreement, nosso número, wallet)

The linha digitável (47 digits) regroups it in five fields, for people to type::

    field 1: bank + currency + campo livre[0:5]   + mod-10 DV
    field 2: campo livre[5:15]                    + mod-10 DV
    field 3: campo livre[15:25]                   + mod-10 DV
    field 4: the barcode's general check digit
    field 5: fator de vencimento + value

Mod 10: digits times 2, 1, 2, 1… from the right, the digits of each product summed;
DV = 10 - (sum % 10), and 0 when that is 10.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

BASE_DATE = datetime.date(1997, 10, 7)
#: FEBRABAN's rule for when the factor reached 9999 (2025-02-21): it starts again at 1000 on
#: 2025-02-22, and every 9000 days after that.
FACTOR_MIN, FACTOR_MAX = 1000, 9999
CURRENCY_REAL = "9"


def due_factor(due: datetime.date) -> int:
    """The 4-digit fator de vencimento of a due date (1000 on 2000-07-03, 9999 on 2025-02-21,
    1000 again on 2025-02-22)."""
    days = (due - BASE_DATE).days
    if days < FACTOR_MIN:
        raise ValueError("Due dates before 2000-07-03 have no factor.")
    return (days - FACTOR_MIN) % (FACTOR_MAX - FACTOR_MIN + 1) + FACTOR_MIN


def due_date_of(factor: int, *, near: datetime.date) -> datetime.date:
    """The due date a factor stands for: of the dates it may mean (one per 9000-day cycle), the
    one closest to ``near`` (usually today), as a bank's reader does."""
    first = BASE_DATE + datetime.timedelta(days=factor)
    cycles = round(((near - first).days) / 9000)
    return first + datetime.timedelta(days=9000 * max(cycles, 0))


def mod10(digits: str) -> int:
    total = 0
    for position, char in enumerate(reversed(digits)):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    remainder = total % 10
    return 0 if remainder == 0 else 10 - remainder


def mod11_barcode(digits: str) -> int:
    """The barcode's general check digit (position 5)."""
    total = sum(int(char) * (2 + position % 8) for position, char in enumerate(reversed(digits)))
    result = 11 - total % 11
    return 1 if result in (0, 10, 11) else result


def _digits(value: str, length: int, name: str) -> str:
    if len(value) != length or not value.isdigit():
        raise ValueError(f"{name} must have {length} digits.")
    return value


def barcode(*, bank: str, due: datetime.date, amount: Decimal, free_field: str) -> str:
    """The 44-digit barcode of a boleto."""
    _digits(bank, 3, "bank")
    _digits(free_field, 25, "free_field")
    cents = int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    if not 0 <= cents < 10**10:
        raise ValueError("amount out of range.")
    rest = f"{due_factor(due):04d}{cents:010d}{free_field}"
    without_dv = bank + CURRENCY_REAL + rest
    return f"{bank}{CURRENCY_REAL}{mod11_barcode(without_dv)}{rest}"


def is_valid_barcode(code: str) -> bool:
    if len(code) != 44 or not code.isdigit():
        return False
    return int(code[4]) == mod11_barcode(code[:4] + code[5:])


def digitable_line(code: str) -> str:
    """The linha digitável of a barcode, grouped as printed:
    "AAABC.CCCCX DDDDD.DDDDDY EEEEE.EEEEEZ K UUUUVVVVVVVVVV"."""
    if not is_valid_barcode(code):
        raise ValueError("invalid barcode.")
    free = code[19:44]
    field1 = code[0:4] + free[0:5]
    field2 = free[5:15]
    field3 = free[15:25]
    field1 += str(mod10(field1))
    field2 += str(mod10(field2))
    field3 += str(mod10(field3))
    return f"{field1[:5]}.{field1[5:]} {field2[:5]}.{field2[5:]} {field3[:5]}.{field3[5:]} {code[4]} {code[5:19]}"


def barcode_from_digitable_line(line: str) -> str:
    """The barcode a linha digitável stands for, after checking its four check digits."""
    digits = "".join(char for char in line if char.isdigit())
    _digits(digits, 47, "linha digitável")
    fields = (digits[0:10], digits[10:21], digits[21:32])
    for field in fields:
        if mod10(field[:-1]) != int(field[-1]):
            raise ValueError("a field check digit does not match.")
    code = digits[0:4] + digits[32] + digits[33:47] + digits[4:9] + digits[10:20] + digits[21:31]
    if not is_valid_barcode(code):
        raise ValueError("the general check digit does not match.")
    return code


# Interleaved 2 of 5 ------------------------------------------------------------------------------

#: Each digit as five bars, n(arrow) or w(ide); exactly two wide.
_ITF_PATTERNS = {
    "0": "nnwwn",
    "1": "wnnnw",
    "2": "nwnnw",
    "3": "wwnnn",
    "4": "nnwnw",
    "5": "wnwnn",
    "6": "nwwnn",
    "7": "nnnww",
    "8": "wnnwn",
    "9": "nwnwn",
}
NARROW, WIDE = 1, 3  # FEBRABAN: wide = 3 × narrow (2.25 to 3 allowed)


def itf_modules(code: str) -> list[tuple[bool, int]]:
    """The ITF symbol as (is_bar, width in narrow units) runs: start (nnnn), pairs of digits
    interleaved (first digit in the bars, second in the spaces), stop (wide bar, narrow space, narrow bar)."""
    if len(code) % 2 or not code.isdigit():
        raise ValueError("ITF encodes an even number of digits.")
    runs = [(True, NARROW), (False, NARROW), (True, NARROW), (False, NARROW)]
    for index in range(0, len(code), 2):
        bars, spaces = _ITF_PATTERNS[code[index]], _ITF_PATTERNS[code[index + 1]]
        for bar, space in zip(bars, spaces, strict=True):
            runs.append((True, WIDE if bar == "w" else NARROW))
            runs.append((False, WIDE if space == "w" else NARROW))
    runs += [(True, WIDE), (False, NARROW), (True, NARROW)]
    return runs


def itf_bars(code: str) -> list[tuple[int, int]]:
    """The bars of the ITF symbol as (x, width) in narrow units, for SVG or PDF drawing."""
    x, bars = 0, []
    for is_bar, width in itf_modules(code):
        if is_bar:
            bars.append((x, width))
        x += width
    return bars


def itf_width(code: str) -> int:
    return sum(width for _bar, width in itf_modules(code))
