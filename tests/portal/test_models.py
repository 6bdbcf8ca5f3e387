import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from portal.models import Contract, Organization, User
from tests.factories import ContractFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_user_stores_email_in_lower_case_and_cpf_normalised():
    user = User.objects.create_user(
        "Maria.Silva@Cliente.Example", "senha-forte-2026", name="Maria", cpf="529.982.247-25"
    )
    user.refresh_from_db()
    assert user.email == "maria.silva@cliente.example"
    assert user.cpf == "52998224725"


def test_create_user_refuses_an_invalid_cpf():
    with pytest.raises(ValidationError) as excinfo:
        User.objects.create_user("x@cliente.example", "senha-forte-2026", name="X", cpf="111.111.111-11")
    assert "cpf" in excinfo.value.message_dict


def test_two_users_cannot_share_a_cpf():
    UserFactory(cpf="52998224725")
    with pytest.raises(ValidationError):
        User.objects.create_user("outra@cliente.example", "senha-forte-2026", name="Outra", cpf="529.982.247-25")


def test_email_is_unique_regardless_of_case_in_the_database():
    UserFactory(email="ana@cliente.example")
    with pytest.raises(IntegrityError):
        User.objects.bulk_create([User(email="ANA@cliente.example", name="Ana")])


def test_staff_user_may_have_no_cpf():
    admin = User.objects.create_superuser("admin@cliente.example", "senha-forte-2026", name="Admin")
    assert admin.cpf is None
    assert admin.is_staff
    assert admin.is_superuser


def test_organization_stores_alphanumeric_cnpj_normalised_and_shows_it_masked():
    organization = Organization(cnpj="12.abc.345/01de-35", legal_name="Nova Rota Tecnologia Ltda.")
    organization.full_clean()
    organization.save()
    assert Organization.objects.get().cnpj == "12ABC34501DE35"
    assert organization.cnpj_masked == "12.ABC.345/01DE-35"


def test_organization_refuses_an_invalid_cnpj():
    with pytest.raises(ValidationError):
        Organization(cnpj="11.222.333/0001-82", legal_name="Errada").full_clean()


def test_active_contracts_are_in_force_today_and_have_the_active_status():
    today = datetime.date(2026, 11, 25)
    organization = OrganizationFactory()
    running = ContractFactory(organization=organization, start_date=datetime.date(2026, 1, 1))
    ending_today = ContractFactory(
        organization=organization, start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2026, 11, 25)
    )
    ContractFactory(
        organization=organization, start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2026, 11, 24)
    )
    ContractFactory(organization=organization, start_date=datetime.date(2026, 12, 1))
    ContractFactory(organization=organization, status=Contract.Status.SUSPENDED, start_date=datetime.date(2026, 1, 1))

    assert set(Contract.objects.active(today=today)) == {running, ending_today}


def test_contract_cannot_end_before_it_starts():
    contract = ContractFactory.build(
        organization=OrganizationFactory(),
        product=ContractFactory().product,
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 4, 30),
    )
    with pytest.raises(ValidationError, match="fim da vigência"):
        contract.full_clean()
