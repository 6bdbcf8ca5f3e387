"""Signals the portal sends for the apps built on it, which it does not import."""

from django.dispatch import Signal

#: Sent by the worker (``manage.py worker``) every ``--sweep-interval`` seconds, after the outbox's
#: sweep: apps connect what they retry in the background (``tickets.removals``).
sweep = Signal()
