"""Light markup for answers and documentation: Markdown in, sanitised HTML out.

Staff write CommonMark. Raw HTML is never passed through (markdown-it escapes it), and the
rendered HTML is then cleaned by nh3 with a short allow-list, so that even a bug in the
Markdown renderer cannot let a script, an event handler or a ``javascript:`` link through.
The cleaner itself then gives every code block ``tabindex="0"``: a long line scrolls inside its
box on a phone, and a box that scrolls must be reachable with the keyboard.
"""

import html
import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Set by the cleaner on every such element, whatever the input said (never copied from the input).
FORCED_ATTRIBUTES = {"pre": {"tabindex": "0"}}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_whitespace = re.compile(r"\s+")


def _heading_levels_down(tokens) -> None:
    """Answers live under the page's own h1/h2: `#` to `###` become h3, deeper headings h4."""
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = {"h1": "h3", "h2": "h3", "h3": "h3"}.get(token.tag, "h4")


def render(source: str) -> str:
    """Markdown → safe HTML, ready to be marked safe in a template."""
    tokens = _markdown.parse(source or "")
    _heading_levels_down(tokens)
    rendered = _markdown.renderer.render(tokens, _markdown.options, {})
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        set_tag_attribute_values=FORCED_ATTRIBUTES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def plain_text(rendered_html: str) -> str:
    """The visible text of rendered HTML, on one line: for snippets and the search index."""
    text = nh3.clean(rendered_html, tags=set())
    return _whitespace.sub(" ", html.unescape(text)).strip()
