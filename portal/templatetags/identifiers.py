from django import template

from portal import identifiers

register = template.Library()


@register.filter
def cpf(value: str) -> str:
    """{{ user.cpf|cpf }} -> 000.000.000-00"""
    return identifiers.mask_cpf(value)


@register.filter
def cpf_redacted(value: str) -> str:
    """{{ ticket.cpf|cpf_redacted }} -> ***.000.000-**"""
    return identifiers.redact_cpf(value)


@register.filter
def cnpj(value: str) -> str:
    """{{ organization.cnpj|cnpj }} -> 00.000.000/0000-00"""
    return identifiers.mask_cnpj(value)
