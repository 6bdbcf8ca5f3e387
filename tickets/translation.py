"""Ticket content staff write in three languages: subjects, types, forms and their fields' labels.

See helpcenter/translation.py for how translated fields read and what the original column holds.
"""

from modeltranslation.translator import register

from helpcenter.translation import PortugueseRequired, connect
from tickets.models import FormField, Subject, TicketForm, TicketType


@register(Subject)
class SubjectTranslation(PortugueseRequired):
    fields = ("name",)


@register(TicketType)
class TicketTypeTranslation(PortugueseRequired):
    fields = ("name",)


@register(TicketForm)
class TicketFormTranslation(PortugueseRequired):
    fields = ("name",)


@register(FormField)
class FormFieldTranslation(PortugueseRequired):
    fields = ("label", "help_text", "choices")


connect(Subject, TicketType, TicketForm, FormField)
