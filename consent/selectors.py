"""What the Compartilha RFB page shows, to whom, and which contracts lack consent.

One scope: the companies the user belongs to (``visible_organizations``); a gestor and a membro
both read, only a gestor changes (``can_manage``). A company outside that scope is not there (404).

A product needs consent when it reads RFB data (``RfbDataUse``). A company's row for it appears
when the company has a contract of it in force, or when a consent was ever recorded (so a consent
still granted after the contract ended can be revoked, and the history stays in view).
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone

from consent.models import Consent, ConsentEvent, RfbDataUse
from helpcenter.models import Product
from portal.models import Contract, Membership, Organization


def visible_organizations(user) -> QuerySet[Organization]:
    """The one scope of this app: the companies the user belongs to."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user)


def organization_for(user, cnpj: str) -> Organization:
    """One of the user's companies by its CNPJ; raises Organization.DoesNotExist otherwise."""
    return visible_organizations(user).get(cnpj=cnpj.upper())


def can_manage(user, organization: Organization) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organization=organization, role=Membership.Role.MANAGER).exists()
    )


def has_contract_in_force(organization: Organization, product: Product, *, today: datetime.date | None = None) -> bool:
    return Contract.objects.active(today=today).filter(organization=organization, product=product).exists()


def needing_product(slug: str) -> Product:
    """A product that reads RFB data, by slug; raises Product.DoesNotExist otherwise."""
    return Product.objects.filter(rfb_data_use__isnull=False).get(slug=slug)


@dataclass(frozen=True)
class ConsentRow:
    organization: Organization
    product: Product
    use: RfbDataUse
    consent: Consent | None
    in_force: bool
    can_manage: bool

    @property
    def key(self) -> str:
        return f"{self.organization.pk}-{self.product.pk}"

    @property
    def granted(self) -> bool:
        return self.consent is not None and self.consent.granted

    @property
    def last_event(self) -> ConsentEvent | None:
        return self.consent.last_event if self.consent else None

    @property
    def missing(self) -> bool:
        """A product in force whose company has not authorised it: it cannot read the data."""
        return self.in_force and not self.granted

    @property
    def can_grant(self) -> bool:
        return self.can_manage and self.in_force and not self.granted

    @property
    def can_revoke(self) -> bool:
        return self.can_manage and self.granted


@dataclass
class CompanyConsents:
    organization: Organization
    can_manage: bool
    rows: list[ConsentRow] = field(default_factory=list)

    @property
    def missing_count(self) -> int:
        return sum(1 for row in self.rows if row.missing)


def consent_page(user, *, today: datetime.date | None = None) -> list[CompanyConsents]:
    """Per company of the user: each product that needs consent, with its state and last change.
    Three queries whatever the number of companies, products and events."""
    today = today or timezone.localdate()
    memberships = list(
        Membership.objects.of_user(user).select_related("organization").order_by("organization__legal_name")
    )
    if not memberships:
        return []
    companies = {
        m.organization_id: CompanyConsents(m.organization, m.role == Membership.Role.MANAGER) for m in memberships
    }
    in_force: dict[tuple[int, int], Product] = {}
    for contract in (
        Contract.objects.active(today=today)
        .filter(organization_id__in=companies, product__rfb_data_use__isnull=False)
        .select_related("product__rfb_data_use")
    ):
        in_force[(contract.organization_id, contract.product_id)] = contract.product
    consents = {
        (consent.organization_id, consent.product_id): consent
        for consent in Consent.objects.filter(
            organization_id__in=companies, product__rfb_data_use__isnull=False
        ).select_related("product__rfb_data_use", "last_event")
    }
    for key in sorted(in_force.keys() | consents.keys(), key=lambda k: _product_of(k, in_force, consents).name):
        company = companies[key[0]]
        product = _product_of(key, in_force, consents)
        company.rows.append(
            ConsentRow(
                organization=company.organization,
                product=product,
                use=product.rfb_data_use,
                consent=consents.get(key),
                in_force=key in in_force,
                can_manage=company.can_manage,
            )
        )
    return list(companies.values())


def _product_of(key, in_force, consents) -> Product:
    return in_force[key] if key in in_force else consents[key].product


def history(organization: Organization) -> QuerySet[ConsentEvent]:
    """Every grant and revocation of the company, newest first."""
    return (
        ConsentEvent.objects.filter(organization=organization).select_related("product").order_by("-created_at", "-pk")
    )


# Warnings for other pages (Meus Contratos, Suporte): one query each, whatever the number of rows.


def lacking_consent(contracts: QuerySet[Contract], *, today: datetime.date | None = None) -> QuerySet[Contract]:
    """Of ``contracts``, those in force whose product reads RFB data and whose company has not
    granted consent for it (never, or revoked)."""
    granted = Consent.objects.filter(
        organization_id=OuterRef("organization_id"), product_id=OuterRef("product_id"), granted=True
    )
    return contracts.active(today=today).filter(product__rfb_data_use__isnull=False).exclude(Exists(granted))


def contract_ids_lacking_consent(contracts: QuerySet[Contract], *, today: datetime.date | None = None) -> set[int]:
    """The ids of ``contracts`` that need consent and lack it. One query."""
    return set(lacking_consent(contracts, today=today).order_by().values_list("pk", flat=True))


def contracted_products(user, *, today: datetime.date | None = None) -> list[Product]:
    """The active products of the contracts in force of the user's companies, by name in the
    current language, each once, with ``lacking_consent``: it reads RFB data and one of those
    companies has not granted consent for it. One query, read from the contracts."""
    granted = Consent.objects.filter(
        organization_id=OuterRef("organization_id"), product_id=OuterRef("product_id"), granted=True
    )
    lacking = ExpressionWrapper(Q(product__rfb_data_use__isnull=False) & ~Exists(granted), output_field=BooleanField())
    contracts = (
        Contract.objects.active(today=today)
        .of_user(user)
        .filter(product__active=True)
        .select_related("product")
        .only("product")
        .annotate(lacking_consent=lacking)
        .order_by()
    )
    products: dict[int, Product] = {}
    for contract in contracts:
        product = products.setdefault(contract.product_id, contract.product)
        product.lacking_consent = getattr(product, "lacking_consent", False) or contract.lacking_consent
    return sorted(products.values(), key=lambda product: (_sort_key(product.name), product.pk))


def _sort_key(name: str) -> str:
    """Alphabetical whatever the accents: Árvore before Biovalid."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
