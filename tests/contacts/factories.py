import datetime
import secrets

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from contacts.models import ContactEvent, FormerMember, Invitation
from contacts.services import hash_token
from tests.factories import OrganizationFactory, UserFactory


class InvitationFactory(DjangoModelFactory):
    """A pending invitation. Its raw token is in ``invitation.token`` (only the hash is stored)."""

    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Faker("name", locale="pt_BR")
    email = factory.Sequence(lambda n: f"convidado{n}@cliente.example")
    role = "membro"
    invited_by = factory.SubFactory(UserFactory)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + Invitation.LIFETIME)

    class Params:
        expired = factory.Trait(
            created_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10)),
        )

    @classmethod
    def _create(cls, model_class, *args, token=None, **kwargs):
        invitation = super()._create(model_class, *args, **kwargs)
        invitation.token = token
        return invitation


class FormerMemberFactory(DjangoModelFactory):
    class Meta:
        model = FormerMember

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = "membro"


class ContactEventFactory(DjangoModelFactory):
    class Meta:
        model = ContactEvent

    organization = factory.SubFactory(OrganizationFactory)
    actor = factory.SubFactory(UserFactory)
    actor_name = factory.SelfAttribute("actor.name")
    action = ContactEvent.Action.INVITED
    target_name = factory.Faker("name", locale="pt_BR")
    target_email = factory.Sequence(lambda n: f"alvo{n}@cliente.example")
    detail = "membro"
