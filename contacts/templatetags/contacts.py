from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def email_breakable(email: str) -> str:
    """An e-mail that may wrap after its "@" (escaped): narrow columns break it there, not mid-word."""
    local, at, domain = (email or "").partition("@")
    if not at:
        return email
    return format_html("{}@<wbr>{}", local, domain)
