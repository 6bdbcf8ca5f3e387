"""The shapes the customer API reads and answers, as its OpenAPI document shows them."""

import datetime
from typing import Literal

from ninja import Field, Schema


class ProblemError(Schema):
    detail: str = Field(description="O que está errado neste campo ou parâmetro.")
    pointer: str | None = Field(None, description="JSON Pointer do campo no corpo, por exemplo #/title.")
    parameter: str | None = Field(None, description="O parâmetro de consulta, de caminho ou cabeçalho.")


class ProblemOut(Schema):
    """RFC 9457: o corpo de todo erro da API, em application/problem+json, no idioma de Accept-Language."""

    type: str = Field(examples=["urn:area-do-cliente:api:problema:nao-encontrado"])
    title: str = Field(examples=["Não encontrado"])
    status: int = Field(examples=[404])
    detail: str
    instance: str = Field(examples=["/api/v1/tickets/2026SS00042"])
    errors: list[ProblemError] | None = Field(None, description="Só em erros de validação (400 e 422).")


class TokenOut(Schema):
    access_token: str
    token_type: Literal["Bearer"]
    expires_in: int = Field(description="Segundos até o token expirar.", examples=[1800])


class TokenError(Schema):
    """RFC 6749 §5.2 (error, error_description), com os membros de RFC 9457."""

    error: Literal["invalid_request", "invalid_client", "unsupported_grant_type"]
    error_description: str
    type: str
    title: str
    status: int
    detail: str
    instance: str


class Named(Schema):
    id: int
    name: str


class FormFieldOut(Schema):
    key: str = Field(description="A chave da resposta em extra, ao abrir o ticket.", examples=["extra_12"])
    label: str
    kind: Literal["texto", "texto_longo", "escolha", "multipla", "data", "numero", "sim_nao"]
    required: bool
    help_text: str
    choices: list[str] = Field(description="As opções, para escolha única ou múltipla.")


class TicketFormOut(Schema):
    slug: str
    name: str
    product: str | None
    subject: str | None
    types: list[Named] = Field(description="Os tipos de solicitação aceitos em type.")
    fields: list[FormFieldOut]


class FormList(Schema):
    items: list[TicketFormOut]


class ExtraAnswer(Schema):
    label: str
    value: str


class TicketSummary(Schema):
    protocol: str = Field(examples=["2026SS00042"])
    url: str
    title: str
    status: str
    status_label: str
    priority: str
    form: str
    product: str | None
    subject: str | None
    type: str
    requester_name: str
    requester_cpf: str = Field(description="Mascarado: ***.982.247-**.")
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_at: datetime.datetime | None
    response_due_at: datetime.datetime | None
    resolution_due_at: datetime.datetime | None


class TicketList(Schema):
    items: list[TicketSummary]
    next_cursor: str | None = Field(description="Passe em cursor para a próxima página; null na última.")
    next: str | None = Field(description="O endereço da próxima página; null na última.")


class AttachmentOut(Schema):
    name: str
    content_type: str
    size: int
    uploaded_at: datetime.datetime
    message_id: int | None


class MessageOut(Schema):
    id: int
    kind: Literal["cliente", "resposta"]
    author_name: str
    body: str
    created_at: datetime.datetime
    attachments: list[AttachmentOut]


class TicketDetail(TicketSummary):
    description: str
    email: str
    phone: str
    language: str
    extra: list[ExtraAnswer]
    messages: list[MessageOut] = Field(description="A conversa pública; notas internas nunca aparecem.")
    attachments: list[AttachmentOut] = Field(description="Todos os anexos públicos: os do ticket e os das mensagens.")


class TicketIn(Schema):
    form: str = Field(description="O slug do formulário (GET /forms).", examples=["datavalid"])
    type: int | str = Field(description="Um dos tipos do formulário, pelo id ou pelo nome.", examples=["Incidente"])
    title: str = Field(max_length=1000, examples=["Erro 500 na consulta"])
    description: str = Field(max_length=20000)
    requester_name: str = Field(max_length=1000)
    requester_cpf: str = Field(max_length=100, examples=["529.982.247-25"])
    email: str = Field(max_length=1000)
    phone: str = Field("", max_length=100)
    language: Literal["pt-br", "en", "es"] | None = Field(
        None, description="Idioma das respostas; sem ele, o de Accept-Language."
    )
    extra: dict[str, str | int | float | bool | list[str] | None] = Field(
        default_factory=dict, description="As respostas dos campos extras do formulário, pela key de cada um."
    )


class ContractOut(Schema):
    number: str
    product: str
    status: str
    status_label: str
    start_date: datetime.date
    end_date: datetime.date | None
    monthly_value: str | None = Field(description="Em reais, com ponto decimal.", examples=["12345.67"])


class ContractList(Schema):
    items: list[ContractOut]
    next_cursor: str | None
    next: str | None


class InvoiceOut(Schema):
    number: str
    contract: str
    period: datetime.date
    issue_date: datetime.date
    due_date: datetime.date
    amount: str = Field(description="Em reais, com ponto decimal.", examples=["12345.67"])
    situation: Literal["aberta", "vencida", "paga", "cancelada"]
    situation_label: str
    paid_at: datetime.date | None


class InvoiceList(Schema):
    items: list[InvoiceOut]
    next_cursor: str | None
    next: str | None


class MonthUsageOut(Schema):
    month: datetime.date
    quantity: int
    previous_year: int
    allowance: int | None
    above_allowance: bool
    partial: bool = Field(description="O mês corrente, contado até hoje.")


class ContractUsageOut(Schema):
    contract: str
    product: str
    unit: str
    allowance: int | None
    total: int
    months: list[MonthUsageOut]


class UsageOut(Schema):
    months: int
    items: list[ContractUsageOut]
