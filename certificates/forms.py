from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.models import SERVICE_UNITS, STATES, CertificateRequest
from portal.identifiers import mask_cnpj, mask_cpf, normalize_cnpj

VALIDITY_CHOICES = [(1, _("1 ano")), (2, _("2 anos")), (3, _("3 anos"))]


class CertificateRequestForm(forms.ModelForm):
    """The gestor's request. The rules between fields are the model's (``CertificateRequest.clean``)."""

    organization = forms.ModelChoiceField(queryset=None, label=_("Empresa"), empty_label=_("Escolha a empresa"))
    kind = forms.ChoiceField(label=_("Tipo"), choices=CertificateRequest.Kind.choices, widget=forms.RadioSelect)
    media = forms.ChoiceField(
        label=_("Mídia"),
        choices=CertificateRequest.Media.choices,
        widget=forms.RadioSelect,
        help_text=_("A1 vale 1 ano; A3, de 1 a 3 anos."),
    )
    validity_years = forms.TypedChoiceField(
        label=_("Validade"), choices=VALIDITY_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    holder_name = forms.CharField(label=_("Nome do titular"), max_length=200)
    holder_document = forms.CharField(
        label=_("CPF ou CNPJ do titular"),
        max_length=24,
        required=False,
        help_text=_("e-CPF: o CPF da pessoa. e-CNPJ: deixe em branco para usar o CNPJ da empresa."),
    )
    holder_email = forms.EmailField(
        label=_("E-mail do titular"), help_text=_("Recebe as instruções de emissão e, no A1, o link para download.")
    )
    delivery = forms.ChoiceField(
        label=_("Entrega"), choices=CertificateRequest.Delivery.choices, widget=forms.RadioSelect
    )
    service_unit = forms.ChoiceField(
        label=_("Unidade de atendimento"),
        choices=[("", _("Escolha a unidade")), *SERVICE_UNITS],
        required=False,
        help_text=_("Só para retirada do A3."),
    )
    state = forms.ChoiceField(label=_("UF"), choices=[("", "—"), *STATES], required=False)
    renovar = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CertificateRequest
        fields = [
            "organization",
            "kind",
            "media",
            "validity_years",
            "holder_name",
            "holder_document",
            "holder_email",
            "delivery",
            "service_unit",
            "postal_code",
            "street",
            "street_number",
            "complement",
            "district",
            "city",
            "state",
        ]
        labels = {
            "postal_code": _("CEP"),
            "street": _("Logradouro"),
            "street_number": _("Número"),
            "complement": _("Complemento"),
            "district": _("Bairro"),
            "city": _("Cidade"),
        }
        help_texts = {"postal_code": _("Ex: 70000-000")}

    ADDRESS_FIELDS = ("postal_code", "street", "street_number", "complement", "district", "city", "state")

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["postal_code"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "postal-code"})
        self.fields["street"].widget.attrs["autocomplete"] = "address-line1"
        self.fields["complement"].widget.attrs["autocomplete"] = "address-line2"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["holder_email"].widget.attrs["autocomplete"] = "email"
        self.fields["holder_document"].widget.attrs["autocomplete"] = "off"

    def clean_holder_document(self) -> str:
        # Masks and spaces go before the model checks the length; the model checks the digits.
        return normalize_cnpj(self.cleaned_data["holder_document"])

    def clean(self):
        data = super().clean()
        organization = data.get("organization")
        if not data.get("holder_document"):
            if data.get("kind") == CertificateRequest.Kind.ECNPJ and organization is not None:
                data["holder_document"] = organization.cnpj
            elif data.get("kind") == CertificateRequest.Kind.ECPF:
                self.add_error("holder_document", _("Informe o CPF do titular do e-CPF."))
        return data

    @property
    def address_fields(self):
        return [self[name] for name in self.ADDRESS_FIELDS]

    @classmethod
    def initial_from(cls, certificate: CertificateRequest) -> dict:
        """A renewal starts from the certificate it renews."""
        document = (
            mask_cpf(certificate.holder_document)
            if certificate.kind == CertificateRequest.Kind.ECPF
            else mask_cnpj(certificate.holder_document)
        )
        return {
            "organization": certificate.organization_id,
            "kind": certificate.kind,
            "media": certificate.media,
            "validity_years": certificate.validity_years,
            "holder_name": certificate.holder_name,
            "holder_document": document,
            "holder_email": certificate.holder_email,
            "delivery": certificate.delivery,
            "service_unit": certificate.service_unit,
            **{name: getattr(certificate, name) for name in cls.ADDRESS_FIELDS},
            "renovar": certificate.pk,
        }
