"""Reminders on the home page, from the apps above portal, without portal importing them.

An app registers a provider, a function ``provider(user) -> list[Reminder]``, in its
``AppConfig.ready()``; the home page shows what ``for_user`` gathers, above "Suas empresas".
A provider should run one query at most, whatever the number of rows, to keep the home flat.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reminder:
    text: str
    url: str
    link_label: str


Provider = Callable[[object], list[Reminder]]

_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider (once, however many times the app is readied)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def for_user(user) -> list[Reminder]:
    if not user.is_authenticated:
        return []
    return [reminder for provider in _providers for reminder in provider(user)]
