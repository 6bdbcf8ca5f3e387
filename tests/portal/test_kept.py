"""The page shell's fixed pieces are rendered once per language and named values; nothing per person is kept."""

import re

import pytest
from django.template import Context, Engine, TemplateSyntaxError, engines
from django.test import Client
from django.utils import translation

from portal import kept_html
from portal.templatetags import kept
from tests.factories import ProductFactory, TicketFormFactory, TicketTypeFactory, UserFactory

pytestmark = pytest.mark.usefixtures("empty_kept_html")


class Counter:
    def __init__(self):
        self.renders = 0

    def __str__(self) -> str:
        self.renders += 1
        return str(self.renders)


def _render(source: str, **context) -> str:
    return engines["django"].from_string("{% load kept %}" + source).render(context)


def test_a_kept_piece_is_rendered_once_per_language_and_value_then_served_as_it_was():
    counter = Counter()
    source = '{% keep "piece" variant %}{{ counter }}{% endkeep %}'
    first = _render(source, counter=counter, variant="a")
    again = _render(source, counter=counter, variant="a")
    other_value = _render(source, counter=counter, variant="b")
    with translation.override("en"):
        other_language = _render(source, counter=counter, variant="a")
    assert (first, again, other_value, other_language) == ("1", "1", "2", "3")


def test_pieces_of_different_names_are_kept_apart():
    assert _render('{% keep "one" %}um{% endkeep %}{% keep "two" %}dois{% endkeep %}') == "umdois"


def test_nothing_is_kept_while_templates_are_read_again_on_change():
    engine = Engine(debug=True, libraries={"kept": "portal.templatetags.kept"})
    template = engine.from_string('{% load kept %}{% keep "piece" %}{{ counter }}{% endkeep %}')
    counter = Counter()
    assert [template.render(Context({"counter": counter})) for _ in range(2)] == ["1", "2"]


@pytest.mark.parametrize("source", ["{% keep %}x{% endkeep %}", "{% keep piece %}x{% endkeep %}"])
def test_a_piece_needs_a_quoted_name(source):
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        _render(source)


def test_a_store_starts_again_when_full():
    store = kept_html.KeptHtml(max_entries=2)
    for key in ("a", "b", "c"):
        store.get(key, lambda key=key: key.upper())
    assert len(store) == 1
    assert store.get("c", lambda: "rendered again") == "C"


def test_a_settings_change_empties_every_store(settings):
    _render('{% keep "piece" %}x{% endkeep %}')
    store = kept_html.KeptHtml()
    store.get("key", lambda: "html")
    settings.PORTAL_BRAND = "Outra marca"
    assert len(store) == 0
    assert _render('{% keep "piece" %}{{ brand }}{% endkeep %}', brand="Outra marca") == "Outra marca"


# The shell of real pages, after it was kept for someone else.


def _signed_in(**user_fields) -> Client:
    client = Client()
    client.force_login(UserFactory(**user_fields))
    return client


def _csrf_tokens(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


@pytest.mark.django_db
def test_each_person_sees_their_own_name_menu_and_token_in_a_kept_shell():
    customer = _signed_in(name="Ana Cliente", email="ana@cliente.example")
    staff = _signed_in(name="Bruno Equipe", email="bruno@equipe.example", is_staff=True)
    first = customer.get("/suporte/").content.decode()
    staff_page = staff.get("/suporte/").content.decode()
    customer_again = customer.get("/suporte/").content.decode()

    assert "Ana Cliente" in first
    assert "ana@cliente.example" in first
    assert "Bruno Equipe" in staff_page
    assert "bruno@equipe.example" in staff_page
    assert "Ana Cliente" not in staff_page
    assert "Bruno Equipe" not in customer_again
    assert "Painel da equipe" in staff_page
    assert "Painel da equipe" not in customer_again
    assert "Alterar senha" in customer_again
    assert _csrf_tokens(first)
    assert _csrf_tokens(staff_page)
    assert not _csrf_tokens(first) & _csrf_tokens(staff_page)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "current"), [("/suporte/", "Suporte"), ("/contratos/", "Meus Contratos"), ("/", None)]
)
def test_the_kept_sidebar_marks_the_page_being_shown(path, current):
    client = _signed_in()
    for other in ("/financeiro/", "/suporte/", "/contratos/", "/"):
        client.get(other)  # the sidebar is kept for each of these first
    html = client.get(path).content.decode()
    marked = re.findall(r'href="[^"]+" aria-current="page">([^<]+)</a>', html)
    assert "sidebar__link" in html
    assert marked == ([current] if current else [])
    assert f'name="next" value="{path}"' in html


def _with_contrast(cookie: str) -> Client:
    client = Client()
    if cookie:
        client.cookies["alto_contraste"] = cookie
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cookie", "html_class", "stylesheet"),
    [
        ("1", ' class="alto-contraste"', '<link rel="stylesheet" href="/static/css/high-contrast'),
        ("0", "", None),
        ("", "", 'media="(prefers-contrast: more)"'),
        ("x", "", 'media="(prefers-contrast: more)"'),
    ],
)
def test_the_kept_head_follows_each_visitors_contrast_choice(cookie, html_class, stylesheet):
    for other in ("1", "0", ""):
        _with_contrast(other).get("/entrar/")  # the head is kept for each choice first
    html = _with_contrast(cookie).get("/entrar/").content.decode()
    assert f'<html lang="pt-br"{html_class}>' in html
    assert 'src="/static/js/portal' in html
    if stylesheet:
        assert stylesheet in html
    else:
        assert "high-contrast" not in html
    pressed = "true" if cookie == "1" else "false"
    assert f'aria-pressed="{pressed}"' in html


@pytest.mark.django_db
def test_the_kept_language_menu_names_the_language_being_shown():
    Client().get("/entrar/")
    english = Client(headers={"accept-language": "en"}).get("/entrar/").content.decode()
    assert '<html lang="en"' in english
    assert re.search(
        r'<summary class="menu__toggle">\s*<span class="visually-hidden">Language:</span>\s*English', english
    )
    assert 'value="en" lang="en" aria-current="true">English</button>' in english


@pytest.mark.django_db
def test_nothing_a_request_brings_is_ever_kept():
    TicketTypeFactory(name="Incidente")
    ticket_form = TicketFormFactory(product=ProductFactory(name="Datavalid"))
    client = _signed_in(name="Zuleica Marcadora", email="zuleica.marcadora@cliente.example", is_staff=True)
    pages = [
        client.get(path).content.decode()
        for path in ("/suporte/?marca=1", "/contratos/?marca=1", f"/tickets/novo/{ticket_form.slug}/?marca=1")
    ]
    tokens = set().union(*(_csrf_tokens(page) for page in pages))
    kept_pieces = "".join(kept._kept._html.values())

    assert "Zuleica Marcadora" in pages[0]
    assert 'class="sidebar__link"' in kept_pieces  # the shell was kept…
    assert tokens
    for brought in ("Zuleica", "zuleica.marcadora", "marca=1", *tokens):  # …and nothing of the request
        assert brought not in kept_pieces
