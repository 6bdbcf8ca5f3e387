import datetime

import factory
from factory.django import DjangoModelFactory

from attestation.models import Attestation
from attestation.services import CONTEST_FORM_SLUG
from tests.factories import ContractFactory, FormFieldFactory, SubjectFactory, TicketFormFactory, UserFactory


class AttestationFactory(DjangoModelFactory):
    """An attestation (atestado) of October 2026, declared by a user."""

    class Meta:
        model = Attestation

    contract = factory.SubFactory(ContractFactory)
    period = datetime.date(2026, 10, 1)
    kind = Attestation.Kind.ATTESTED
    declared_by = factory.SubFactory(UserFactory)
    declarant_name = factory.SelfAttribute("declared_by.name")
    declarant_cpf = factory.SelfAttribute("declared_by.cpf")


def contest_form():
    """The Gestão Contratual subject's ticket form, as tickets.demo makes it (with its own question)."""
    subject = SubjectFactory(slug="gestao-contratual", name="Gestão Contratual")
    form = TicketFormFactory(slug=CONTEST_FORM_SLUG, name="Gestão Contratual", subject=subject, product=None)
    FormFieldFactory(form=form, label="Número do contrato", required=True)
    return form
