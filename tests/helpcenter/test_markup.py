import importlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps

from helpcenter import markup
from helpcenter.models import Article, DocumentationPage
from tests.factories import ArticleFactory, DocumentationPageFactory

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">clique</a>',
    "[clique](javascript:alert(1))",
    "[clique](JaVaScRiPt:alert(1))",
    "[clique](java&#x09;script:alert(1))",
    "[clique](vbscript:msgbox(1))",
    "[clique](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![imagem](javascript:alert(1))",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">texto</p>',
    '<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
    "<style>body{display:none}</style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input name="senha"></form>',
    "<!--<script>alert(1)</script>-->",
    '<base href="https://evil.example/">',
    "<details open ontoggle=alert(1)>",
    "[a](<javascript:alert(1)>)",
    "`<script>alert(1)</script>`",
]


class _ElementCollector(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _elements(html: str):
    parser = _ElementCollector()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_sanitiser_leaves_no_active_content(payload):
    html = markup.render(f"Texto antes.\n\n{payload}\n\nTexto depois.")
    for tag, attrs in _elements(html):
        assert tag in markup.ALLOWED_TAGS, (payload, html)
        assert set(attrs) <= {"href", "title", "rel", "start", "tabindex"}, (payload, html)
        if "tabindex" in attrs:
            assert (tag, attrs["tabindex"]) == ("pre", "0"), (payload, html)
        if "href" in attrs:
            assert urlsplit(attrs["href"]).scheme in {"http", "https", "mailto", ""}, (payload, html)
    assert "<script" not in html.lower()


def test_raw_html_is_shown_as_text_not_interpreted():
    assert markup.render("<b>negrito</b>") == "<p>&lt;b&gt;negrito&lt;/b&gt;</p>\n"


def test_markdown_formatting_survives():
    html = markup.render("Um **negrito**, um *itálico* e `código`.\n\n- um\n- dois\n\n1. primeiro\n2. segundo")
    assert "<strong>negrito</strong>" in html
    assert "<em>itálico</em>" in html
    assert "<code>código</code>" in html
    assert "<ul>" in html
    assert "<ol>" in html


@pytest.mark.parametrize(
    "link", ["https://loja.exemplo.gov.br", "http://exemplo.gov.br/a?b=1", "mailto:atendimento@exemplo.gov.br"]
)
def test_http_https_and_mailto_links_are_kept_with_a_safe_rel(link):
    html = markup.render(f"[contato]({link})")
    assert 'href="' in html
    assert 'rel="noopener noreferrer nofollow"' in html


@pytest.mark.parametrize("link", ["ftp://exemplo.gov.br/arquivo", "file:///etc/passwd", "tel:+5561000000"])
def test_other_link_schemes_lose_their_href(link):
    assert "href" not in markup.render(f"[link]({link})")


def test_headings_start_below_the_page_headings():
    html = markup.render("# Título\n\n## Seção\n\n### Subseção\n\n#### Detalhe")
    assert "<h1>" not in html
    assert "<h2>" not in html
    assert html.count("<h3>") == 3
    assert "<h4>Detalhe</h4>" in html


def test_plain_text_is_the_visible_text_on_one_line():
    html = markup.render("Pague o **boleto** até o dia 10.\n\n- Itaú & outros\n- <b>x</b>")
    assert markup.plain_text(html) == "Pague o boleto até o dia 10. Itaú & outros <b>x</b>"


@pytest.mark.parametrize(
    "source",
    ["```\ncurl -H 'Authorization: Bearer <token>' https://gateway.exemplo.gov.br/consulta\n```", "    indentado"],
)
def test_code_blocks_are_focusable_so_the_keyboard_can_scroll_them(source):
    html = markup.render(f"Antes.\n\n{source}\n\nDepois.")
    blocks = [attrs for tag, attrs in _elements(html) if tag == "pre"]
    assert blocks == [{"tabindex": "0"}]
    assert "<code>" in html
    assert "&lt;token&gt;" in html or "indentado" in html


def test_inline_code_gets_no_tabindex():
    html = markup.render("Use o `consumer key` no cabeçalho.")
    assert html == "<p>Use o <code>consumer key</code> no cabeçalho.</p>\n"


@pytest.mark.parametrize(
    "payload",
    [
        '<pre tabindex="-1" onfocus="alert(1)">x</pre>',
        '<pre tabindex="99" autofocus>x</pre>',
        "```\n</code></pre><pre tabindex=7 onfocus=alert(1)>\n```",
    ],
)
def test_a_tabindex_or_handler_in_the_source_never_reaches_the_page(payload):
    html = markup.render(payload)
    for tag, attrs in _elements(html):
        assert not {"onfocus", "autofocus"} & set(attrs), html
        if "tabindex" in attrs:
            assert (tag, attrs["tabindex"]) == ("pre", "0"), html


@pytest.mark.django_db
def test_migration_makes_stored_code_blocks_focusable_and_keeps_their_date():
    migration = importlib.import_module("helpcenter.migrations.0007_focusable_code_blocks")
    page = DocumentationPageFactory(body="Exemplo:\n\n```\ncurl https://gateway.exemplo.gov.br\n```")
    article = ArticleFactory(body="Sem código.")
    DocumentationPage.objects.filter(pk=page.pk).update(body_html=page.body_html.replace(' tabindex="0"', ""))
    page.refresh_from_db()
    assert "<pre><code>" in page.body_html  # as pages rendered before were stored

    migration.render_code_blocks_again(apps, schema_editor=None)

    updated = DocumentationPage.objects.get(pk=page.pk)
    assert '<pre tabindex="0"><code>curl https://gateway.exemplo.gov.br' in updated.body_html
    assert updated.updated_at == page.updated_at
    assert Article.objects.get(pk=article.pk).body_html == "<p>Sem código.</p>\n"
