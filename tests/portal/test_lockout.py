"""Failed logins lock one login however it is typed, and one address however many logins it tries."""

import pytest
from django.test import Client

from portal import identifiers, ratelimit
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOCKED = "Acesso bloqueado por alguns minutos"
ATTACKER = "10.6.6.6"
ELSEWHERE = "10.1.1.1"

# Eleven spellings of one CPF and of one e-mail: the first ten fail, the eleventh has the password.
CPF_SPELLINGS = [
    "52998224725",
    "529.982.247-25",
    " 529.982.247-25 ",
    "529 982 247 25",
    "529982247-25",
    "529.982.247/25",
    "529-982-247-25",
    "\t52998224725\n",
    "529.98224725",
    "52998.224.725",
    "529/982/247.25",
]
EMAIL_SPELLINGS = [
    "maria@cliente.example",
    "MARIA@cliente.example",
    "Maria@Cliente.Example",
    " maria@cliente.example",
    "maria@CLIENTE.EXAMPLE ",
    "mAria@cliente.example",
    "maRia@cliente.example",
    "marIa@cliente.example",
    "mariA@cliente.example",
    "MARıA@CLıENTE.EXAMPLE",  # dotless i: PostgreSQL upper-cases it to I, so this signs in too
    "MaRiA@ClIeNtE.eXaMpLe",
]
STAFF_SPELLINGS = [
    "supervisora@atendimento.example",
    "SUPERVISORA@atendimento.example",
    "Supervisora@Atendimento.Example",
    " supervisora@atendimento.example",
    "supervisora@ATENDIMENTO.EXAMPLE ",
    "sUpervisora@atendimento.example",
    "suPervisora@atendimento.example",
    "supErvisora@atendimento.example",
    "ſupervisora@atendimento.example",  # long s: PostgreSQL upper-cases it to S
    "SUPERVıSORA@ATENDıMENTO.EXAMPLE",
    "SuPeRvIsOrA@aTeNdImEnTo.ExAmPlE",
]


@pytest.fixture
def customer():
    return UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")


@pytest.fixture
def staff():
    return UserFactory(email="supervisora@atendimento.example", cpf=None, is_staff=True, name="Supervisora")


def _log_in(path, login, password=DEFAULT_PASSWORD, address=ATTACKER):
    return Client(REMOTE_ADDR=address).post(path, {"username": login, "password": password})


def _assert_locked(response):
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in response.client.session


# The key a login is counted under


@pytest.mark.parametrize("typed", CPF_SPELLINGS)
def test_login_key_of_a_cpf_is_its_eleven_digits(typed):
    assert identifiers.login_key(typed) == "52998224725"


@pytest.mark.parametrize("typed", EMAIL_SPELLINGS)
def test_login_key_of_an_email_is_stripped_and_lower_cased_as_the_database_compares_it(typed):
    assert identifiers.login_key(typed) == "maria@cliente.example"


@pytest.mark.parametrize(("typed", "key"), [(" Maria ", "maria"), ("", ""), ("123", "123"), ("ſ", "s")])
def test_login_key_of_anything_else_is_stripped_and_lower_cased(typed, key):
    assert identifiers.login_key(typed) == key


# One lock per login, however it is spelled


@pytest.mark.parametrize("spellings", [CPF_SPELLINGS, EMAIL_SPELLINGS], ids=["cpf", "email"])
def test_failures_over_many_spellings_lock_the_login_on_the_next_spelling(customer, spellings):
    for login in spellings[:10]:
        for _ in range(4):  # under the limit of five for each spelling, as in the probe
            _log_in("/entrar/", login, password="errada")
    _assert_locked(_log_in("/entrar/", spellings[10]))


def test_failures_over_many_spellings_lock_the_admin_login_on_the_next_spelling(staff):
    for login in STAFF_SPELLINGS[:10]:
        _log_in("/admin/login/", login, password="errada")
    _assert_locked(_log_in("/admin/login/", STAFF_SPELLINGS[10]))
    assert _log_in("/admin/login/", STAFF_SPELLINGS[10], address=ELSEWHERE).status_code == 302


def test_a_dotless_i_spelling_counts_against_the_same_login(customer):
    assert _log_in("/entrar/", "marıa@clıente.example", address=ELSEWHERE).status_code == 302  # it does sign in
    for _ in range(4):
        _log_in("/entrar/", "maria@cliente.example", password="errada")
    _log_in("/entrar/", "marıa@clıente.example", password="errada")
    _assert_locked(_log_in("/entrar/", "maria@cliente.example"))


def test_a_locked_login_leaves_other_logins_from_the_same_address_alone(customer):
    other = UserFactory(email="joao@cliente.example")
    for login in CPF_SPELLINGS[:5] + EMAIL_SPELLINGS[:5]:
        _log_in("/entrar/", login, password="errada")
    _assert_locked(_log_in("/entrar/", customer.email))
    response = _log_in("/entrar/", "Joao@Cliente.Example")
    assert response.status_code == 302
    assert response.client.session["_auth_user_id"] == str(other.pk)


def test_a_locked_login_still_works_from_another_address(customer):
    for login in CPF_SPELLINGS[:5]:
        _log_in("/entrar/", login, password="errada")
    _assert_locked(_log_in("/entrar/", CPF_SPELLINGS[5]))
    assert _log_in("/entrar/", CPF_SPELLINGS[5], address=ELSEWHERE).status_code == 302


@pytest.mark.parametrize("has_account", [True, False], ids=["account", "no-account"])
def test_the_cpf_and_the_email_are_counted_apart_so_a_lock_never_tells_they_belong_together(has_account):
    """Counted together, 3 + 1 + 1 failures would lock only a pair that is one account: an oracle."""
    if has_account:
        UserFactory(email="maria@cliente.example", cpf="52998224725")
    for login in CPF_SPELLINGS[:3] + EMAIL_SPELLINGS[:1] + CPF_SPELLINGS[3:4]:
        response = _log_in("/entrar/", login, password="errada")
        assert response.status_code == 200
        assert "CPF, e-mail ou senha incorretos" in response.content.decode()


@pytest.mark.parametrize(("failed_with", "signed_in_with"), [("cpf", "email"), ("email", "cpf"), ("cpf", "cpf")])
def test_signing_in_clears_the_failures_of_both_the_cpf_and_the_email(customer, failed_with, signed_in_with):
    logins = {"cpf": "529.982.247-25", "email": "MARIA@cliente.example"}
    for _ in range(4):
        _log_in("/entrar/", logins[failed_with], password="errada")
    assert _log_in("/entrar/", logins[signed_in_with]).status_code == 302
    for _ in range(4):
        _log_in("/entrar/", logins[failed_with], password="errada")
    assert _log_in("/entrar/", logins[failed_with]).status_code == 302


# One ceiling per address, across every login


def _fail_with_many_logins(count, address=ATTACKER):
    """`count` failures from one address, each on another login (customer and admin login alike)."""
    for n in range(count):
        path = "/entrar/" if n % 2 else "/admin/login/"
        response = _log_in(path, f"tentativa{n}@cliente.example", password="errada", address=address)
    return response


def test_fifty_failures_from_one_address_lock_every_login_from_it_for_the_hour(customer, staff):
    assert _fail_with_many_logins(49).status_code == 200
    _assert_locked(_fail_with_many_logins(1))
    _assert_locked(_log_in("/entrar/", customer.email))
    _assert_locked(_log_in("/entrar/", CPF_SPELLINGS[0]))
    _assert_locked(_log_in("/admin/login/", staff.email))
    assert _log_in("/entrar/", customer.email, address=ELSEWHERE).status_code == 302
    assert _log_in("/admin/login/", staff.email, address=ELSEWHERE).status_code == 302


def test_the_address_ceiling_comes_from_settings_and_counts_only_failures(customer, settings):
    settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS = 3
    _fail_with_many_logins(2)
    assert _log_in("/entrar/", customer.email).status_code == 302  # a success is not a failure
    assert _log_in("/entrar/", customer.email).status_code == 302
    _assert_locked(_fail_with_many_logins(1))
    _assert_locked(_log_in("/entrar/", customer.email))
    assert _log_in("/entrar/", customer.email, address=ELSEWHERE).status_code == 302


def test_reading_a_limit_does_not_count_a_hit():
    limit = ratelimit.Limit("teste", 2, 60)
    assert ratelimit.hits(limit, "10.0.0.1") == 0
    ratelimit.hit(limit, "10.0.0.1")
    assert [ratelimit.hits(limit, "10.0.0.1") for _ in range(3)] == [1, 1, 1]
    assert ratelimit.hits(limit, "10.0.0.2") == 0
