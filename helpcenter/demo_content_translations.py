"""English and Spanish versions of the demo help content (helpcenter.demo_content and helpcenter.demo).

Keyed by the Portuguese text, so each translation can be matched to its source:
FAQ_TRANSLATIONS[language][portuguese question] = (question, answer_markdown);
DOCUMENTATION_TRANSLATIONS[language][(product slug, portuguese title)] = (title, body_markdown);
CATEGORY_TRANSLATIONS[language][slug] = (name, description);
PRODUCT_TRANSLATIONS[language][slug] = (name, short_description).
"""

FAQ_TRANSLATIONS = {
    "en": {
        "Como faço para contratar um produto?": (
            "How do I purchase a product?",
            "There are two ways, and the right one depends on the product and on your organization's profile.\n\n"
            "- **Online store:** API products with public pricing, such as CPF Lookup and CNPJ Lookup, can be "
            "purchased directly in the [online store](https://loja.exemplo.gov.br). You choose the plan, accept "
            "the terms of use, enter your billing details and receive your credentials by e-mail.\n"
            "- **Sales proposal:** custom solutions, high volumes and services such as Government Cloud require "
            "a proposal. A consultant assesses your needs, sends the technical and pricing proposal, and follows "
            "the contract through to signature.\n\n"
            "If you are not sure which way to go, write to "
            "[comercial@exemplo.gov.br](mailto:comercial@exemplo.gov.br) with the product you are interested in "
            "and your estimated volume.",
        ),
        "Como um órgão público pode contratar os serviços?": (
            "How can a government agency purchase the services?",
            "Government agencies and public entities usually purchase through **direct contracting**, that is, "
            "without a competitive bidding process, in the cases allowed by public procurement law.\n\n"
            "- **Bidding waiver (*dispensa de licitação*):** competition would be possible, but the law allows "
            "direct contracting in specific situations, for example when the supplier is a public company "
            "created to provide services to the government itself.\n"
            "- **Bidding not applicable (*inexigibilidade*):** competition is not feasible because only one "
            "supplier can provide the service, as with access to official databases under exclusive custody.\n\n"
            "In both cases, the agency puts together a procurement file with a justification, a price survey and "
            "a legal opinion. We send the proposal, the qualification documents and the draft contract to "
            "support that file. Deciding which legal basis applies is up to the agency's legal department.",
        ),
        "Empresas privadas também podem contratar?": (
            "Can private companies purchase too?",
            "Yes. Private companies purchase like any corporate customer, with no public procurement process.\n\n"
            "1. Choose the product in the [online store](https://loja.exemplo.gov.br) or request a proposal from "
            "the sales team.\n"
            "2. Register the company with its CNPJ, address and a legal representative.\n"
            "3. Accept the terms of use or sign the contract electronically.\n"
            "4. Provide the billing contacts who will receive boletos (bank payment slips) and tax invoices.\n\n"
            "Products that give access to personal data require the company to describe the **purpose of use** "
            "and state the legal basis for processing, as required by data protection law. This review takes "
            "place before production credentials are released and may include requests for additional "
            "information.",
        ),
        "Como funcionam os preços e o faturamento por consumo?": (
            "How do pricing and usage-based billing work?",
            "Each product has a price list published in the online store or sent with the sales proposal. The "
            "most common models are:\n\n"
            "- **Usage-based:** you pay for the number of queries or transactions made in the month, with a unit "
            "price that decreases by volume tier.\n"
            "- **Fixed monthly fee:** a monthly amount per contracted resource, common for infrastructure and "
            "licenses.\n"
            "- **Per unit:** an amount per item delivered, such as an issued certificate or a course seat.\n\n"
            "In the usage-based model, volume is measured from the first to the last day of the month and billed "
            "the following month. Requests that fail because of an internal error on our side are not counted. "
            "You can check your usage so far at any time in **Check Usage**, in the Customer Area.",
        ),
        "Existe ambiente de testes antes da contratação?": (
            "Is there a test environment before I sign up?",
            "Yes. Most API products offer a free **demo environment**, with fictitious data and predefined "
            "responses, so your team can validate the integration before signing the contract.\n\n"
            "- Access is granted on the product page in the online store, with a demo key.\n"
            "- Queries use test data only, such as the fictitious CPF 000.000.001-91, and never reach real "
            "databases.\n"
            "- The environment has a per-minute request limit and may be reset without notice.\n\n"
            "Infrastructure products, such as Government Cloud, may offer a time-limited proof of concept "
            "arranged with the sales team. Nothing you do in the test environment is billed.",
        ),
        "Quanto tempo leva para o serviço ser ativado após a assinatura?": (
            "How long does it take for the service to be activated after signing?",
            "It depends on the type of product:\n\n"
            "- **APIs purchased in the online store:** production credentials are available a few minutes after "
            "your registration is confirmed and the terms are accepted.\n"
            "- **APIs purchased through a proposal:** usually within 2 business days after all parties have "
            "signed and the contract summary has been published, when required.\n"
            "- **Infrastructure and custom services:** the timeline is set out in the implementation schedule of "
            "the proposal.\n\n"
            "When the service is released, the contract manager receives an e-mail and the contract shows as "
            "**Active** in **My Contracts**. If the stated time has passed and the service has not been "
            "released, open a ticket in **Support** with the contract number.",
        ),
        "Quem pode acessar a Área do Cliente?": (
            "Who can access the Customer Area?",
            "Access is available to people linked to a customer organization:\n\n"
            "- the **manager**, appointed by the organization, who administers the team and sees all contracts;\n"
            "- the **members** added by the manager, who use the day-to-day features;\n"
            "- the representatives and billing contacts registered at purchase, when added as members.\n\n"
            "Everyone signs in with their own login, identified by CPF or e-mail. The same person can be linked "
            "to more than one organization, for example when working for two agencies; in that case, they choose "
            "the active organization in the top menu. Do not share passwords: to give a colleague access, ask "
            "the manager to add them to the team.",
        ),
        "Como faço o primeiro acesso ou recupero minha senha?": (
            "How do I sign in for the first time or recover my password?",
            "You sign in with your **CPF or e-mail** and a personal password.\n\n"
            "1. On the sign-in page, click **Forgot my password**.\n"
            "2. Enter the e-mail address your organization's manager registered for you.\n"
            "3. Open the message you receive and set a password with at least 10 characters that is not only "
            "numbers and is not similar to your name, CPF or e-mail.\n"
            "4. Go back to the sign-in page and use your CPF or e-mail with the new password.\n\n"
            "The same steps apply to your first sign-in and to a forgotten password. The reset link is valid for "
            "one hour; if it expires, request a new one. For security, the page shows the same message even when "
            "the e-mail is not registered. If nothing arrives, check your spam folder and confirm with your "
            "manager which e-mail address is on file.",
        ),
        "Como o gestor adiciona membros à equipe?": (
            "How does the manager add members to the team?",
            "Only people with the **Manager** role can add or remove people from the organization.\n\n"
            "1. In the Customer Area, open **Contacts**.\n"
            "2. Click **Add person** and enter the name, CPF and work e-mail.\n"
            "3. Choose the role: **Manager**, with full access, or **Member**, with access to day-to-day "
            "features such as viewing contracts and opening tickets.\n"
            "4. Save. The person receives an e-mail and signs in for the first time by setting their own "
            "password.\n\n"
            "When someone leaves the team, remove them in the same place: their access to that organization ends "
            "immediately. We recommend having at least two managers, so the organization is never left without "
            "an administrator during vacations or leaves of absence.",
        ),
        "Onde vejo os contratos da minha organização?": (
            "Where can I see my organization's contracts?",
            "Open **My Contracts** in the side menu. The list shows the active organization's contracts, with "
            "number, product, term and status:\n\n"
            "- **Active:** in force, with the service released;\n"
            "- **Suspended:** service temporarily not provided, for example because of an outstanding payment or "
            "at the customer's request;\n"
            "- **Ended:** term over or contract terminated, kept for reference.\n\n"
            "Click a contract to see its details: scope, amount, appointed manager and inspector, amendments and "
            "documents. If you work for more than one organization, switch the active organization in the top "
            "menu to see each one's contracts. If a contract is missing, it may be registered under another "
            "CNPJ: open a ticket with the contract number.",
        ),
        "Como abro e acompanho um chamado? O que significa o número de protocolo?": (
            "How do I open and follow up on a ticket? What does the protocol number mean?",
            "Open **Support** in the side menu and click **New ticket**. Choose the subject and the request "
            "type, fill in the form and attach any files that help, such as screenshots or a sample request that "
            "returned an error.\n\n"
            "When you submit it, you receive a **protocol number**, such as **2026SS/00042**: the first four "
            "digits are the year the ticket was opened, **SS** stands for *solicitação de suporte* (support "
            "request), and the final number is sequential within the year. Please mention this number whenever "
            "you contact our team.\n\n"
            "In the ticket list, follow the status of each one:\n\n"
            "- **Open** or **In progress:** the team is working on your request;\n"
            "- **Waiting for the customer:** we need a reply or a document from you;\n"
            "- **Resolved** or **Closed:** the request has been completed.",
        ),
        "Como altero o idioma da Área do Cliente?": (
            "How do I change the language of the Customer Area?",
            "The Customer Area is available in **Portuguese**, **English** and **Spanish**.\n\n"
            "1. At the top of the page, open the language selector, which shows the current language.\n"
            "2. Choose **Português**, **English** or **Español**.\n"
            "3. The page reloads in the language you chose.\n\n"
            "Your preference is saved in the browser and applies to future visits on the same device. Switching "
            "changes the portal's menus, buttons and messages. Some content, such as contract documents and tax "
            "invoices, remains in Portuguese. When you open a ticket, you can also indicate the language in "
            "which you prefer to be answered.",
        ),
        "Como recebo o boleto e a nota fiscal?": (
            "How do I receive the boleto and the tax invoice?",
            "Every month, after usage for the period is measured, we issue the service **tax invoice** and the "
            "corresponding **boleto** (bank payment slip). Both are sent by e-mail to the registered billing "
            "contacts and are available in **Billing**, in the Customer Area, where each invoice shows:\n\n"
            "- the tax invoice number and PDF;\n"
            "- the boleto, with the typeable line (*linha digitável*) and the due date;\n"
            "- the payment status.\n\n"
            "To change who receives these e-mails, the manager updates the billing contacts in **Contacts**. Use "
            "a shared work mailbox, such as financeiro@orgao.exemplo.gov.br, rather than personal e-mail "
            "addresses, so messages are not lost when the team changes. Changes made by the 20th apply to that "
            "month's billing.",
        ),
        "Como emito a 2ª via do boleto?": (
            "How do I get a duplicate boleto?",
            "You can issue the duplicate yourself, without opening a ticket:\n\n"
            "1. Go to **Billing** in the Customer Area.\n"
            "2. Find the invoice by billing month or by tax invoice number.\n"
            "3. Click **Duplicate boleto** and download the PDF or copy the typeable line.\n\n"
            "If the boleto (bank payment slip) is overdue, the duplicate has a new due date and includes late "
            "charges calculated up to that date. For boletos that are not yet due, the duplicate is identical to "
            "the original. If the option does not appear, for example for invoices already marked as paid or "
            "under negotiation, open a ticket in **Support** with the subject **Billing** and include the tax "
            "invoice number.",
        ),
        "Qual é o prazo de vencimento e o que acontece se eu pagar com atraso?": (
            "When is payment due, and what happens if I pay late?",
            "The due date is set in the contract and shown on the boleto (bank payment slip), usually 30 days "
            "after the tax invoice is issued. For government agencies, this period allows for the time needed to "
            "certify the service and settle the expense.\n\n"
            "Payments made after the due date incur a late fee and interest in proportion to the days late, "
            "under the terms of the contract. These amounts appear on the duplicate boleto or are added to the "
            "next invoice.\n\n"
            "Prolonged delays may lead to:\n\n"
            "- e-mail notices to the billing contacts and the manager;\n"
            "- suspension of the service, always after prior notice;\n"
            "- referral of the debt to credit recovery procedures.\n\n"
            "If something is preventing payment, such as a missing budget commitment (*empenho*) or an invoice "
            "under review, contact us before the due date.",
        ),
        "Em quanto tempo o pagamento é confirmado?": (
            "How long does it take for a payment to be confirmed?",
            "It depends on the payment method:\n\n"
            "- **Boleto (bank payment slip) paid before the bank's cut-off time:** confirmation usually arrives "
            "within 3 business days.\n"
            "- **Payment order (*ordem bancária*) issued by a government agency:** may take a few more business "
            "days, depending on the paying agency's process.\n"
            "- **Identified bank transfer**, when provided for in the contract: up to 2 business days, as long "
            "as the identifier is correct.\n\n"
            "Once the payment is confirmed, the invoice changes to **Paid** in **Billing**. If that time has "
            "passed and the invoice is still open, open a ticket in **Support** with the payment receipt in PDF "
            "and the tax invoice number. Do not pay the same boleto twice while you wait for confirmation.",
        ),
        "Como funciona a retenção de tributos para órgãos públicos?": (
            "How does tax withholding work for government agencies?",
            "Government agencies and public entities may be required to withhold taxes and contributions when "
            "paying the tax invoice. In that case, the agency pays us the net amount and remits the withheld "
            "portion directly to the relevant tax authority.\n\n"
            "In practice:\n\n"
            "1. The tax invoice itemizes the applicable taxes and the amounts subject to withholding, according "
            "to the nature of the service.\n"
            "2. The agency's finance department checks these amounts and applies the withholding rules that "
            "apply to it.\n"
            "3. The agency pays the net amount and sends the withholding receipt, when requested.\n\n"
            "If the boleto (bank payment slip) shows the gross amount, pay the net amount by payment order or "
            "request an adjusted boleto through **Support**. Questions about which rule applies should be "
            "confirmed with the agency's accounting department.",
        ),
        "Como funciona a cobrança pelo consumo e o que aparece na fatura?": (
            "How are usage charges calculated, and what appears on the invoice?",
            "For products billed by use, **charges** are calculated on the volume measured from the first to the "
            "last day of the previous month. The invoice shows:\n\n"
            "- the measurement period;\n"
            "- the number of queries or transactions per product and per price tier;\n"
            "- the unit price of each tier and the subtotal;\n"
            "- adjustments, such as credits or late charges from previous months;\n"
            "- the total amount, the itemized taxes and the due date.\n\n"
            "The detailed report, with usage by day and by access key, is in **Check Usage**. Compare this "
            "report with your own system's records. If you find a discrepancy, open a ticket within 30 days of "
            "the invoice date, stating the period and the keys involved.",
        ),
        "O que é a vigência do contrato e como acontece a renovação?": (
            "What is the contract term, and how does renewal work?",
            "The **term** is the period during which the contract is in effect: it starts on the date stated in "
            "the contract, or on publication of the contract summary when required, and ends on the scheduled "
            "end date. The dates are shown in **My Contracts**.\n\n"
            "Contracts for continuing services can be extended, within the limits of the law and of the contract "
            "itself:\n\n"
            "1. About 120 days before the term ends, we send a notice to the contract manager.\n"
            "2. The customer decides whether to continue and, if so, states its interest in the extension.\n"
            "3. The extension is formalized by an **amendment**, signed before the term ends.\n\n"
            "If the term ends without a signed amendment, the contract changes to **Ended** and the service is "
            "discontinued. So start your internal process well in advance.",
        ),
        "Quando é preciso fazer um termo aditivo?": (
            "When is a contract amendment required?",
            "An **amendment** formalizes changes to the contract after it has been signed. It is required, for "
            "example, to:\n\n"
            "- extend the term;\n"
            "- increase or decrease estimated quantities and amounts;\n"
            "- add a new product or service related to the contract's scope;\n"
            "- change payment or service delivery terms.\n\n"
            "To request one, open a ticket in **Support** with the subject **Contract Management**, describing "
            "the change and the reason for it. Our team prepares the draft, which is reviewed by both parties "
            "and signed electronically. Once signed, the amendment appears in the contract details in **My "
            "Contracts**. Simple changes, such as updating contacts, do not require an amendment and can be made "
            "directly in the Customer Area.",
        ),
        "Como funciona o reajuste de preços?": (
            "How do price adjustments work?",
            "A **price adjustment** restores prices in line with inflation over the period. It is provided for "
            "in the contract itself, which defines the index and the base date.\n\n"
            "- It can only be applied after 12 months from the base date, such as the date of the proposal.\n"
            "- The percentage is the index stated in the contract, accumulated over the period.\n"
            "- The new prices apply to services provided from the adjustment date onward.\n\n"
            "Before applying the adjustment, we send the contract manager a notice with the index, the "
            "calculation and the new price list. It is usually formalized by an **apostilamento**, a formal "
            "annotation to the contract that is simpler than an amendment. If your organization needs the "
            "calculation in a specific format for its internal process, request it through **Support**.",
        ),
        "É possível suspender ou encerrar um contrato?": (
            "Can a contract be suspended or terminated?",
            "Yes, in both cases with prior notice and a formal record.\n\n"
            "**Suspension** pauses the service for a period without ending the contract. It may happen at the "
            "customer's request, for example during a restructuring, or at our initiative in the case of late "
            "payments, always after notice. While it lasts, the contract shows as **Suspended**, access keys "
            "stop working and there is no usage-based billing.\n\n"
            "**Termination** happens at the end of the term or through early termination. To terminate early, "
            "the manager sends the request through **Support** with the desired date, observing the notice "
            "period set in the contract. Before that, export any reports and documents you need: the contract "
            "remains visible as **Ended**, but the services are deactivated.",
        ),
        "Como trocar o gestor ou o fiscal do contrato?": (
            "How do I change the contract manager or inspector?",
            "For public-sector customers, the contract **manager** and **inspector** are appointed by the "
            "organization itself, usually through an ordinance (*portaria*) or equivalent act. The change takes "
            "three steps:\n\n"
            "1. The organization issues and, if applicable, publishes the new appointment act.\n"
            "2. A manager of the organization opens a ticket in **Support** with the subject **Contract "
            "Management**, attaching the act and providing the name, CPF and e-mail of the person taking over.\n"
            "3. We update the contract record, and the new person starts receiving notices about the term, "
            "billing and attestation.\n\n"
            "If that person does not use the Customer Area yet, add them in **Contacts** first. Also remember to "
            "remove access for the person who left the role, if they have no other duties in the organization.",
        ),
        "O que é o ateste de serviços e como fazê-lo?": (
            "What is service attestation, and how do I do it?",
            "**Attestation** is the confirmation, by the contract inspector or manager, that the billed services "
            "were actually provided. For government agencies, it is a mandatory step before payment.\n\n"
            "1. After the tax invoice is issued, the person responsible receives an e-mail notice.\n"
            "2. In **Service Attestation**, they check the period, quantities and amounts, comparing them with "
            "the **Check Usage** report.\n"
            "3. If everything is correct, they record the attestation; if there is a discrepancy, they record a "
            "dispute with the reason.\n\n"
            "Disputes are reviewed by our team, which replies with a correction or with evidence of the usage. "
            "Attesting on time avoids payment delays and late charges.",
        ),
    },
    "es": {
        "Como faço para contratar um produto?": (
            "¿Cómo contrato un producto?",
            "Hay dos caminos, y la elección depende del producto y del perfil de su organización.\n\n"
            "- **Tienda en línea:** los productos de API con precio público, como Consulta de CPF y Consulta de "
            "CNPJ, se pueden contratar directamente en la [tienda en línea](https://loja.exemplo.gov.br). Usted "
            "elige el plan, acepta los términos de uso, ingresa los datos de facturación y recibe las "
            "credenciales por correo electrónico.\n"
            "- **Propuesta comercial:** las soluciones a medida, los volúmenes elevados o servicios como la Nube "
            "de Gobierno requieren una propuesta. Un consultor analiza la necesidad, envía la propuesta técnica "
            "y de precios y acompaña la firma del contrato.\n\n"
            "Si no sabe qué camino seguir, escriba a [comercial@exemplo.gov.br](mailto:comercial@exemplo.gov.br) "
            "indicando el producto de interés y el volumen estimado.",
        ),
        "Como um órgão público pode contratar os serviços?": (
            "¿Cómo puede un organismo público contratar los servicios?",
            "Los organismos y entidades de la administración pública suelen contratar por **contratación "
            "directa**, es decir, sin licitación, en los casos que permite la legislación de licitaciones y "
            "contratos.\n\n"
            "- **Dispensa de licitación (*dispensa de licitação*):** la competencia sería posible, pero la ley "
            "autoriza la contratación directa en situaciones específicas, por ejemplo cuando el proveedor es una "
            "empresa pública creada para prestar servicios a la propia administración.\n"
            "- **Inviabilidad de competencia (*inexigibilidade*):** la competencia no es viable porque el "
            "servicio solo puede prestarlo un proveedor, como el acceso a bases oficiales bajo custodia "
            "exclusiva.\n\n"
            "En ambos casos, el organismo arma un expediente con la justificación, un estudio de precios y un "
            "dictamen jurídico. Nosotros enviamos la propuesta, los documentos de habilitación y el borrador del "
            "contrato para respaldar ese expediente. Definir qué supuesto corresponde es responsabilidad del "
            "área jurídica del organismo.",
        ),
        "Empresas privadas também podem contratar?": (
            "¿Las empresas privadas también pueden contratar?",
            "Sí. Las empresas privadas contratan como cualquier cliente corporativo, sin proceso de contratación "
            "pública.\n\n"
            "1. Elija el producto en la [tienda en línea](https://loja.exemplo.gov.br) o solicite una propuesta "
            "al equipo comercial.\n"
            "2. Registre la empresa con su CNPJ, dirección y un representante legal.\n"
            "3. Acepte los términos de uso o firme el contrato electrónicamente.\n"
            "4. Indique los contactos de facturación que recibirán los boletos (comprobantes de pago bancario) y "
            "las notas fiscales.\n\n"
            "Los productos que dan acceso a datos personales exigen que la empresa describa la **finalidad de "
            "uso** e indique la base legal del tratamiento, conforme a la legislación de protección de datos. "
            "Este análisis se realiza antes de liberar las credenciales de producción y puede requerir "
            "información adicional.",
        ),
        "Como funcionam os preços e o faturamento por consumo?": (
            "¿Cómo funcionan los precios y la facturación por consumo?",
            "Cada producto tiene una tabla de precios publicada en la tienda en línea o enviada con la propuesta "
            "comercial. Los modelos más comunes son:\n\n"
            "- **Por consumo:** usted paga por el número de consultas o transacciones realizadas en el mes, con "
            "un precio unitario que disminuye según el rango de volumen.\n"
            "- **Cuota mensual fija:** un valor mensual por recurso contratado, habitual en infraestructura y "
            "licencias.\n"
            "- **Por unidad:** un valor por ítem entregado, como un certificado emitido o una vacante en un "
            "curso.\n\n"
            "En el modelo por consumo, el volumen se calcula del primer al último día del mes y se factura al "
            "mes siguiente. Las solicitudes rechazadas por una falla interna nuestra no se cuentan. Puede seguir "
            "el consumo parcial en cualquier momento en **Consultar Consumo**, en el Área del Cliente.",
        ),
        "Existe ambiente de testes antes da contratação?": (
            "¿Hay un entorno de pruebas antes de contratar?",
            "Sí. La mayoría de los productos de API ofrece un **entorno de demostración** gratuito, con datos "
            "ficticios y respuestas predefinidas, para que su equipo valide la integración antes de firmar el "
            "contrato.\n\n"
            "- El acceso se habilita en la página del producto, en la tienda en línea, con una clave de "
            "demostración.\n"
            "- Las consultas usan solo datos de prueba, como el CPF ficticio 000.000.001-91, y no acceden a "
            "bases reales.\n"
            "- El entorno tiene un límite de solicitudes por minuto y puede reiniciarse sin aviso.\n\n"
            "Los productos de infraestructura, como la Nube de Gobierno, pueden ofrecer una prueba de concepto "
            "con plazo definido, acordada con el equipo comercial. Nada de lo que se haga en el entorno de "
            "pruebas se factura.",
        ),
        "Quanto tempo leva para o serviço ser ativado após a assinatura?": (
            "¿Cuánto tarda la activación del servicio después de la firma?",
            "El plazo depende del tipo de producto:\n\n"
            "- **API contratadas en la tienda en línea:** las credenciales de producción están disponibles pocos "
            "minutos después de confirmar el registro y aceptar los términos.\n"
            "- **API contratadas por propuesta:** en general, hasta 2 días hábiles después de la firma de todas "
            "las partes y de la publicación del extracto del contrato, cuando se exige.\n"
            "- **Infraestructura y servicios a medida:** el plazo figura en el cronograma de implementación de "
            "la propuesta.\n\n"
            "Cuando se habilita el servicio, el gestor del contrato recibe un correo electrónico y el contrato "
            "aparece como **Activo** en **Mis Contratos**. Si el plazo informado vence sin que se habilite el "
            "servicio, abra un ticket en **Soporte** indicando el número del contrato.",
        ),
        "Quem pode acessar a Área do Cliente?": (
            "¿Quién puede acceder al Área del Cliente?",
            "Tienen acceso las personas vinculadas a una organización cliente:\n\n"
            "- el **gestor**, designado por la organización, que administra el equipo y ve todos los contratos;\n"
            "- los **miembros** incluidos por el gestor, que usan las funciones del día a día;\n"
            "- los representantes y contactos de facturación registrados en la contratación, cuando se incluyen "
            "como miembros.\n\n"
            "Cada persona usa su propio acceso, identificado por el CPF o el correo electrónico. Una misma "
            "persona puede estar vinculada a más de una organización, por ejemplo cuando atiende a dos "
            "organismos; en ese caso, elige la organización activa en el menú superior. No comparta contraseñas: "
            "para dar acceso a un colega, pida al gestor que lo incluya en el equipo.",
        ),
        "Como faço o primeiro acesso ou recupero minha senha?": (
            "¿Cómo ingreso por primera vez o recupero mi contraseña?",
            "Se ingresa con su **CPF o correo electrónico** y una contraseña personal.\n\n"
            "1. En la pantalla de ingreso, haga clic en **Olvidé mi contraseña**.\n"
            "2. Indique el correo electrónico que registró el gestor de su organización.\n"
            "3. Abra el mensaje recibido y defina una contraseña de al menos 10 caracteres, que no sea solo "
            "numérica ni se parezca a su nombre, CPF o correo electrónico.\n"
            "4. Vuelva a la pantalla de ingreso y use su CPF o correo electrónico con la nueva contraseña.\n\n"
            "El mismo camino sirve para el primer ingreso y para cuando olvida la contraseña. El enlace de "
            "restablecimiento es válido por una hora; si vence, solicite otro. Por seguridad, la pantalla "
            "muestra el mismo mensaje aunque el correo no esté registrado. Si no recibe nada, revise la carpeta "
            "de spam y confirme con el gestor qué correo está registrado.",
        ),
        "Como o gestor adiciona membros à equipe?": (
            "¿Cómo agrega el gestor miembros al equipo?",
            "Solo quien tiene el rol de **Gestor** puede incluir o quitar personas de la organización.\n\n"
            "1. En el Área del Cliente, abra **Contactos**.\n"
            "2. Haga clic en **Agregar persona** e ingrese el nombre, el CPF y el correo electrónico "
            "institucional.\n"
            "3. Elija el rol: **Gestor**, con acceso total, o **Miembro**, con acceso a las funciones del día a "
            "día, como consultar contratos y abrir tickets.\n"
            "4. Guarde. La persona recibe un correo electrónico y realiza el primer ingreso definiendo su propia "
            "contraseña.\n\n"
            "Cuando alguien deja el equipo, quite el vínculo en el mismo lugar: el acceso a esa organización se "
            "cierra de inmediato. Recomendamos mantener al menos dos gestores, para que la organización no se "
            "quede sin administrador durante vacaciones o licencias.",
        ),
        "Onde vejo os contratos da minha organização?": (
            "¿Dónde veo los contratos de mi organización?",
            "Abra **Mis Contratos** en el menú lateral. La lista muestra los contratos de la organización "
            "activa, con número, producto, vigencia y situación:\n\n"
            "- **Activo:** vigente y con el servicio habilitado;\n"
            "- **Suspendido:** temporalmente sin prestación del servicio, por ejemplo por una deuda pendiente o "
            "a pedido del cliente;\n"
            "- **Finalizado:** vigencia terminada o contrato rescindido, que se conserva para consulta.\n\n"
            "Haga clic en un contrato para ver los detalles: objeto, valor, gestor y fiscal designados, adendas "
            "y documentos. Si atiende a más de una organización, cambie la organización activa en el menú "
            "superior para ver los contratos de cada una. Si un contrato no aparece, puede estar registrado con "
            "otro CNPJ: abra un ticket indicando el número.",
        ),
        "Como abro e acompanho um chamado? O que significa o número de protocolo?": (
            "¿Cómo abro y sigo un ticket? ¿Qué significa el número de protocolo?",
            "Abra **Soporte** en el menú lateral y haga clic en **Nuevo ticket**. Elija el asunto y el tipo de "
            "solicitud, complete el formulario y adjunte los archivos que ayuden, como capturas de pantalla o el "
            "ejemplo de una solicitud con error.\n\n"
            "Al enviarlo, recibe un **número de protocolo**, como **2026SS/00042**: los cuatro primeros dígitos "
            "son el año de apertura, **SS** indica una *solicitação de suporte* (solicitud de soporte) y el "
            "número final es secuencial dentro del año. Indique este número siempre que se comunique con nuestro "
            "equipo.\n\n"
            "En la lista de tickets, siga la situación de cada uno:\n\n"
            "- **Abierto** o **En atención:** el equipo está trabajando en su solicitud;\n"
            "- **Esperando al cliente:** necesitamos una respuesta o un documento suyo;\n"
            "- **Resuelto** o **Cerrado:** atención concluida.",
        ),
        "Como altero o idioma da Área do Cliente?": (
            "¿Cómo cambio el idioma del Área del Cliente?",
            "El Área del Cliente está disponible en **portugués**, **inglés** y **español**.\n\n"
            "1. En la parte superior de la página, abra el selector de idioma, que muestra el idioma actual.\n"
            "2. Elija **Português**, **English** o **Español**.\n"
            "3. La página se vuelve a cargar en el idioma elegido.\n\n"
            "La preferencia queda guardada en el navegador y vale para las próximas visitas desde el mismo "
            "dispositivo. El cambio afecta los menús, botones y mensajes del portal. Algunos contenidos, como "
            "los documentos contractuales y las notas fiscales, siguen en portugués. Al abrir un ticket, también "
            "puede indicar el idioma en el que prefiere ser atendido.",
        ),
        "Como recebo o boleto e a nota fiscal?": (
            "¿Cómo recibo el boleto y la nota fiscal?",
            "Todos los meses, después de calcular el consumo del período, emitimos la **nota fiscal** de "
            "servicios y el **boleto** (comprobante de pago bancario) correspondiente. Ambos se envían por "
            "correo electrónico a los contactos de facturación registrados y quedan disponibles en **Finanzas**, "
            "en el Área del Cliente, donde cada factura muestra:\n\n"
            "- el número y el PDF de la nota fiscal;\n"
            "- el boleto, con la línea digitable y la fecha de vencimiento;\n"
            "- la situación del pago.\n\n"
            "Para cambiar quién recibe estos correos, el gestor actualiza los contactos de facturación en "
            "**Contactos**. Prefiera un buzón institucional, como financeiro@orgao.exemplo.gov.br, en lugar de "
            "correos personales, para que los mensajes no se pierdan con los cambios de equipo. Los cambios "
            "hechos hasta el día 20 ya valen para la facturación del mes.",
        ),
        "Como emito a 2ª via do boleto?": (
            "¿Cómo emito la segunda vía del boleto?",
            "Usted mismo puede emitir la segunda vía, sin abrir un ticket:\n\n"
            "1. Acceda a **Finanzas** en el Área del Cliente.\n"
            "2. Ubique la factura por el mes de referencia o por el número de la nota fiscal.\n"
            "3. Haga clic en **Segunda vía del boleto** y descargue el PDF o copie la línea digitable.\n\n"
            "Si el boleto (comprobante de pago bancario) está vencido, la segunda vía sale con una nueva fecha "
            "de vencimiento y con los recargos por atraso ya calculados hasta esa fecha. Para boletos dentro del "
            "plazo, la segunda vía es idéntica a la original. Si la opción no aparece, por ejemplo en facturas "
            "con pago ya registrado o en negociación, abra un ticket en **Soporte** con el asunto **Finanzas** e "
            "indique el número de la nota fiscal.",
        ),
        "Qual é o prazo de vencimento e o que acontece se eu pagar com atraso?": (
            "¿Cuál es el plazo de vencimiento y qué pasa si pago con atraso?",
            "El vencimiento se define en el contrato y figura en el boleto (comprobante de pago bancario), en "
            "general 30 días después de la emisión de la nota fiscal. Para los organismos públicos, el plazo "
            "considera el tiempo necesario para la certificación del servicio y la liquidación del gasto.\n\n"
            "Los pagos posteriores al vencimiento tienen un recargo de multa e intereses proporcionales a los "
            "días de atraso, según las condiciones del contrato. Estos valores aparecen en la segunda vía o se "
            "cargan en la factura siguiente.\n\n"
            "Los atrasos prolongados pueden dar lugar a:\n\n"
            "- avisos por correo electrónico a los contactos de facturación y al gestor;\n"
            "- suspensión del servicio, siempre con notificación previa;\n"
            "- inclusión de la deuda en los procedimientos de recuperación de créditos.\n\n"
            "Si hay algún impedimento para el pago, como la falta de compromiso presupuestario (*empenho*) o una "
            "nota en análisis, comuníquese con nosotros antes del vencimiento.",
        ),
        "Em quanto tempo o pagamento é confirmado?": (
            "¿En cuánto tiempo se confirma el pago?",
            "El plazo depende de la forma de pago:\n\n"
            "- **Boleto (comprobante de pago bancario) pagado antes del horario límite del banco:** la "
            "confirmación suele llegar en hasta 3 días hábiles.\n"
            "- **Orden bancaria emitida por un organismo público:** puede tardar algunos días hábiles más, según "
            "el flujo del organismo pagador.\n"
            "- **Transferencia identificada**, cuando la prevé el contrato: hasta 2 días hábiles, siempre que el "
            "identificador sea correcto.\n\n"
            "Cuando se confirma el pago, la factura pasa a **Pagada** en **Finanzas**. Si el plazo vence y la "
            "factura sigue pendiente, abra un ticket en **Soporte** con el comprobante en PDF y el número de la "
            "nota fiscal. No pague el mismo boleto dos veces mientras espera la confirmación.",
        ),
        "Como funciona a retenção de tributos para órgãos públicos?": (
            "¿Cómo funciona la retención de tributos para organismos públicos?",
            "Los organismos y entidades públicos pueden estar obligados a retener tributos y contribuciones al "
            "pagar la nota fiscal. En ese caso, el organismo nos paga el valor neto e ingresa la parte retenida "
            "directamente al ente competente.\n\n"
            "En la práctica:\n\n"
            "1. La nota fiscal detalla los tributos aplicables y los valores sujetos a retención, según la "
            "naturaleza del servicio.\n"
            "2. El área financiera del organismo verifica esos valores y aplica las reglas de retención que le "
            "corresponden.\n"
            "3. El organismo paga el valor neto y envía el comprobante de retención, cuando se le solicita.\n\n"
            "Si el boleto (comprobante de pago bancario) viene con el valor bruto, pague el valor neto por orden "
            "bancaria o solicite un boleto ajustado a través de **Soporte**. Las dudas sobre la regla aplicable "
            "deben confirmarse con el área contable del organismo.",
        ),
        "Como funciona a cobrança pelo consumo e o que aparece na fatura?": (
            "¿Cómo se cobra el consumo y qué aparece en la factura?",
            "En los productos facturados por uso, el **cobro** se calcula sobre el volumen medido del primer al "
            "último día del mes anterior. La factura incluye:\n\n"
            "- el período de cálculo;\n"
            "- la cantidad de consultas o transacciones por producto y por rango de precio;\n"
            "- el precio unitario de cada rango y el subtotal;\n"
            "- ajustes, como créditos o recargos por atraso de meses anteriores;\n"
            "- el valor total, los tributos detallados y el vencimiento.\n\n"
            "El informe detallado, con el consumo por día y por clave de acceso, está en **Consultar Consumo**. "
            "Compare este informe con los registros de su sistema. Si encuentra una diferencia, abra un ticket "
            "dentro de los 30 días posteriores a la emisión de la factura, indicando el período y las claves "
            "involucradas.",
        ),
        "O que é a vigência do contrato e como acontece a renovação?": (
            "¿Qué es la vigencia del contrato y cómo se renueva?",
            "La **vigencia** es el período en que el contrato surte efecto: comienza en la fecha indicada en el "
            "contrato, o en la publicación del extracto cuando se exige, y termina en la fecha final prevista. "
            "Las fechas aparecen en **Mis Contratos**.\n\n"
            "Los contratos de servicios continuos pueden prorrogarse, dentro de los límites de la legislación y "
            "del propio contrato:\n\n"
            "1. Unos 120 días antes del fin de la vigencia, enviamos un aviso al gestor del contrato.\n"
            "2. El cliente evalúa la continuidad y, si corresponde, manifiesta su interés en la prórroga.\n"
            "3. La prórroga se formaliza mediante una **adenda**, firmada antes del término de la vigencia.\n\n"
            "Si la vigencia termina sin una adenda firmada, el contrato pasa a **Finalizado** y el servicio se "
            "interrumpe. Por eso, inicie el proceso interno con anticipación.",
        ),
        "Quando é preciso fazer um termo aditivo?": (
            "¿Cuándo es necesario hacer una adenda?",
            "La **adenda** formaliza modificaciones del contrato después de la firma. Es necesaria, por ejemplo, "
            "para:\n\n"
            "- prorrogar la vigencia;\n"
            "- aumentar o reducir cantidades y valores estimados;\n"
            "- incluir un nuevo producto o servicio relacionado con el objeto;\n"
            "- modificar condiciones de pago o de prestación del servicio.\n\n"
            "Para solicitarla, abra un ticket en **Soporte** con el asunto **Gestión Contractual**, describiendo "
            "la modificación y su justificación. Nuestro equipo prepara el borrador, que pasa por el análisis de "
            "ambas partes y la firma electrónica. Una vez firmada, la adenda aparece en los detalles del "
            "contrato, en **Mis Contratos**. Los cambios simples, como la actualización de contactos, no "
            "requieren adenda y pueden hacerse en la propia Área del Cliente.",
        ),
        "Como funciona o reajuste de preços?": (
            "¿Cómo funciona el reajuste de precios?",
            "El **reajuste** actualiza los precios según la inflación del período. Está previsto en el propio "
            "contrato, que define el índice y la fecha base.\n\n"
            "- Solo puede aplicarse después de 12 meses contados desde la fecha base, como la fecha de la "
            "propuesta.\n"
            "- El porcentaje es el del índice indicado en el contrato, acumulado en el período.\n"
            "- Los nuevos precios valen para los servicios prestados a partir de la fecha del reajuste.\n\n"
            "Antes de aplicar el reajuste, enviamos al gestor del contrato una comunicación con el índice, el "
            "cálculo y la nueva tabla de precios. En general, se formaliza mediante un **apostilamento**, una "
            "anotación formal en el contrato más simple que la adenda. Si su organización necesita el cálculo en "
            "un formato específico para el proceso interno, solicítelo a través de **Soporte**.",
        ),
        "É possível suspender ou encerrar um contrato?": (
            "¿Es posible suspender o finalizar un contrato?",
            "Sí, en ambos casos con aviso previo y registro formal.\n\n"
            "La **suspensión** interrumpe la prestación del servicio por un período, sin finalizar el contrato. "
            "Puede ocurrir a pedido del cliente, por ejemplo durante una reestructuración, o por iniciativa "
            "nuestra en caso de pagos atrasados, siempre después de una notificación. Mientras dura, el contrato "
            "aparece como **Suspendido**, las claves de acceso dejan de funcionar y no hay facturación por "
            "consumo.\n\n"
            "La **finalización** ocurre al terminar la vigencia o por rescisión anticipada. Para rescindir, el "
            "gestor envía la solicitud a través de **Soporte** con la fecha deseada, respetando el plazo de "
            "aviso previsto en el contrato. Antes de eso, exporte los informes y documentos que necesite: el "
            "contrato sigue visible como **Finalizado**, pero los servicios se desactivan.",
        ),
        "Como trocar o gestor ou o fiscal do contrato?": (
            "¿Cómo cambiar al gestor o al fiscal del contrato?",
            "En los clientes públicos, el **gestor** y el **fiscal** del contrato los designa la propia "
            "organización, normalmente mediante una resolución (*portaria*) o un acto equivalente. El cambio "
            "sigue tres pasos:\n\n"
            "1. La organización emite y, si corresponde, publica el nuevo acto de designación.\n"
            "2. Un gestor de la organización abre un ticket en **Soporte** con el asunto **Gestión "
            "Contractual**, adjunta el acto e indica el nombre, el CPF y el correo electrónico de quien asume.\n"
            "3. Actualizamos el registro del contrato, y la nueva persona responsable empieza a recibir los "
            "avisos de vigencia, facturación y certificación.\n\n"
            "Si la persona todavía no usa el Área del Cliente, inclúyala antes en **Contactos**. Recuerde "
            "también quitar el acceso de quien dejó la función, si no tiene otras atribuciones en la "
            "organización.",
        ),
        "O que é o ateste de serviços e como fazê-lo?": (
            "¿Qué es la certificación de servicios y cómo se hace?",
            "La **certificación** es la confirmación, por parte del fiscal o del gestor del contrato, de que los "
            "servicios facturados se prestaron efectivamente. Para los organismos públicos, es un paso "
            "obligatorio antes del pago.\n\n"
            "1. Después de la emisión de la nota fiscal, la persona responsable recibe un aviso por correo "
            "electrónico.\n"
            "2. En **Certificación de Servicios**, verifica el período, las cantidades y los valores, "
            "comparándolos con el informe de **Consultar Consumo**.\n"
            "3. Si todo está correcto, registra la certificación; si hay alguna diferencia, registra la "
            "impugnación con su justificación.\n\n"
            "Nuestro equipo analiza las impugnaciones y responde con la corrección o con la evidencia del "
            "consumo. Certificar dentro del plazo evita atrasos en el pago y recargos.",
        ),
    },
}

DOCUMENTATION_TRANSLATIONS = {
    "en": {
        ("consulta-cpf", "Primeiros passos"): (
            "Getting started",
            "The CPF Lookup API returns the registration status of a CPF in the Receita Federal database, along "
            "with the holder's name and date of birth. It is designed for validating records of customers, "
            "suppliers and beneficiaries.\n\n"
            "### Before you start\n\n"
            "1. Purchase the product in the online store or through a proposal and wait for it to be released.\n"
            "2. In the Customer Area, open **Access Keys** and copy the *consumer key* and *consumer secret* for "
            "the environment you want.\n"
            "3. Generate an access token, as described in **Authentication and access keys**.\n\n"
            "### Your first query\n\n"
            "Send the CPF as digits only, without dots or a hyphen:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-cpf/v1/cpf/00000000191\n"
            "```\n\n"
            "The response is a JSON object with the CPF queried, the name, the date of birth and the "
            "registration status, such as **Regular**, **Suspensa** (suspended), **Pendente de regularização** "
            "(pending regularization), **Cancelada** (canceled) or **Titular falecido** (holder deceased). Treat "
            "the status as text, because new values may appear.\n\n"
            "### Demo environment\n\n"
            "The demo environment accepts only test CPFs, such as 000.000.001-91, and its responses are "
            "fictitious. Use it to check how your system handles each status before going to production.",
        ),
        ("consulta-cpf", "Autenticação e chaves de acesso"): (
            "Authentication and access keys",
            "All APIs in the catalog use the OAuth 2.0 *client credentials* flow: your credentials generate a "
            "temporary token that is sent with every request.\n\n"
            "### Generate the token\n\n"
            "Join the *consumer key* and *consumer secret* in the format `key:secret`, encode the result in "
            "Base64 and send it to the token endpoint:\n\n"
            "```bash\n"
            "curl -X POST https://gateway.exemplo.gov.br/token \\\n"
            '  -H "Authorization: Basic <base64 of key:secret>" \\\n'
            '  -d "grant_type=client_credentials"\n'
            "```\n\n"
            "The response contains the `access_token` and the `expires_in` field, with the token's lifetime in "
            "seconds. Reuse the same token until it is close to expiring: generating a token for every query "
            "slows down the integration and may hit limits.\n\n"
            "### Store credentials securely\n\n"
            "- Keep the *consumer secret* on the server only, never in mobile apps or in the browser.\n"
            "- Use a secrets vault or environment variables, outside version control.\n"
            "- Give access to the keys only to the people who need them.\n\n"
            "### Renew or revoke keys\n\n"
            "In **Access Keys**, the manager can generate a new key pair if a leak is suspected or the team "
            "changes. Old keys stop working as soon as they are revoked, so update your systems first.",
        ),
        ("consulta-cnpj", "Como começar"): (
            "Getting started",
            "The CNPJ Lookup API returns a company's registration data: legal name, trade name, registration "
            "status, address, economic activities, legal nature and, depending on the plan, its partners and "
            "directors (QSA).\n\n"
            "### Step by step\n\n"
            "1. Generate your keys in **Access Keys**, in the Customer Area.\n"
            "2. Get an access token using the OAuth 2.0 *client credentials* flow.\n"
            "3. Query the CNPJ without formatting, with all 14 characters:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-cnpj/v2/empresa/11222333000181\n"
            "```\n\n"
            "The CNPJ in the example is fictitious and works in the demo environment.\n\n"
            "### Query plans\n\n"
            "The fields returned depend on the plan you purchased:\n\n"
            "- **Basic:** identification, registration status and address.\n"
            "- **QSA:** adds the list of partners and directors (*quadro de sócios e administradores*).\n"
            "- **Complete:** adds secondary activities and other data about the establishment.\n\n"
            "### Best practices\n\n"
            "Cache data that rarely changes, such as the legal name and address, and query again when you need "
            "to confirm the registration status, for example before making a payment. Treat the status as text, "
            "not as a number, because new values may appear.",
        ),
        ("consulta-cnpj", "CNPJ alfanumérico a partir de 2026"): (
            "Alphanumeric CNPJ from 2026",
            "Starting in 2026, according to the Receita Federal schedule, new CNPJ registrations will be issued "
            "in an alphanumeric format. Existing CNPJs remain valid and do not change. The API accepts and "
            "returns both formats, but your system must be ready for them too.\n\n"
            "### What changes in the format\n\n"
            "- The CNPJ still has 14 characters.\n"
            "- The first 12, which make up the root and the establishment number, may contain uppercase letters "
            "from A to Z and digits.\n"
            "- The last 2, the check digits, remain numeric.\n\n"
            "Fictitious example: **12.ABC.345/01DE-35**, sent to the API as `12ABC34501DE35`.\n\n"
            "### Calculating the check digits\n\n"
            "The calculation still uses modulo 11 with the same weights. The difference is that each character "
            "is converted to its ASCII code minus 48: digits keep their usual value, the letter A is worth 17, B "
            "is worth 18, and so on.\n\n"
            "### Adaptation checklist\n\n"
            "1. Replace numeric columns with 14-character text columns.\n"
            "2. Review masks, validations and form fields that accept digits only.\n"
            "3. Convert letters to uppercase before querying.\n"
            "4. Test with fictitious alphanumeric CNPJs in the demo environment.",
        ),
        ("consulta-nfe", "Primeiros passos"): (
            "Getting started",
            "The NF-e Lookup API returns the status of an electronic tax invoice (NF-e) from its access key and, "
            "depending on the plan, the invoice data: issuer, recipient, amounts, items and registered events, "
            "such as cancellation and correction letters.\n\n"
            "### The access key\n\n"
            "The key has 44 digits and appears on the DANFE, next to the barcode. Among other data, it contains "
            "the state (UF) code, the year and month of issue, the issuer's CNPJ, the model, the series, the "
            "invoice number and a check digit. Send the key without spaces or punctuation.\n\n"
            "### Your first query\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-nfe/v1/nfe/<44-digit-access-key>\n"
            "```\n\n"
            "The response gives the invoice status, such as **Autorizada** (authorized), **Cancelada** "
            "(canceled) or **Denegada** (denied), and the date of the last update.\n\n"
            "### When to use it\n\n"
            "- Check invoices received from suppliers before recording the receipt of goods or making the "
            "payment.\n"
            "- Find out whether an invoice was canceled after it was issued.\n"
            "- Support audits and inspections with data from the official database.",
        ),
        ("consulta-nfe", "Códigos de retorno e erros"): (
            "Response codes and errors",
            "The API uses standard HTTP status codes. When an error occurs, the response body contains a JSON "
            "object with the `codigo` and `mensagem` fields, which help identify the cause.\n\n"
            "### Most common codes\n\n"
            "- **200:** query completed; the invoice status is in the response body.\n"
            "- **400:** invalid request, usually a key of the wrong length or with an incorrect check digit.\n"
            "- **401:** token missing, invalid or expired.\n"
            "- **403:** the credentials do not have access to this product, or the contract is suspended.\n"
            "- **404:** no invoice found for the key provided.\n"
            "- **429:** request limit exceeded.\n"
            "- **500** and **503:** temporary failure on our side.\n\n"
            "### How to handle errors\n\n"
            "1. Validate the key before sending it: the correct length and check digit avoid wasted queries.\n"
            "2. On **401**, generate a new token once and retry the call.\n"
            "3. On **429**, **500** and **503**, retry with increasing waits, for example 1, 2 and 4 seconds.\n"
            "4. Do not automatically retry **400**, **403** and **404** responses: the result will not change.\n\n"
            "If **5xx** errors persist for more than a few minutes, open a ticket in **Support** with the time "
            "and the request identifier returned in the response header.",
        ),
        ("consulta-divida-ativa", "Primeiros passos"): (
            "Getting started",
            "The Active Debt Lookup API tells you whether an individual or a company has entries in the federal "
            "government's active debt register (*dívida ativa da União*) and, for each entry, returns the "
            "number, the status, the nature of the debt and the consolidated amount on the date of the query.\n\n"
            "### How to query\n\n"
            "Send the CPF or CNPJ without formatting:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-divida-ativa/v1/devedor/00000000191\n"
            "```\n\n"
            "When there are no entries, the response contains an empty list, not an error. This is the expected "
            "result for most queries.\n\n"
            "### Main response fields\n\n"
            "- `numeroInscricao`: the entry identifier.\n"
            "- `situacao`: for example **Em aberto** (outstanding), **Parcelada** (in installments) or "
            "**Suspensa por decisão judicial** (suspended by court order).\n"
            "- `naturezaDivida`: tax, social security or non-tax.\n"
            "- `valorConsolidado`: the amount with charges on the date of the query.\n\n"
            "### Responsible use\n\n"
            "Active debt data supports credit analysis, supplier qualification and record checks. Use it only "
            "for the purpose stated when you purchased the product, and do not pass it on to third parties "
            "without need.",
        ),
        ("consulta-divida-ativa", "Limites de uso e boas práticas"): (
            "Usage limits and best practices",
            "To keep the service stable for everyone, each contract has a limit of requests per second, set in "
            "the proposal. Above it, the API responds with **429** until the next window.\n\n"
            "### Limits\n\n"
            "- The limit applies to the contract as a whole, adding up all access keys.\n"
            "- The demo environment has a lower limit, enough for functional testing.\n"
            "- If you need more capacity at peak times, such as re-registration campaigns, ask the sales team "
            "for an adjustment well in advance.\n\n"
            "### Batch processing\n\n"
            "To query thousands of documents, do not send everything at once:\n\n"
            "1. Put the documents in a queue.\n"
            "2. Process them with a fixed number of concurrent queries, below the limit.\n"
            "3. Record the result of each query and reprocess only the ones that failed.\n"
            "4. Prefer off-peak hours, such as overnight.\n\n"
            "### Caching and refreshing\n\n"
            "Active debt entries do not change by the minute. Keep the result for a period that suits your "
            "process, for example one day, and query again before an important decision, such as signing a "
            "contract. Remember that every query counts toward the month's billed usage.",
        ),
        ("datavalid", "Primeiros passos"): (
            "Getting started",
            "Datavalid compares the data entered by your user with official government databases and returns the "
            "degree of match for each field. It does not hand over the data in the database: it tells you "
            "whether what was entered matches.\n\n"
            "### What can be validated\n\n"
            "- **Registration data:** name, date of birth, parents' names and CPF status.\n"
            "- **Document:** number, category and expiration date of the driver's license (CNH), when there is "
            "one.\n"
            "- **Facial biometrics:** the photo you send is compared with the photo registered in official "
            "databases, such as the CNH database.\n\n"
            "### How to run a validation\n\n"
            "Send a `POST` with the CPF and the fields you want to validate:\n\n"
            "```bash\n"
            "curl -X POST https://gateway.exemplo.gov.br/datavalid/v3/validate/pf \\\n"
            '  -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \\\n'
            '  -d \'{"key": {"cpf": "00000000191"}, "answer": {"nome": "Maria Exemplo da Silva"}}\'\n'
            "```\n\n"
            "Send only the fields you need: every field you send is checked and appears in the response.\n\n"
            "### Consent and purpose\n\n"
            "Validation involves personal data and, in the case of the face, sensitive personal data. Tell the "
            "user why the validation is being done, record the applicable legal basis and keep only the result "
            "your process needs.",
        ),
        ("datavalid", "Interpretação das respostas"): (
            "Understanding the responses",
            "The Datavalid response mirrors the structure you sent and indicates, for each field, whether it "
            "matches the official database.\n\n"
            "### Text fields\n\n"
            "For names, the response includes two indicators:\n\n"
            "- `nome`: `true` when the name is the same as in the database, ignoring accents and letter case.\n"
            "- `nome_similaridade`: a number from 0 to 1 that measures similarity and helps with abbreviations "
            "and typos.\n\n"
            "Set a similarity threshold in your system, for example 0.85, and send cases below it for manual "
            "review.\n\n"
            "### Facial biometrics\n\n"
            "Facial validation returns `disponivel`, which indicates whether there was a photo in the database "
            "to compare against, and `probabilidade`, the likelihood that the photo sent is of the same person, "
            "in bands such as **Altíssima** (very high), **Alta** (high), **Baixa** (low) and **Baixíssima** "
            "(very low), along with a numeric `similaridade`.\n\n"
            "### Decision\n\n"
            "1. If no photo is available in the database, use another verification factor.\n"
            "2. High or very high probability: approve automatically, if your policy allows it.\n"
            "3. Low or very low probability: ask for a new capture or send the case for human review.\n\n"
            "Store the result with the record for future audits.",
        ),
        ("biovalid", "Como começar"): (
            "Getting started",
            "Biovalid checks whether the person in front of the camera is really present, known as **liveness "
            "detection**, and can combine this check with facial validation against official databases. It is "
            "used in apps that need to prevent fraud with photos, videos or masks.\n\n"
            "### Components\n\n"
            "- **Capture SDK:** a library for Android, iOS and the web that guides the user and captures the "
            "face.\n"
            "- **Validation API:** receives the package generated by the SDK and returns the liveness result.\n\n"
            "### Basic flow\n\n"
            "1. Your server requests a capture session from the API, using the access token.\n"
            "2. The app opens the SDK with the session identifier.\n"
            "3. The user follows the on-screen instructions, such as moving closer or centering their face.\n"
            "4. The SDK sends the capture package, and your server retrieves the result.\n\n"
            "### Integration tips\n\n"
            "Do not trust results reported by the app itself: always retrieve the result from your server. Keep "
            "the SDK up to date, because new versions bring improvements against fraud attempts. Also test on "
            "entry-level devices, which tend to have simpler cameras.",
        ),
        ("biovalid", "Requisitos de captura da foto"): (
            "Photo capture requirements",
            "Capture quality determines much of the result. Many rejections come from poor lighting or wrong "
            "framing, not from fraud.\n\n"
            "### Environment and lighting\n\n"
            "- Even light from the front, with no backlight from windows or lamps behind the person.\n"
            "- A neutral background, with no other people or photos of faces in the frame.\n"
            "- A steady device, preferably supported, at eye level.\n\n"
            "### Position of the person\n\n"
            "- The whole face visible, looking at the camera, with a neutral expression.\n"
            "- No sunglasses, cap, mask or hair over the eyes; prescription glasses are accepted if there is no "
            "glare on the lenses.\n"
            "- Only one person in the frame.\n\n"
            "### Image and attempts\n\n"
            "The SDK adjusts the capture automatically, but we recommend a front camera with a minimum "
            "resolution of 720p. Do not apply filters, extra compression or cropping to the image before sending "
            "it.\n\n"
            'Show short, positive instructions, such as "Find a brighter spot", and allow up to three attempts '
            "before offering another way to verify, such as in-person service.",
        ),
        ("serpro-id", "Primeiros passos"): (
            "Getting started",
            "SERPRO ID is an ICP-Brasil digital certificate stored in the cloud. Instead of a token or smart "
            "card, the private key is protected on our servers, and you authorize each use through the app on "
            "your phone.\n\n"
            "### Certificate types\n\n"
            "- **Individual (e-CPF):** to sign documents and access systems in your own name.\n"
            "- **Legal entity (e-CNPJ):** to represent the company or agency, under the responsibility of its "
            "legal representative.\n\n"
            "### How to request one\n\n"
            "1. In the Customer Area, open **Digital Certificate Request** and choose the type.\n"
            "2. Enter the holder's details and send the required documents.\n"
            "3. Complete identity verification, in person or by video call, depending on the option.\n"
            "4. Install the SERPRO ID app, activate the certificate and set your usage password.\n\n"
            "### After issuance\n\n"
            "The certificate can be used on computers and phones, with no drivers or card readers to install. "
            "Keep your usage password safe: it is never sent by e-mail and only the holder knows it. The "
            "certificate's validity is set at issuance, and you receive reminders before it expires so you can "
            "renew it.",
        ),
        ("serpro-id", "Assinatura de documentos e uso em sistemas"): (
            "Signing documents and using it in systems",
            "With SERPRO ID, you sign documents and authenticate in systems without connecting any device to "
            "your computer. Authorization is done in the app on your phone.\n\n"
            "### Sign a document\n\n"
            "1. Open a compatible signing tool and choose the file, for example a PDF.\n"
            "2. Select the cloud certificate and enter your CPF.\n"
            "3. Confirm the operation in the SERPRO ID app, with your usage password or the device's biometrics.\n"
            "4. Download the signed document and check the signature in a "
            "[validator](https://validar.exemplo.gov.br).\n\n"
            "### Authorize for a period\n\n"
            "To sign many documents at once, you can grant a trusted system a short-lived authorization instead "
            "of confirming each signature. Use this feature sparingly and revoke the authorization when you are "
            "done.\n\n"
            "### Integration with systems\n\n"
            "Your agency's or company's systems can request signatures from the cloud certificate through an "
            "API. The development team must:\n\n"
            "- register the application and get the credentials in **Access Keys**;\n"
            "- redirect the user so they can authorize the use of the certificate;\n"
            "- never store the holder's usage password.",
        ),
        ("escola-serpro-educa", "Como se inscrever"): (
            "How to enroll",
            "Escola Serpro Educa offers courses on our products for customer teams, from introductions for "
            "managers to technical learning paths for developers.\n\n"
            "### Formats\n\n"
            "- **Self-paced online courses:** available at any time, to take at your own pace.\n"
            "- **Live classes:** remote classes with an instructor, on scheduled dates.\n"
            "- **Private classes:** exclusive to one customer, with content tailored to its context and "
            "purchased through a proposal.\n\n"
            "### Enrollment\n\n"
            "1. Check the catalog and the class schedule at "
            "[educa.exemplo.gov.br](https://educa.exemplo.gov.br).\n"
            "2. Choose the course and enter your organization's contract number, if it has purchased seats.\n"
            "3. Wait for the confirmation e-mail with the link to the learning environment.\n\n"
            "Purchased seats are managed by the contract manager, who can reassign them among team members.\n\n"
            "### Cancellations and absences\n\n"
            "If you cannot attend a live class, cancel your enrollment at least 2 business days before it "
            "starts, so the seat can go to someone else. Absences without notice may use up the purchased seat.",
        ),
        ("escola-serpro-educa", "Certificados e trilhas de capacitação"): (
            "Certificates and learning paths",
            "Courses are organized into learning paths, so that everyone can find the content most useful for "
            "their role.\n\n"
            "### Recommended paths\n\n"
            "- **Contract management:** contract term, service attestation, usage tracking and billing.\n"
            "- **API integration:** authentication, error handling and best practices for the lookup APIs.\n"
            "- **Digital identity:** using Datavalid, Biovalid and SERPRO ID in onboarding journeys.\n"
            "- **Government Cloud:** provisioning, security and operation of resources.\n\n"
            "Each path combines short courses, which can be taken in sequence or separately.\n\n"
            "### Certificates\n\n"
            "When you complete a course, you receive a digital certificate with the course hours and a "
            "verification code. To be eligible, you must:\n\n"
            "1. attend at least 75% of the classes, in live classes;\n"
            "2. achieve the minimum grade on the final assessment, when there is one.\n\n"
            "Certificates are kept in the learning environment and can be checked by third parties using the "
            "verification code.\n\n"
            "### Reports for managers\n\n"
            "The contract manager can request a team participation report through **Support**, with enrollments, "
            "completions and course hours, which is useful for training plans.",
        ),
        ("nuvem-de-governo", "Primeiros passos"): (
            "Getting started",
            "Government Cloud provides infrastructure for government agencies' systems, with data stored in data "
            "centers in Brazil: virtual machines, storage, managed databases, load balancers and private "
            "networks.\n\n"
            "### Before your first resource\n\n"
            "1. Check the contracted resources and each project's quota in the contract.\n"
            "2. Appoint the technical staff who will have access to the console.\n"
            "3. Agree with our team on how to connect to the agency's network, by VPN or dedicated link.\n\n"
            "### Organizing into projects\n\n"
            "Resources are grouped into **projects**, for example one per system or per environment: "
            "development, staging and production. Each project has its own quotas, permissions and usage "
            "reports, which makes it easier to track usage and split costs between departments.\n\n"
            "### Create a virtual machine\n\n"
            "In the console, choose the project, the operating system image and the machine size, attach an SSH "
            "key and select the network. The machine is ready within minutes. Everything you can do in the "
            "console can also be done through the API or with infrastructure-as-code tools, which helps keep "
            "environments consistent and documented.",
        ),
        ("nuvem-de-governo", "Segurança, backup e boas práticas"): (
            "Security, backup and best practices",
            "Cloud security is shared: we take care of the physical infrastructure, the network and the "
            "platform; the agency takes care of what runs inside its resources, such as the operating system, "
            "applications, users and data.\n\n"
            "### Access\n\n"
            "- Create one user per person and grant only the permissions they need.\n"
            "- Enable two-factor authentication for all console users.\n"
            "- Use SSH keys instead of passwords, and do not expose administration ports to the internet.\n\n"
            "### Backup and recovery\n\n"
            "Volume backups can be scheduled per project, with retention set in the contract. Test restores "
            "regularly: a backup that has never been restored does not guarantee recovery. For critical systems, "
            "consider keeping replicas in another availability zone.\n\n"
            "### Operations\n\n"
            "1. Keep operating systems and packages up to date.\n"
            "2. Set up alerts for CPU, memory and disk usage.\n"
            "3. Shut down or remove unused resources, because they still count toward usage.\n"
            "4. Review the reports in **Check Usage**, in the Customer Area, every month.",
        ),
        ("compartilha-rfb", "Primeiros passos"): (
            "Getting started",
            "Compartilha RFB allows an organization to receive data that the Receita Federal holds about a "
            "taxpayer, as long as the taxpayer authorizes the sharing. It is useful, for example, to verify "
            "income for a loan without asking for copies of documents.\n\n"
            "### How it works\n\n"
            "1. Your organization asks the citizen for authorization, stating which data is requested and for "
            "what purpose.\n"
            "2. The taxpayer signs in to the authorization environment with their digital identity account and "
            "confirms the sharing.\n"
            "3. Once the authorization is recorded, your system retrieves the data through the API, using the "
            "access token.\n\n"
            "### Available data\n\n"
            "The datasets depend on the contract and may include, for example, CPF registration data, income tax "
            "return information and links to companies. Each dataset must be authorized separately by the "
            "taxpayer.\n\n"
            "### Tracking in the Customer Area\n\n"
            "In **Compartilha RFB**, the manager can track the authorizations received, the validity period of "
            "each one and the volume of queries made, and can download reports for internal audits or to respond "
            "to requests from data subjects.",
        ),
        ("compartilha-rfb", "Autorização do titular e prazo de validade"): (
            "Taxpayer authorization and validity period",
            "Every query in Compartilha RFB depends on a valid authorization from the taxpayer. Without it, the "
            "API responds with **403** and no data is sent.\n\n"
            "### What the authorization contains\n\n"
            "- the authorized datasets;\n"
            "- the organization that may receive them;\n"
            "- the purpose stated to the taxpayer;\n"
            "- the start date and the validity period.\n\n"
            "### Validity and revocation\n\n"
            "The authorization is valid for the period chosen in the request, within the limit set for each "
            "dataset. The taxpayer can revoke it at any time; from then on, new queries are refused, but the "
            "data already received remains your organization's responsibility.\n\n"
            "### Best practices\n\n"
            "1. Request only the data needed for the stated purpose.\n"
            "2. Explain to the citizen, in plain language, why the data is requested and how long it will be "
            "kept.\n"
            "3. Query the data soon after authorization, not in bulk weeks later.\n"
            "4. Delete the data once the purpose has been fulfilled, in line with your retention policy and data "
            "protection law.",
        ),
    },
    "es": {
        ("consulta-cpf", "Primeiros passos"): (
            "Primeros pasos",
            "La API Consulta de CPF informa la situación registral de un CPF en la base de la Receita Federal, "
            "junto con el nombre y la fecha de nacimiento del titular. Está indicada para validar registros de "
            "clientes, proveedores y beneficiarios.\n\n"
            "### Antes de empezar\n\n"
            "1. Contrate el producto en la tienda en línea o por propuesta y espere a que se habilite.\n"
            "2. En el Área del Cliente, abra **Claves de Acceso** y copie la *consumer key* y el *consumer "
            "secret* del entorno deseado.\n"
            "3. Genere un token de acceso, como se describe en **Autenticación y claves de acceso**.\n\n"
            "### Primera consulta\n\n"
            "Envíe el CPF solo con números, sin puntos ni guion:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-cpf/v1/cpf/00000000191\n"
            "```\n\n"
            "La respuesta es un JSON con el número consultado, el nombre, la fecha de nacimiento y la situación "
            "registral, como **Regular**, **Suspensa** (suspendida), **Pendente de regularização** (pendiente de "
            "regularización), **Cancelada** o **Titular falecido** (titular fallecido). Trate la situación como "
            "texto, porque pueden surgir nuevos valores.\n\n"
            "### Entorno de demostración\n\n"
            "En el entorno de demostración solo se aceptan CPF de prueba, como 000.000.001-91, y las respuestas "
            "son ficticias. Úselo para validar el tratamiento de cada situación antes de pasar a producción.",
        ),
        ("consulta-cpf", "Autenticação e chaves de acesso"): (
            "Autenticación y claves de acceso",
            "Todas las API del catálogo usan el flujo OAuth 2.0 *client credentials*: sus credenciales generan "
            "un token temporal, que acompaña cada solicitud.\n\n"
            "### Generar el token\n\n"
            "Una la *consumer key* y el *consumer secret* en el formato `key:secret`, codifique el resultado en "
            "Base64 y envíelo al endpoint de token:\n\n"
            "```bash\n"
            "curl -X POST https://gateway.exemplo.gov.br/token \\\n"
            '  -H "Authorization: Basic <base64 de key:secret>" \\\n'
            '  -d "grant_type=client_credentials"\n'
            "```\n\n"
            "La respuesta trae el `access_token` y el campo `expires_in`, con la validez en segundos. Reutilice "
            "el mismo token hasta que esté por vencer: generar un token por consulta hace más lenta la "
            "integración y puede chocar con los límites.\n\n"
            "### Guardar las credenciales de forma segura\n\n"
            "- Mantenga el *consumer secret* solo en el servidor, nunca en aplicaciones móviles ni en el "
            "navegador.\n"
            "- Use un almacén de secretos o variables de entorno, fuera del control de versiones.\n"
            "- Dé acceso a las claves solo a quien las necesita.\n\n"
            "### Renovar o revocar claves\n\n"
            "En **Claves de Acceso**, el gestor puede generar un nuevo par de claves cuando haya sospecha de "
            "filtración o cambios en el equipo. Las claves antiguas dejan de funcionar en cuanto se revocan, así "
            "que actualice sus sistemas antes.",
        ),
        ("consulta-cnpj", "Como começar"): (
            "Cómo empezar",
            "La API Consulta de CNPJ devuelve los datos registrales de una empresa: razón social, nombre "
            "comercial, situación registral, dirección, actividades económicas, naturaleza jurídica y, según el "
            "plan, la nómina de socios y administradores.\n\n"
            "### Paso a paso\n\n"
            "1. Genere sus claves en **Claves de Acceso**, en el Área del Cliente.\n"
            "2. Obtenga un token de acceso con el flujo OAuth 2.0 *client credentials*.\n"
            "3. Consulte el CNPJ sin máscara, con los 14 caracteres:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-cnpj/v2/empresa/11222333000181\n"
            "```\n\n"
            "El CNPJ del ejemplo es ficticio y funciona en el entorno de demostración.\n\n"
            "### Planes de consulta\n\n"
            "Los campos devueltos dependen del plan contratado:\n\n"
            "- **Básica:** identificación, situación registral y dirección.\n"
            "- **QSA:** incluye la nómina de socios y administradores (*quadro de sócios e administradores*).\n"
            "- **Completa:** agrega las actividades secundarias y otros datos del establecimiento.\n\n"
            "### Buenas prácticas\n\n"
            "Guarde en caché los datos que cambian poco, como la razón social y la dirección, y vuelva a "
            "consultar cuando necesite confirmar la situación registral, por ejemplo antes de un pago. Trate la "
            "situación como texto y no como número, porque pueden surgir nuevos valores.",
        ),
        ("consulta-cnpj", "CNPJ alfanumérico a partir de 2026"): (
            "CNPJ alfanumérico a partir de 2026",
            "A partir de 2026, según el cronograma de la Receita Federal, las nuevas inscripciones en el CNPJ se "
            "emitirán en formato alfanumérico. Los CNPJ existentes siguen siendo válidos y no cambian. La API "
            "acepta y devuelve ambos formatos, pero su sistema también debe estar preparado.\n\n"
            "### Qué cambia en el formato\n\n"
            "- El CNPJ sigue teniendo 14 posiciones.\n"
            "- Las 12 primeras, que forman la raíz y el número de establecimiento, pueden tener letras "
            "mayúsculas de la A a la Z y números.\n"
            "- Las 2 últimas, los dígitos verificadores, siguen siendo numéricas.\n\n"
            "Ejemplo ficticio: **12.ABC.345/01DE-35**, enviado a la API como `12ABC34501DE35`.\n\n"
            "### Cálculo del dígito verificador\n\n"
            "El cálculo sigue el mismo módulo 11, con los mismos pesos. La diferencia es que cada carácter se "
            "convierte según su código ASCII menos 48: los números mantienen su valor de siempre, la letra A "
            "vale 17, la B vale 18, y así sucesivamente.\n\n"
            "### Lista de verificación para la adaptación\n\n"
            "1. Cambie las columnas numéricas por columnas de texto de 14 caracteres.\n"
            "2. Revise máscaras, validaciones y campos de formulario que aceptan solo dígitos.\n"
            "3. Convierta las letras a mayúsculas antes de consultar.\n"
            "4. Pruebe con CNPJ alfanuméricos ficticios en el entorno de demostración.",
        ),
        ("consulta-nfe", "Primeiros passos"): (
            "Primeros pasos",
            "La API Consulta de NF-e informa la situación de una nota fiscal electrónica a partir de su clave de "
            "acceso y, según el plan, devuelve los datos de la nota: emisor, destinatario, valores, ítems y "
            "eventos registrados, como la cancelación y la carta de corrección.\n\n"
            "### La clave de acceso\n\n"
            "La clave tiene 44 posiciones y aparece en el DANFE, junto al código de barras. Reúne, entre otros "
            "datos, el código del estado (UF), el año y el mes de emisión, el CNPJ del emisor, el modelo, la "
            "serie, el número de la nota y un dígito verificador. Envíe la clave sin espacios ni signos de "
            "puntuación.\n\n"
            "### Primera consulta\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-nfe/v1/nfe/<clave-de-44-posiciones>\n"
            "```\n\n"
            "La respuesta informa la situación de la nota, como **Autorizada**, **Cancelada** o **Denegada**, y "
            "la fecha de la última actualización.\n\n"
            "### Cuándo usarla\n\n"
            "- Verificar las notas recibidas de proveedores antes de registrar el ingreso o realizar el pago.\n"
            "- Comprobar si una nota fue cancelada después de emitida.\n"
            "- Respaldar auditorías y fiscalizaciones con datos de la base oficial.",
        ),
        ("consulta-nfe", "Códigos de retorno e erros"): (
            "Códigos de respuesta y errores",
            "La API usa los códigos de estado HTTP estándar. En caso de error, el cuerpo de la respuesta trae un "
            "JSON con los campos `codigo` y `mensagem`, que ayudan a identificar la causa.\n\n"
            "### Códigos más comunes\n\n"
            "- **200:** consulta realizada; la situación de la nota está en el cuerpo de la respuesta.\n"
            "- **400:** solicitud inválida, normalmente una clave con longitud incorrecta o con el dígito "
            "verificador equivocado.\n"
            "- **401:** token ausente, inválido o vencido.\n"
            "- **403:** las credenciales no tienen acceso a este producto o el contrato está suspendido.\n"
            "- **404:** no se encontró ninguna nota para la clave informada.\n"
            "- **429:** se superó el límite de solicitudes.\n"
            "- **500** y **503:** falla temporal de nuestro lado.\n\n"
            "### Cómo tratar los errores\n\n"
            "1. Valide la clave antes de enviarla: una longitud y un dígito verificador correctos evitan "
            "consultas desperdiciadas.\n"
            "2. Ante un **401**, genere un nuevo token una sola vez y repita la llamada.\n"
            "3. Ante un **429**, **500** o **503**, repita con esperas crecientes, por ejemplo de 1, 2 y 4 "
            "segundos.\n"
            "4. No repita automáticamente las respuestas **400**, **403** y **404**: el resultado no va a "
            "cambiar.\n\n"
            "Si los errores **5xx** persisten por más de algunos minutos, abra un ticket en **Soporte** con la "
            "hora y el identificador de la solicitud, que se devuelve en el encabezado de la respuesta.",
        ),
        ("consulta-divida-ativa", "Primeiros passos"): (
            "Primeros pasos",
            "La API Consulta de Deuda Activa informa si una persona física o jurídica tiene inscripciones en la "
            "deuda activa de la Unión (*dívida ativa da União*) y, para cada inscripción, devuelve el número, la "
            "situación, la naturaleza de la deuda y el valor consolidado a la fecha de la consulta.\n\n"
            "### Cómo consultar\n\n"
            "Informe el CPF o el CNPJ sin máscara:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-divida-ativa/v1/devedor/00000000191\n"
            "```\n\n"
            "Cuando no hay inscripciones, la respuesta trae una lista vacía, y no un error. Ese es el resultado "
            "esperado en la mayoría de las consultas.\n\n"
            "### Campos principales de la respuesta\n\n"
            "- `numeroInscricao`: identificador de la inscripción.\n"
            "- `situacao`: por ejemplo **Em aberto** (pendiente), **Parcelada** (en cuotas) o **Suspensa por "
            "decisão judicial** (suspendida por decisión judicial).\n"
            "- `naturezaDivida`: tributaria, previsional o no tributaria.\n"
            "- `valorConsolidado`: valor con recargos a la fecha de la consulta.\n\n"
            "### Uso responsable\n\n"
            "Los datos de deuda activa respaldan el análisis de crédito, la habilitación de proveedores y la "
            "verificación de registros. Úselos solo para la finalidad informada en la contratación y no los "
            "transfiera a terceros sin necesidad.",
        ),
        ("consulta-divida-ativa", "Limites de uso e boas práticas"): (
            "Límites de uso y buenas prácticas",
            "Para mantener el servicio estable para todos, cada contrato tiene un límite de solicitudes por "
            "segundo, definido en la propuesta. Por encima de ese límite, la API responde **429** hasta la "
            "ventana siguiente.\n\n"
            "### Límites\n\n"
            "- El límite vale para el contrato en su conjunto, sumando todas las claves de acceso.\n"
            "- El entorno de demostración tiene un límite menor, suficiente para pruebas funcionales.\n"
            "- Si necesita más capacidad en períodos de pico, como campañas de actualización de registros, "
            "solicite un ajuste al equipo comercial con anticipación.\n\n"
            "### Procesamiento por lotes\n\n"
            "Para consultar miles de documentos, no los envíe todos a la vez:\n\n"
            "1. Organice los documentos en una cola.\n"
            "2. Procese con un número fijo de consultas simultáneas, por debajo del límite.\n"
            "3. Registre el resultado de cada consulta y vuelva a procesar solo las que fallaron.\n"
            "4. Prefiera los horarios de menor movimiento, como el período nocturno.\n\n"
            "### Caché y actualización\n\n"
            "Las inscripciones en deuda activa no cambian a cada minuto. Guarde el resultado por un período "
            "compatible con su proceso, por ejemplo un día, y vuelva a consultar antes de una decisión "
            "importante, como la firma de un contrato. Recuerde que cada consulta se suma al consumo facturado "
            "del mes.",
        ),
        ("datavalid", "Primeiros passos"): (
            "Primeros pasos",
            "Datavalid compara los datos informados por su usuario con bases oficiales del gobierno y devuelve "
            "el grado de coincidencia de cada campo. No entrega los datos de la base: responde si lo informado "
            "coincide.\n\n"
            "### Qué se puede validar\n\n"
            "- **Datos de registro:** nombre, fecha de nacimiento, filiación y situación del CPF.\n"
            "- **Documento:** número, categoría y validez de la licencia de conducir (CNH), cuando exista.\n"
            "- **Biometría facial:** la foto enviada se compara con la foto registrada en bases oficiales, como "
            "la de la CNH.\n\n"
            "### Cómo hacer una validación\n\n"
            "Envíe un `POST` con el CPF y los campos que desea validar:\n\n"
            "```bash\n"
            "curl -X POST https://gateway.exemplo.gov.br/datavalid/v3/validate/pf \\\n"
            '  -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \\\n'
            '  -d \'{"key": {"cpf": "00000000191"}, "answer": {"nome": "Maria Exemplo da Silva"}}\'\n'
            "```\n\n"
            "Envíe solo los campos que necesita: cada campo enviado se verifica y aparece en la respuesta.\n\n"
            "### Consentimiento y finalidad\n\n"
            "La validación involucra datos personales y, en el caso del rostro, datos personales sensibles. "
            "Informe al usuario por qué se realiza la validación, registre la base legal aplicable y guarde solo "
            "el resultado necesario para su proceso.",
        ),
        ("datavalid", "Interpretação das respostas"): (
            "Interpretación de las respuestas",
            "La respuesta de Datavalid repite la estructura enviada e indica, para cada campo, si coincide con "
            "la base oficial.\n\n"
            "### Campos de texto\n\n"
            "Para los nombres, la respuesta trae dos indicadores:\n\n"
            "- `nome`: `true` cuando el nombre es igual al de la base, sin considerar tildes ni mayúsculas.\n"
            "- `nome_similaridade`: un número de 0 a 1 que mide la semejanza y ayuda con abreviaturas y errores "
            "de tipeo.\n\n"
            "Defina en su sistema un umbral de similitud, por ejemplo 0,85, y envíe a análisis manual los casos "
            "por debajo de él.\n\n"
            "### Biometría facial\n\n"
            "La validación facial devuelve `disponivel`, que indica si había una foto en la base para comparar, "
            "y `probabilidade`, con la probabilidad de que la foto enviada sea de la misma persona, en rangos "
            "como **Altíssima** (altísima), **Alta**, **Baixa** (baja) y **Baixíssima** (bajísima), acompañados "
            "de una `similaridade` numérica.\n\n"
            "### Decisión\n\n"
            "1. Si no hay foto disponible en la base, use otro factor de verificación.\n"
            "2. Probabilidad alta o altísima: apruebe automáticamente, si su política lo permite.\n"
            "3. Probabilidad baja o bajísima: pida una nueva captura o derive el caso a análisis humano.\n\n"
            "Registre el resultado junto con el registro, para futuras auditorías.",
        ),
        ("biovalid", "Como começar"): (
            "Cómo empezar",
            "Biovalid verifica si la persona frente a la cámara está realmente presente, la llamada **prueba de "
            "vida**, y puede combinar esta verificación con la validación facial en bases oficiales. Se usa en "
            "aplicaciones que necesitan evitar fraudes con fotos, videos o máscaras.\n\n"
            "### Componentes\n\n"
            "- **SDK de captura:** biblioteca para Android, iOS y web que guía al usuario y captura el rostro.\n"
            "- **API de validación:** recibe el paquete generado por el SDK y devuelve el resultado de la prueba "
            "de vida.\n\n"
            "### Flujo básico\n\n"
            "1. Su servidor solicita una sesión de captura a la API, usando el token de acceso.\n"
            "2. La aplicación abre el SDK con el identificador de la sesión.\n"
            "3. El usuario sigue las instrucciones en pantalla, como acercar o centrar el rostro.\n"
            "4. El SDK envía el paquete de captura y su servidor consulta el resultado.\n\n"
            "### Precauciones en la integración\n\n"
            "No confíe en resultados informados por la propia aplicación: consulte siempre el resultado desde el "
            "servidor. Mantenga el SDK actualizado, porque las nuevas versiones traen mejoras contra intentos de "
            "fraude. Pruebe también en dispositivos de gama de entrada, que suelen tener cámaras más simples.",
        ),
        ("biovalid", "Requisitos de captura da foto"): (
            "Requisitos de captura de la foto",
            "La calidad de la captura define buena parte del resultado. Muchos rechazos se deben a mala "
            "iluminación o a un encuadre incorrecto, y no a fraude.\n\n"
            "### Entorno e iluminación\n\n"
            "- Luz frontal y uniforme, sin contraluz de ventanas o lámparas detrás de la persona.\n"
            "- Fondo neutro, sin otras personas ni fotos de rostros en el cuadro.\n"
            "- Dispositivo firme, de preferencia apoyado, a la altura de los ojos.\n\n"
            "### Posición de la persona\n\n"
            "- Rostro completo visible, mirando a la cámara, con expresión neutra.\n"
            "- Sin lentes de sol, gorra, mascarilla ni cabello sobre los ojos; se aceptan lentes recetados si no "
            "hay reflejos en los cristales.\n"
            "- Solo una persona en el encuadre.\n\n"
            "### Imagen e intentos\n\n"
            "El SDK ajusta la captura automáticamente, pero recomendamos una cámara frontal con una resolución "
            "mínima de 720p. No aplique filtros, compresión adicional ni recortes a la imagen antes del envío.\n\n"
            'Muestre instrucciones breves y positivas, como "Busque un lugar más iluminado", y permita hasta '
            "tres intentos antes de ofrecer otra forma de verificación, como la atención presencial.",
        ),
        ("serpro-id", "Primeiros passos"): (
            "Primeros pasos",
            "SERPRO ID es un certificado digital ICP-Brasil almacenado en la nube. En lugar de un token o una "
            "tarjeta, la clave privada queda protegida en nuestros servidores, y usted autoriza cada uso desde "
            "la aplicación en el celular.\n\n"
            "### Tipos de certificado\n\n"
            "- **Persona física (e-CPF):** para firmar documentos y acceder a sistemas en nombre propio.\n"
            "- **Persona jurídica (e-CNPJ):** para representar a la empresa o al organismo, bajo la "
            "responsabilidad del representante legal.\n\n"
            "### Cómo solicitarlo\n\n"
            "1. En el Área del Cliente, abra **Solicitud de Certificado Digital** y elija el tipo.\n"
            "2. Ingrese los datos del titular y envíe los documentos solicitados.\n"
            "3. Realice la validación de identidad, presencial o por videoconferencia, según la modalidad.\n"
            "4. Instale la aplicación SERPRO ID, active el certificado y defina su contraseña de uso.\n\n"
            "### Después de la emisión\n\n"
            "El certificado puede usarse en computadoras y celulares, sin instalar controladores ni lectores. "
            "Guarde la contraseña de uso con cuidado: no se envía por correo electrónico y solo el titular la "
            "conoce. El certificado tiene una validez definida en la emisión, y usted recibe avisos antes del "
            "vencimiento para renovarlo.",
        ),
        ("serpro-id", "Assinatura de documentos e uso em sistemas"): (
            "Firma de documentos y uso en sistemas",
            "Con SERPRO ID, usted firma documentos y se autentica en sistemas sin conectar ningún dispositivo a "
            "la computadora. La autorización se hace en la aplicación del celular.\n\n"
            "### Firmar un documento\n\n"
            "1. Abra un firmador compatible y elija el archivo, por ejemplo un PDF.\n"
            "2. Seleccione el certificado en la nube e ingrese su CPF.\n"
            "3. Confirme la operación en la aplicación SERPRO ID, con la contraseña de uso o la biometría del "
            "dispositivo.\n"
            "4. Descargue el documento firmado y verifique la firma en un "
            "[validador](https://validar.exemplo.gov.br).\n\n"
            "### Autorizar por un período\n\n"
            "Para firmar muchos documentos de una vez, puede conceder a un sistema de confianza una autorización "
            "de corta duración, en lugar de confirmar cada firma. Use este recurso con moderación y revoque la "
            "autorización al terminar.\n\n"
            "### Integración con sistemas\n\n"
            "Los sistemas de su organismo o empresa pueden solicitar firmas al certificado en la nube mediante "
            "una API. El equipo de desarrollo debe:\n\n"
            "- registrar la aplicación y obtener las credenciales en **Claves de Acceso**;\n"
            "- redirigir al usuario para que autorice el uso del certificado;\n"
            "- nunca almacenar la contraseña de uso del titular.",
        ),
        ("escola-serpro-educa", "Como se inscrever"): (
            "Cómo inscribirse",
            "La Escola Serpro Educa ofrece cursos sobre nuestros productos para los equipos de los clientes, "
            "desde introducciones para gestores hasta rutas técnicas para desarrolladores.\n\n"
            "### Modalidades\n\n"
            "- **Cursos en línea autoasistidos:** disponibles en todo momento, para hacerlos a su propio ritmo.\n"
            "- **Clases en vivo:** clases remotas con instructor, en fechas programadas.\n"
            "- **Grupos cerrados:** exclusivos para un cliente, con contenido ajustado a su contexto y "
            "contratados por propuesta.\n\n"
            "### Inscripción\n\n"
            "1. Consulte el catálogo y el calendario de clases en "
            "[educa.exemplo.gov.br](https://educa.exemplo.gov.br).\n"
            "2. Elija el curso e indique el número de contrato de su organización, si hay vacantes contratadas.\n"
            "3. Espere el correo electrónico de confirmación con el enlace de acceso al entorno de aprendizaje.\n\n"
            "Las vacantes contratadas las administra el gestor del contrato, que puede redistribuirlas entre los "
            "miembros del equipo.\n\n"
            "### Cancelaciones e inasistencias\n\n"
            "Si no puede participar en una clase en vivo, cancele la inscripción hasta 2 días hábiles antes del "
            "inicio, para liberar la vacante para otra persona. Las inasistencias sin aviso pueden consumir la "
            "vacante contratada.",
        ),
        ("escola-serpro-educa", "Certificados e trilhas de capacitação"): (
            "Certificados y rutas de capacitación",
            "Los cursos están organizados en rutas, para que cada persona encuentre el contenido más útil para "
            "su función.\n\n"
            "### Rutas recomendadas\n\n"
            "- **Gestión de contratos:** vigencia, certificación de servicios, seguimiento del consumo y "
            "facturación.\n"
            "- **Integración con API:** autenticación, tratamiento de errores y buenas prácticas para las API de "
            "consulta.\n"
            "- **Identidad digital:** uso de Datavalid, Biovalid y SERPRO ID en procesos de registro.\n"
            "- **Nube de Gobierno:** aprovisionamiento, seguridad y operación de recursos.\n\n"
            "Cada ruta combina cursos cortos, que pueden hacerse en secuencia o por separado.\n\n"
            "### Certificados\n\n"
            "Al concluir un curso, recibe un certificado digital con la carga horaria y un código de "
            "verificación. Para obtenerlo, es necesario:\n\n"
            "1. asistir al menos al 75 % de las clases, en los cursos en vivo;\n"
            "2. obtener la nota mínima indicada en la evaluación final, cuando la haya.\n\n"
            "Los certificados quedan en el entorno de aprendizaje y terceros pueden verificarlos con el código "
            "de verificación.\n\n"
            "### Informes para el gestor\n\n"
            "El gestor del contrato puede solicitar a través de **Soporte** un informe de participación del "
            "equipo, con inscritos, egresados y carga horaria, útil para los planes de capacitación.",
        ),
        ("nuvem-de-governo", "Primeiros passos"): (
            "Primeros pasos",
            "La Nube de Gobierno ofrece infraestructura para los sistemas de organismos públicos, con los datos "
            "almacenados en centros de datos en Brasil: máquinas virtuales, almacenamiento, bases de datos "
            "gestionadas, balanceadores de carga y redes privadas.\n\n"
            "### Antes del primer recurso\n\n"
            "1. Confirme en el contrato los recursos y la cuota de cada proyecto.\n"
            "2. Indique a los responsables técnicos que tendrán acceso a la consola.\n"
            "3. Defina con nuestro equipo la conexión con la red del organismo, por VPN o enlace dedicado.\n\n"
            "### Organización en proyectos\n\n"
            "Los recursos se agrupan en **proyectos**, por ejemplo uno por sistema o por entorno: desarrollo, "
            "homologación y producción. Cada proyecto tiene sus propias cuotas, permisos e informes de consumo, "
            "lo que facilita el seguimiento y la separación de costos entre áreas.\n\n"
            "### Crear una máquina virtual\n\n"
            "En la consola, elija el proyecto, la imagen del sistema operativo y el tamaño de la máquina, asocie "
            "una clave SSH y seleccione la red. En pocos minutos, la máquina queda disponible. Todo lo que se "
            "hace en la consola también puede hacerse mediante la API o con herramientas de infraestructura como "
            "código, lo que ayuda a mantener los entornos iguales y documentados.",
        ),
        ("nuvem-de-governo", "Segurança, backup e boas práticas"): (
            "Seguridad, copias de seguridad y buenas prácticas",
            "La seguridad en la nube es compartida: nosotros nos ocupamos de la infraestructura física, la red y "
            "la plataforma; el organismo se ocupa de lo que se ejecuta dentro de los recursos, como el sistema "
            "operativo, las aplicaciones, los usuarios y los datos.\n\n"
            "### Acceso\n\n"
            "- Cree un usuario por persona y otorgue solo los permisos necesarios.\n"
            "- Active la autenticación en dos factores para todos los usuarios de la consola.\n"
            "- Use claves SSH en lugar de contraseñas y no exponga puertos de administración a internet.\n\n"
            "### Copias de seguridad y recuperación\n\n"
            "Las copias de seguridad de los volúmenes pueden programarse por proyecto, con la retención definida "
            "en el contrato. Pruebe la restauración con regularidad: una copia que nunca se restauró no "
            "garantiza la recuperación. Para sistemas críticos, evalúe mantener réplicas en otra zona de "
            "disponibilidad.\n\n"
            "### Operación\n\n"
            "1. Mantenga actualizados los sistemas operativos y los paquetes.\n"
            "2. Configure alertas de uso de CPU, memoria y disco.\n"
            "3. Apague o elimine los recursos sin uso, porque siguen sumando al consumo.\n"
            "4. Revise todos los meses los informes en **Consultar Consumo**, en el Área del Cliente.",
        ),
        ("compartilha-rfb", "Primeiros passos"): (
            "Primeros pasos",
            "Compartilha RFB permite que una organización reciba datos que la Receita Federal tiene sobre un "
            "contribuyente, siempre que el propio titular autorice el intercambio. Es útil, por ejemplo, para "
            "comprobar ingresos en el otorgamiento de un crédito sin pedir copias de documentos.\n\n"
            "### Cómo funciona\n\n"
            "1. Su organización solicita la autorización al ciudadano, indicando qué datos y con qué finalidad.\n"
            "2. El titular ingresa al entorno de autorización con su cuenta de identidad digital y confirma el "
            "intercambio.\n"
            "3. Con la autorización registrada, su sistema consulta los datos mediante la API, usando el token "
            "de acceso.\n\n"
            "### Datos disponibles\n\n"
            "Los conjuntos de datos dependen del contrato y pueden incluir, por ejemplo, datos registrales del "
            "CPF, información de la declaración del impuesto sobre la renta y vínculos con empresas. El titular "
            "debe autorizar cada conjunto por separado.\n\n"
            "### Seguimiento en el Área del Cliente\n\n"
            "En **Compartilha RFB**, el gestor sigue las autorizaciones recibidas, el plazo de cada una y el "
            "volumen de consultas realizadas, y puede descargar informes para auditoría interna o para responder "
            "a solicitudes de los titulares.",
        ),
        ("compartilha-rfb", "Autorização do titular e prazo de validade"): (
            "Autorización del titular y plazo de validez",
            "Toda consulta en Compartilha RFB depende de una autorización válida del titular. Sin ella, la API "
            "responde **403** y no se envía ningún dato.\n\n"
            "### Qué contiene la autorización\n\n"
            "- los conjuntos de datos autorizados;\n"
            "- la organización que puede recibirlos;\n"
            "- la finalidad informada al titular;\n"
            "- la fecha de inicio y el plazo de validez.\n\n"
            "### Plazo y revocación\n\n"
            "La autorización vale por el plazo elegido en la solicitud, dentro del límite definido para cada "
            "conjunto de datos. El titular puede revocarla en cualquier momento; a partir de entonces, las "
            "nuevas consultas se rechazan, pero los datos ya recibidos siguen bajo la responsabilidad de su "
            "organización.\n\n"
            "### Buenas prácticas\n\n"
            "1. Solicite solo los datos necesarios para la finalidad declarada.\n"
            "2. Explique al ciudadano, en lenguaje sencillo, por qué se solicitan los datos y por cuánto tiempo "
            "se guardarán.\n"
            "3. Consulte los datos poco después de la autorización, y no de forma masiva semanas más tarde.\n"
            "4. Elimine los datos cuando se cumpla la finalidad, según su política de retención y la legislación "
            "de protección de datos.",
        ),
    },
}

CATEGORY_TRANSLATIONS = {
    "en": {
        "processo-de-compra": (
            "Purchasing Process",
            "How to purchase the products: online store, sales proposal and purchases by government agencies.",
        ),
        "area-do-cliente": (
            "Customer Area",
            "Access, password, companies, contracts and tickets in the Customer Area.",
        ),
        "financeiro": ("Billing", "Boletos, tax invoices, due dates and usage-based billing."),
        "gestao-contratual": ("Contract Management", "Term, renewal, price adjustment, suspension and termination."),
    },
    "es": {
        "processo-de-compra": (
            "Proceso de Compra",
            "Cómo contratar los productos: tienda en línea, propuesta comercial y contratación por "
            "organismos públicos.",
        ),
        "area-do-cliente": (
            "Área del Cliente",
            "Acceso, contraseña, empresas, contratos y tickets en el Área del Cliente.",
        ),
        "financeiro": ("Finanzas", "Boletos, facturas, vencimientos y cobro por consumo."),
        "gestao-contratual": ("Gestión Contractual", "Vigencia, renovación, reajuste, suspensión y terminación."),
    },
}

PRODUCT_TRANSLATIONS = {
    "en": {
        "consulta-cpf": ("CPF Lookup", "Registration status of individuals in the Receita Federal database, via API."),
        "consulta-cnpj": ("CNPJ Lookup", "Company registration data, including the alphanumeric CNPJ, via API."),
        "consulta-nfe": ("NF-e Lookup", "Status and data of electronic tax invoices (NF-e) from their access key."),
        "consulta-divida-ativa": (
            "Active Debt Lookup",
            "Entries of individuals and companies in the federal government's active debt register "
            "(dívida ativa da União).",
        ),
        "datavalid": (
            "Datavalid",
            "Validation of registration data and facial biometrics against official government databases.",
        ),
        "biovalid": ("Biovalid", "Liveness detection and biometric validation for mobile and web apps."),
        "serpro-id": (
            "SERPRO ID",
            "Cloud-based digital certificate for individuals and companies, with no physical token.",
        ),
        "escola-serpro-educa": (
            "Escola Serpro Educa",
            "Courses and learning paths on our products for customer teams.",
        ),
        "nuvem-de-governo": ("Government Cloud", "Cloud infrastructure for government agencies' systems."),
        "compartilha-rfb": ("Compartilha RFB", "Sharing of Receita Federal data, authorized by the taxpayer."),
    },
    "es": {
        "consulta-cpf": (
            "Consulta de CPF",
            "Situación registral de personas físicas en la base de la Receita Federal, mediante API.",
        ),
        "consulta-cnpj": (
            "Consulta de CNPJ",
            "Datos registrales de empresas, incluido el CNPJ alfanumérico, mediante API.",
        ),
        "consulta-nfe": (
            "Consulta de NF-e",
            "Situación y datos de notas fiscales electrónicas a partir de la clave de acceso.",
        ),
        "consulta-divida-ativa": (
            "Consulta de Deuda Activa",
            "Inscripciones de personas físicas y jurídicas en la deuda activa de la Unión (dívida ativa da União).",
        ),
        "datavalid": (
            "Datavalid",
            "Validación de datos de registro y biometría facial con bases oficiales del gobierno.",
        ),
        "biovalid": ("Biovalid", "Prueba de vida y validación biométrica para aplicaciones móviles y web."),
        "serpro-id": ("SERPRO ID", "Certificado digital en la nube para personas y empresas, sin token físico."),
        "escola-serpro-educa": (
            "Escola Serpro Educa",
            "Cursos y rutas de capacitación sobre los productos para los equipos de los clientes.",
        ),
        "nuvem-de-governo": ("Nube de Gobierno", "Infraestructura en la nube para sistemas de organismos públicos."),
        "compartilha-rfb": ("Compartilha RFB", "Intercambio de datos de la Receita Federal autorizado por el titular."),
    },
}
