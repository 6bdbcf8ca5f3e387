"""Contrast measured in the page, from getComputedStyle (WCAG 1.4.3, 1.4.6, 1.4.11, 2.4.7, 2.4.13).

axe checks text contrast against 4.5:1 but not focus indicators, control borders, or the 7:1 of
the high-contrast mode; these helpers measure them in Chromium, so that a future stylesheet (or a
Bootstrap upgrade) cannot quietly bring a faint focus ring or border back.

    ring = focus_ring(page.get_by_label("CPF"))
    assert ring.ratio >= 3, ring
"""

from dataclasses import dataclass

from playwright.sync_api import Locator, Page

# Runs in the page: the colour an element's surroundings show, compositing semi-transparent
# backgrounds over their ancestors' (an opaque white page when nothing is painted).
_JS_HELPERS = """
const parse = (value) => {
  const numbers = (value.match(/[\\d.]+/g) || []).map(Number);
  if (numbers.length < 3) return [0, 0, 0, 0];
  return [numbers[0], numbers[1], numbers[2], numbers.length > 3 ? numbers[3] : 1];
};
const over = (top, bottom) => {
  const alpha = top[3] + bottom[3] * (1 - top[3]);
  if (alpha === 0) return [0, 0, 0, 0];
  const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha;
  return [mix(0), mix(1), mix(2), alpha];
};
const backgroundOf = (element) => {
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  let result = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
};
const css = (rgba) => `rgb(${rgba.slice(0, 3).map(Math.round).join(", ")})`;
"""


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[float, float, float]) -> float:
    red, green, blue = (_channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def parse_colour(value: str) -> tuple[float, float, float]:
    """'rgb(12, 50, 111)' or 'rgba(…)' -> (12, 50, 111)."""
    numbers = value[value.index("(") + 1 : value.index(")")].replace("/", " ").replace(",", " ").split()
    return float(numbers[0]), float(numbers[1]), float(numbers[2])


def contrast_ratio(first: str, second: str) -> float:
    """WCAG's contrast ratio of two CSS colours, from 1 to 21."""
    lighter, darker = sorted((luminance(parse_colour(first)), luminance(parse_colour(second))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass
class Measure:
    what: str
    colour: str
    against: str
    width: float
    ratio: float


def focus_ring(control: Locator) -> Measure:
    """Focus ``control`` (as the keyboard would) and measure its outline against what surrounds it."""
    control.focus()
    data = control.evaluate(
        "(element) => {"
        + _JS_HELPERS
        + """
        const style = getComputedStyle(element);
        return {
          visible: element.matches(':focus-visible'),
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          colour: style.outlineColor,
          against: css(backgroundOf(element.parentElement)),
        };
      }"""
    )
    assert data["visible"], "the control should match :focus-visible once focused"
    width = data["width"] if data["style"] not in ("none", "hidden") else 0.0
    return Measure("outline", data["colour"], data["against"], width, contrast_ratio(data["colour"], data["against"]))


def border(control: Locator, *, inside: bool = False) -> Measure:
    """The control's border against the background around it (or, ``inside``, against its own fill)."""
    data = control.evaluate(
        "(element, inside) => {"
        + _JS_HELPERS
        + """
        const style = getComputedStyle(element);
        return {
          colour: style.borderTopColor,
          width: parseFloat(style.borderTopWidth),
          against: css(backgroundOf(inside ? element : element.parentElement)),
        };
      }""",
        inside,
    )
    return Measure(
        "border", data["colour"], data["against"], data["width"], contrast_ratio(data["colour"], data["against"])
    )


def low_contrast_text(page: Page, minimum: float) -> list[str]:
    """Every visible piece of text whose colour is below ``minimum`` against its background."""
    found = page.evaluate(
        "() => {"
        + _JS_HELPERS
        + """
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement;
          if (!node.textContent.trim() || !element || element.closest('svg, script, style')) continue;
          const box = element.getBoundingClientRect();
          if (box.width <= 1 || box.height <= 1 || !element.checkVisibility({ visibilityProperty: true })) continue;
          const style = getComputedStyle(element);
          const text = node.textContent.trim().slice(0, 40);
          out.push({ text, colour: style.color, against: css(backgroundOf(element)) });
        }
        return out;
      }"""
    )
    failures = []
    for item in found:
        ratio = contrast_ratio(item["colour"], item["against"])
        if ratio < minimum:
            failures.append(f"{item['text']!r}: {item['colour']} on {item['against']} = {ratio:.2f}")
    return failures
