import io

import pytest
from django.core.management import CommandError, call_command

from helpcenter.models import Product
from portal.identifiers import is_valid_cnpj, is_valid_cpf
from portal.models import Contract, Membership, Organization, User

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", "--force", stdout=io.StringIO())


def _counts():
    return [model.objects.count() for model in (Product, Organization, User, Membership, Contract)]


def test_seed_demo_creates_the_documented_demo_data():
    _seed()
    assert Product.objects.count() >= 8
    assert Organization.objects.count() >= 3
    assert any(not cnpj.isdigit() for cnpj in Organization.objects.values_list("cnpj", flat=True))
    assert all(is_valid_cnpj(o.cnpj) for o in Organization.objects.all())
    for organization in Organization.objects.all():
        roles = set(organization.memberships.values_list("role", flat=True))
        assert roles == {"gestor", "membro"}
    customers = User.objects.filter(is_staff=False)
    assert customers.count() >= 6
    assert all(is_valid_cpf(u.cpf) for u in customers)
    assert User.objects.filter(is_superuser=True, is_staff=True).exists()
    assert Contract.objects.active().exists()


def test_demo_logins_from_the_readme_work(client):
    _seed()
    for login, password in [
        ("ana.souza@bancohorizonte.example", "cliente-demo-2026"),
        ("385.120.476-07", "cliente-demo-2026"),
        ("admin@areadocliente.example", "admin-demo-2026"),
    ]:
        response = client.post("/entrar/", {"username": login, "password": password})
        assert response.status_code == 302, login
        client.logout()


def test_seed_demo_run_twice_changes_nothing():
    _seed()
    first = _counts()
    _seed()
    assert _counts() == first


def test_seed_demo_refuses_to_run_without_debug_unless_forced():
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=io.StringIO())
