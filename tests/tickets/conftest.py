import pytest

from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    TicketFormFactory,
    TicketTypeFactory,
    UserFactory,
)

ANONYMOUS_IDENTIFICATION = {"cpf": "529.982.247-25", "name": "João Pereira", "cnpj": "12.ABC.345/01DE-35"}
CONTACT = {"email": "joao@empresa.example", "phone": "(61) 99876-5432", "language": "pt-br"}


@pytest.fixture
def ticket_form():
    TicketTypeFactory(name="Incidente")
    return TicketFormFactory(
        product=ProductFactory(name="Datavalid", slug="datavalid"), slug="datavalid", name="Datavalid"
    )


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    return user


def post_step(client, slug, step, data=None, action="next", files=None, follow=False):
    payload = {"step": step, "action": action, **(data or {})}
    if files:
        payload["files"] = files
    return client.post(f"/tickets/novo/{slug}/", payload, follow=follow)


def request_data(**overrides):
    from tickets.models import TicketType

    data = {
        "type": TicketType.objects.get(name="Incidente").pk,
        "title": "Erro 500 na consulta",
        "description": "Desde ontem.",
    }
    return {**data, **overrides}
