import factory
from factory.django import DjangoModelFactory

from consent.models import Consent, ConsentEvent, RfbDataUse
from tests.factories import OrganizationFactory, ProductFactory, UserFactory


class RfbDataUseFactory(DjangoModelFactory):
    class Meta:
        model = RfbDataUse
        django_get_or_create = ["product"]

    product = factory.SubFactory(ProductFactory)
    description = "Lê a situação cadastral das pessoas consultadas, para confirmar a identidade de clientes."


class ConsentEventFactory(DjangoModelFactory):
    """A recorded grant (by default), with its current-state row kept as the services keep it."""

    class Meta:
        model = ConsentEvent
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    product = factory.SubFactory(ProductFactory)
    action = ConsentEvent.Action.GRANTED
    reason = "Validação do CPF de novos clientes."
    actor = factory.SubFactory(UserFactory)
    actor_name = factory.SelfAttribute("actor.name")

    @factory.post_generation
    def state(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            Consent.objects.update_or_create(
                organization=obj.organization,
                product=obj.product,
                defaults={"granted": obj.action == ConsentEvent.Action.GRANTED, "last_event": obj},
            )
