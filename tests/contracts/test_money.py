from decimal import Decimal

import pytest

from contracts.templatetags.contracts import brl


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("0"), "R$\u00a00,00"),
        (Decimal("7.5"), "R$\u00a07,50"),
        (Decimal("1234.567"), "R$\u00a01.234,57"),
        (Decimal("1234567.80"), "R$\u00a01.234.567,80"),
        (Decimal("-42300"), "-R$\u00a042.300,00"),
        (None, ""),
    ],
)
def test_brl_writes_reais_as_brazilians_do(value, shown):
    assert brl(value) == shown
