"""axe-core checks for browser tests (injected through page.evaluate, so our CSP does not block it)."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page) -> None:
    """Fail with axe's own report when the page has any WCAG A/AA violation."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
