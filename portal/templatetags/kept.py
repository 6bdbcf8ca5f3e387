"""Pieces of the page shell rendered once per process and language, then kept.

Most of base.html reads the same on every page in one language: the style sheets' and scripts'
hashed names, the header's links, the language menu, the sidebar's nine items, the footer.
Django would render it again on every request: more than half of an empty signed-in page's
CPU here, paid by every page shown.

``{% keep "name" value… %}…{% endkeep %}`` renders what it encloses the first time a language
and the listed values come together, and serves that HTML afterwards (``portal.kept_html``).
What goes inside may depend only on the code, the settings, the language and those values: never
on the user, the session, the CSRF token, the path or the messages, which stay outside.

With the template engine in debug mode (``DEBUG``, the run command) templates are read again
when they change, and nothing is kept.
"""

from django import template
from django.template.base import FilterExpression, NodeList
from django.utils.translation import get_language

from portal.kept_html import KeptHtml

register = template.Library()

_kept = KeptHtml()


class KeepNode(template.Node):
    def __init__(self, nodelist: NodeList, name: str, vary_on: list[FilterExpression]):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context) -> str:
        if context.template.engine.debug:
            return self.nodelist.render(context)
        values = tuple(value.resolve(context) for value in self.vary_on)
        key = (self.origin.template_name, self.name, get_language(), *values)
        return _kept.get(key, lambda: self.nodelist.render(context))


@register.tag
def keep(parser, token) -> KeepNode:
    """``{% keep "name" value… %}…{% endkeep %}``: see the module's docstring."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("'keep' takes a quoted name, then the values its content varies with.")
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
