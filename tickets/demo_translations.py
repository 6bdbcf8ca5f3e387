"""English and Spanish names of the demo support catalog (tickets.demo and the seeded ticket types).

SUBJECT_TRANSLATIONS[language][subject slug] = name; TICKET_TYPE_TRANSLATIONS[language][portuguese name] = name;
FIELD_TRANSLATIONS[language][portuguese label] = (label, help_text, choices).
"""

SUBJECT_TRANSLATIONS = {
    "en": {
        "financeiro": "Billing / Duplicate boleto",
        "area-do-cliente": "Customer Area",
        "gestao-contratual": "Contract Management",
        "processo-de-compra": "Purchasing Process",
    },
    "es": {
        "financeiro": "Finanzas / Segunda vía del boleto",
        "area-do-cliente": "Área del Cliente",
        "gestao-contratual": "Gestión Contractual",
        "processo-de-compra": "Proceso de Compra",
    },
}

# Portuguese name (tickets/migrations/0002_ticket_types.py) -> name.
TICKET_TYPE_TRANSLATIONS = {
    "en": {
        "Incidente": "Incident",
        "Dúvida": "Question",
        "Requisição": "Service request",
        "Reclamação": "Complaint",
        "Sugestão": "Suggestion",
    },
    "es": {
        "Incidente": "Incidente",
        "Dúvida": "Consulta",
        "Requisição": "Solicitud de servicio",
        "Reclamação": "Reclamo",
        "Sugestão": "Sugerencia",
    },
}

# Portuguese label -> (label, help_text, choices): choices one per line, in the order of the Portuguese ones.
FIELD_TRANSLATIONS = {
    "en": {
        "Ambiente": ("Environment", "", "Production\nStaging\nTest"),
        "Data da ocorrência": ("Date of the issue", "", ""),
        "O problema impede o uso do produto?": ("Does the problem prevent you from using the product?", "", ""),
        "Número da fatura": ("Invoice number", "", ""),
        "Valor (R$)": ("Amount (R$)", "", ""),
        "Número do contrato": ("Contract number", "", ""),
    },
    "es": {
        "Ambiente": ("Entorno", "", "Producción\nHomologación\nPrueba"),
        "Data da ocorrência": ("Fecha del problema", "", ""),
        "O problema impede o uso do produto?": ("¿El problema impide el uso del producto?", "", ""),
        "Número da fatura": ("Número de factura", "", ""),
        "Valor (R$)": ("Valor (R$)", "", ""),
        "Número do contrato": ("Número de contrato", "", ""),
    },
}
