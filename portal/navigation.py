"""The customer-area sidebar: the nine items of the portal, in the order customers know.

The paths are part of the portal's stable URLs (README, "URLs"): tests and links outside the
code rely on them.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: Promise
    path: str

    def is_current(self, request_path: str) -> bool:
        return request_path.startswith(self.path)


SIDEBAR = (
    NavItem(_("Chaves de Acesso"), "/chaves/"),
    NavItem(_("Compartilha RFB"), "/compartilha-rfb/"),
    NavItem(_("Solicitação Certificado Digital"), "/certificado-digital/"),
    NavItem(_("Ateste de Serviços"), "/ateste/"),
    NavItem(_("Consultar Consumo"), "/consumo/"),
    NavItem(_("Financeiro"), "/financeiro/"),
    NavItem(_("Meus Contratos"), "/contratos/"),
    NavItem(_("Contatos"), "/contatos/"),
    NavItem(_("Suporte"), "/suporte/"),
)


def current_section(request_path: str) -> str:
    """The path of the sidebar item the page belongs to, "" for a page outside them."""
    return next((item.path for item in SIDEBAR if item.is_current(request_path)), "")


# Each language named in itself, so anyone can find their own.
LANGUAGE_MENU = (("pt-br", "Português"), ("en", "English"), ("es", "Español"))
