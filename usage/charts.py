"""A contract's monthly usage as bar-chart geometry, drawn on the server (templates/usage/consumo.html#chart).

The SVG has a fixed coordinate system (viewBox) and scales to the width of its box, so it never
overflows a phone's screen; every number it shows is also in the table beside it.
"""

import math
from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from usage.selectors import ContractUsage

WIDTH = 640
HEIGHT = 320
LEFT = 84  # room for the value labels of the y axis
RIGHT = 12
TOP = 36  # room for the y axis' title
BOTTOM = 56  # room for the month and year labels
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


def quantity(value) -> str:
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


def compact(value: int) -> str:
    """An axis label short enough for a phone: "300 mil", "1,5 mi"."""
    if value >= 1_000_000:
        return _("%(value)s mi") % {
            "value": number_format(value / 1_000_000, decimal_pos=1 if value % 1_000_000 else 0)
        }
    if value >= 10_000:
        return _("%(value)s mil") % {"value": number_format(value / 1_000, decimal_pos=1 if value % 1_000 else 0)}
    return quantity(value)


def _nice_step(maximum: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) that splits ``maximum`` into about ``ticks`` parts."""
    raw = max(maximum, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * power:
            return int(multiple * power) or 1
    return int(10 * power)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str
    sublabel: str = ""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bars: list[Bar]
    markers: list[Bar]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    allowance_y: float | None
    y_title: str
    x_title: str
    description: str


def usage_chart(usage: ContractUsage) -> Chart:
    months = usage.months
    highest = max([m.quantity for m in months] + [m.previous_year for m in months] + [usage.allowance or 0] + [1])
    step = _nice_step(highest)
    top_value = step * math.ceil(highest / step)

    def y_of(value: int) -> float:
        return round(TOP + PLOT_H - PLOT_H * value / top_value, 1)

    slot = PLOT_W / len(months)
    bar_w = round(slot * 0.38, 1)
    bars, markers, x_ticks = [], [], []
    label_every = 1 if len(months) <= 12 else 3
    for index, month in enumerate(months):
        x = LEFT + slot * index
        name = date_format(month.month, "YEAR_MONTH_FORMAT")
        previous_name = date_format(month.month.replace(year=month.month.year - 1), "YEAR_MONTH_FORMAT")
        if month.partial_until:
            until = " (" + _("até o dia %(day)s") % {"day": month.partial_until.day} + ")"
            name, previous_name = name + until, previous_name + until
        bars.append(
            Bar(
                x=round(x + slot * 0.1, 1),
                y=y_of(month.previous_year),
                width=bar_w,
                height=round(TOP + PLOT_H - y_of(month.previous_year), 1),
                css="usage-bar usage-bar--previous",
                title=f"{previous_name}: {quantity(month.previous_year)} {usage.unit}",
            )
        )
        title = f"{name}: {quantity(month.quantity)} {usage.unit}"
        if month.above_allowance:
            title += " — " + _("acima da franquia")
        current = Bar(
            x=round(x + slot * 0.1 + bar_w + 1, 1),
            y=y_of(month.quantity),
            width=bar_w,
            height=round(TOP + PLOT_H - y_of(month.quantity), 1),
            css="usage-bar usage-bar--over" if month.above_allowance else "usage-bar",
            title=title,
        )
        bars.append(current)
        if month.above_allowance:
            markers.append(current)
        if index % label_every == 0:
            # The year under January (or the first labelled month of a year), and under the first month
            # unless that is a December, whose year would touch January's.
            show_year = month.month.month <= label_every or (
                index == 0 and (label_every > 1 or month.month.month != 12)
            )
            x_ticks.append(
                Tick(
                    position=round(x + slot / 2, 1),
                    label=date_format(month.month, "b"),
                    sublabel=str(month.month.year) if show_year else "",
                )
            )
    y_ticks = [Tick(position=y_of(value), label=compact(value)) for value in range(0, top_value + 1, step)]
    first = date_format(months[0].month, "YEAR_MONTH_FORMAT")
    last = date_format(months[-1].month, "YEAR_MONTH_FORMAT")
    description = _(
        "Barras por mês, de %(first)s a %(last)s: à direita o consumo do mês, à esquerda o do mesmo mês do ano "
        "anterior. Total do período: %(total)s %(unit)s."
    ) % {"first": first, "last": last, "total": quantity(usage.total), "unit": usage.unit}
    if usage.peak and usage.peak.quantity:
        description += " " + _("Maior consumo: %(month)s, %(value)s.") % {
            "month": date_format(usage.peak.month, "YEAR_MONTH_FORMAT"),
            "value": quantity(usage.peak.quantity),
        }
    if usage.allowance is not None:
        count = usage.months_above_allowance
        description += " " + ngettext(
            "Franquia mensal: %(value)s; %(count)s mês acima dela.",
            "Franquia mensal: %(value)s; %(count)s meses acima dela.",
            count,
        ) % {"value": quantity(usage.allowance), "count": count}
    description += " " + _("Os mesmos números estão na tabela a seguir.")
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=TOP + PLOT_H,
        bars=bars,
        markers=markers,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        allowance_y=y_of(usage.allowance) if usage.allowance is not None else None,
        y_title=_("Quantidade (%(unit)s)") % {"unit": usage.unit},
        x_title=_("Mês"),
        description=description,
    )
