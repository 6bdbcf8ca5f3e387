"""HTML rendered once per process under a key, then served from memory.

For HTML that is a function of the code, the settings, the language and a few named values, and
of nothing a request brings (the user, the session, the CSRF token, the path): the blank forms
(``portal.templatetags.blank_forms``) and the pieces of the page shell (``portal.templatetags.kept``).

Nothing is ever invalidated one by one, because nothing inside can change while the process runs:
a deploy restarts the processes. Past ``max_entries`` a store starts again (old versions of
definitions are never asked for twice), and a settings change, in tests, empties every store.
"""

from collections.abc import Callable, Hashable

from django.core.signals import setting_changed
from django.utils.safestring import SafeString

#: Past this many entries a store starts again.
MAX_KEPT = 1000

_stores: list["KeptHtml"] = []


class KeptHtml:
    def __init__(self, max_entries: int = MAX_KEPT):
        self.max_entries = max_entries
        self._html: dict[Hashable, SafeString] = {}
        _stores.append(self)

    def get(self, key: Hashable, render: Callable[[], SafeString]) -> SafeString:
        """The HTML kept under ``key``, rendered by ``render`` the first time."""
        html = self._html.get(key)
        if html is None:
            if len(self._html) >= self.max_entries:
                self._html.clear()
            html = self._html[key] = render()
        return html

    def clear(self) -> None:
        self._html.clear()

    def __len__(self) -> int:
        return len(self._html)


def clear_all(**kwargs) -> None:
    """Empty every store (on a settings change, and between tests)."""
    for store in _stores:
        store.clear()


setting_changed.connect(clear_all, dispatch_uid="portal.kept_html")
