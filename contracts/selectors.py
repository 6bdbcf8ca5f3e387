"""Which contracts a person sees: those of the companies they belong to, gestor or membro alike.

Every page and download of this app starts from ``visible_contracts``; a contract of another
company is simply not there (404).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, QuerySet, Value, When
from django.utils import timezone

from consent.selectors import contract_ids_lacking_consent
from contracts.models import ContractDocument
from portal.models import Contract, Membership

#: Contracts ending within this many days are flagged for renewal.
RENEWAL_WINDOW_DAYS = 90


def visible_contracts(user) -> QuerySet[Contract]:
    """The one scope: contracts of the user's companies (a company has one membership per person)."""
    if not user.is_authenticated:
        return Contract.objects.none()
    return Contract.objects.of_user(user)


def user_companies(user) -> list[tuple[str, str]]:
    """(CNPJ, name) of the user's companies, for the company filter. One query."""
    memberships = Membership.objects.of_user(user).select_related("organization").order_by("organization__legal_name")
    return [(m.organization.cnpj, m.organization.display_name) for m in memberships]


def days_to_renewal(contract: Contract, *, today: datetime.date) -> int | None:
    """Days left in the term of an active contract that ends within the renewal window; else None."""
    if contract.status != Contract.Status.ACTIVE or contract.end_date is None:
        return None
    days = (contract.end_date - today).days
    return days if 0 <= days <= RENEWAL_WINDOW_DAYS else None


@dataclass(frozen=True)
class ContractRow:
    contract: Contract
    expires_in: int | None
    #: In force, its product reads Receita Federal data, and the company has not authorised it (Compartilha RFB).
    needs_consent: bool = False


def contract_list(user, *, status: str = "", cnpj: str = "", today: datetime.date | None = None) -> list[ContractRow]:
    """The user's contracts, optionally of one status and one company, each with its renewal countdown."""
    today = today or timezone.localdate()
    contracts = visible_contracts(user).select_related("organization", "product")
    if status:
        contracts = contracts.filter(status=status)
    if cnpj:
        contracts = contracts.filter(organization__cnpj=cnpj)
    # Per company, those in force first (ativo, suspenso, encerrado), the newest first within each.
    status_order = Case(
        *(When(status=status, then=Value(n)) for n, status in enumerate(Contract.Status.values)),
        default=Value(len(Contract.Status.values)),
    )
    contracts = contracts.order_by("organization__legal_name", status_order, "-start_date", "number")
    lacking = contract_ids_lacking_consent(visible_contracts(user), today=today)
    return [
        ContractRow(contract, days_to_renewal(contract, today=today), contract.pk in lacking) for contract in contracts
    ]


def needs_consent(contract: Contract) -> bool:
    """Whether the contract is in force with a product that reads RFB data its company has not authorised."""
    return bool(contract_ids_lacking_consent(Contract.objects.filter(pk=contract.pk)))


def contract_detail(user, number: str) -> Contract:
    """One of the user's contracts with its company and product; raises Contract.DoesNotExist otherwise."""
    return visible_contracts(user).select_related("organization", "product").get(number=number)


def contract_documents(contract: Contract) -> QuerySet[ContractDocument]:
    return contract.documents.order_by("date", "pk")


def visible_document(user, *, number: str, pk: int) -> ContractDocument:
    """A document of one of the user's contracts; raises ContractDocument.DoesNotExist otherwise."""
    return ContractDocument.objects.select_related("contract").get(
        pk=pk, contract__number=number, contract__in=visible_contracts(user)
    )
