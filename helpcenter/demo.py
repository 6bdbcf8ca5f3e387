"""Demo catalog: products in the style of the real portal's catalog."""

from helpcenter.models import Product

PRODUCTS = [
    ("consulta-cpf", "Consulta CPF", "Situação cadastral de pessoas físicas na base da Receita Federal, por API."),
    ("consulta-cnpj", "Consulta CNPJ", "Dados cadastrais de empresas, incluindo o CNPJ alfanumérico, por API."),
    ("consulta-nfe", "Consulta NF-e", "Situação e dados de notas fiscais eletrônicas a partir da chave de acesso."),
    (
        "consulta-divida-ativa",
        "Consulta Dívida Ativa",
        "Inscrições em dívida ativa da União de pessoas físicas e jurídicas.",
    ),
    ("datavalid", "Datavalid", "Validação de dados cadastrais e biometria facial com bases oficiais do governo."),
    ("biovalid", "Biovalid", "Prova de vida e validação biométrica para aplicativos móveis e web."),
    ("serpro-id", "SERPRO ID", "Certificado digital em nuvem para pessoas e empresas, sem token físico."),
    (
        "escola-serpro-educa",
        "Escola Serpro Educa",
        "Cursos e trilhas de capacitação sobre os produtos para as equipes dos clientes.",
    ),
    ("nuvem-de-governo", "Nuvem de Governo", "Infraestrutura em nuvem para sistemas de órgãos públicos."),
    ("compartilha-rfb", "Compartilha RFB", "Compartilhamento de dados da Receita Federal autorizado pelo titular."),
]


def seed(stdout) -> None:
    for slug, name, description in PRODUCTS:
        Product.objects.update_or_create(slug=slug, defaults={"name": name, "short_description": description})
    stdout.write(f"  helpcenter: {len(PRODUCTS)} products")
