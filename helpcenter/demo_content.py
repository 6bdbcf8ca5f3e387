"""Demo content for the help center: FAQ answers and product documentation, written in Portuguese."""

# category slug -> list of (question, answer_markdown); order in the list is the display order.
FAQ = {
    "processo-de-compra": [
        (
            "Como faço para contratar um produto?",
            "Há dois caminhos, e a escolha depende do produto e do perfil da sua organização.\n\n"
            "- **Loja online:** produtos de API com preço público, como Consulta CPF e Consulta CNPJ, podem ser "
            "contratados diretamente na [loja online](https://loja.exemplo.gov.br). Você escolhe o plano, aceita "
            "os termos de uso, informa os dados de faturamento e recebe as credenciais por e-mail.\n"
            "- **Proposta comercial:** soluções sob medida, volumes elevados ou serviços como a Nuvem de Governo "
            "exigem uma proposta. Um consultor levanta a necessidade, envia a proposta técnica e de preços e "
            "acompanha a assinatura do contrato.\n\n"
            "Se não souber qual caminho seguir, escreva para "
            "[comercial@exemplo.gov.br](mailto:comercial@exemplo.gov.br) informando o produto de interesse e o "
            "volume estimado.",
        ),
        (
            "Como um órgão público pode contratar os serviços?",
            "Órgãos e entidades da administração pública costumam contratar por **contratação direta**, ou seja, "
            "sem licitação, nas hipóteses que a legislação de licitações e contratos permite.\n\n"
            "- **Dispensa de licitação:** a competição seria possível, mas a lei autoriza a contratação direta "
            "em situações específicas, por exemplo quando o fornecedor é uma empresa pública criada para prestar "
            "serviços à própria administração.\n"
            "- **Inexigibilidade:** a competição é inviável, porque o serviço só pode ser prestado por um "
            "fornecedor, como o acesso a bases oficiais sob guarda exclusiva.\n\n"
            "Em ambos os casos o órgão monta um processo com justificativa, pesquisa de preços e parecer "
            "jurídico. Nós enviamos a proposta, os documentos de habilitação e a minuta do contrato para apoiar "
            "essa instrução. A definição da hipótese aplicável cabe à área jurídica do órgão.",
        ),
        (
            "Empresas privadas também podem contratar?",
            "Sim. Empresas privadas contratam como qualquer cliente corporativo, sem processo de contratação "
            "pública.\n\n"
            "1. Escolha o produto na [loja online](https://loja.exemplo.gov.br) ou solicite uma proposta à "
            "equipe comercial.\n"
            "2. Cadastre a empresa com CNPJ, endereço e um representante legal.\n"
            "3. Aceite os termos de uso ou assine o contrato eletronicamente.\n"
            "4. Informe os contatos de faturamento que vão receber boletos e notas fiscais.\n\n"
            "Produtos que dão acesso a dados pessoais exigem que a empresa descreva a **finalidade de uso** e "
            "indique a base legal do tratamento, conforme a legislação de proteção de dados. Essa análise é "
            "feita antes da liberação das credenciais de produção e pode pedir informações complementares.",
        ),
        (
            "Como funcionam os preços e o faturamento por consumo?",
            "Cada produto tem uma tabela de preços publicada na loja online ou enviada na proposta comercial. Os "
            "modelos mais comuns são:\n\n"
            "- **Por consumo:** você paga pelo número de consultas ou transações realizadas no mês, com preço "
            "unitário que diminui conforme a faixa de volume.\n"
            "- **Mensalidade fixa:** valor mensal por recurso contratado, comum em infraestrutura e licenças.\n"
            "- **Por unidade:** valor por item entregue, como um certificado emitido ou uma vaga em curso.\n\n"
            "No modelo por consumo, o volume é apurado do primeiro ao último dia do mês e faturado no mês "
            "seguinte. Requisições recusadas por falha interna nossa não entram na conta. Você acompanha o "
            "consumo parcial a qualquer momento em **Consultar Consumo**, na Área do Cliente.",
        ),
        (
            "Existe ambiente de testes antes da contratação?",
            "Sim. A maioria dos produtos de API oferece um **ambiente de demonstração** gratuito, com dados "
            "fictícios e respostas pré-definidas, para que a sua equipe valide a integração antes de assinar o "
            "contrato.\n\n"
            "- O acesso é liberado na página do produto, na loja online, com uma chave de demonstração.\n"
            "- As consultas usam apenas dados de teste, como o CPF fictício 000.000.001-91, e não acessam bases "
            "reais.\n"
            "- O ambiente tem limite de requisições por minuto e pode ser reiniciado sem aviso.\n\n"
            "Produtos de infraestrutura, como a Nuvem de Governo, podem oferecer uma prova de conceito com prazo "
            "definido, combinada com a equipe comercial. Nada do que é feito no ambiente de testes gera "
            "faturamento.",
        ),
        (
            "Quanto tempo leva para o serviço ser ativado após a assinatura?",
            "O prazo depende do tipo de produto:\n\n"
            "- **APIs contratadas na loja online:** as credenciais de produção ficam disponíveis poucos minutos "
            "após a confirmação do cadastro e o aceite dos termos.\n"
            "- **APIs contratadas por proposta:** em geral até 2 dias úteis depois da assinatura por todas as "
            "partes e da publicação do extrato do contrato, quando exigida.\n"
            "- **Infraestrutura e serviços sob medida:** o prazo consta no cronograma de implantação da proposta.\n\n"
            "Quando o serviço é liberado, o gestor do contrato recebe um e-mail e o contrato aparece como "
            "**Ativo** em **Meus Contratos**. Se o prazo informado passar sem liberação, abra um chamado em "
            "**Suporte** informando o número do contrato.",
        ),
    ],
    "area-do-cliente": [
        (
            "Quem pode acessar a Área do Cliente?",
            "Têm acesso as pessoas vinculadas a uma organização cliente:\n\n"
            "- o **gestor**, indicado pela organização, que administra a equipe e vê todos os contratos;\n"
            "- os **membros** incluídos pelo gestor, que usam as funções do dia a dia;\n"
            "- os representantes e contatos de faturamento cadastrados na contratação, quando incluídos como "
            "membros.\n\n"
            "Cada pessoa usa o próprio login, identificado pelo CPF ou pelo e-mail. Uma mesma pessoa pode estar "
            "vinculada a mais de uma organização, por exemplo quando atende a dois órgãos; nesse caso, ela "
            "escolhe a organização ativa no menu superior. Não compartilhe senhas: para dar acesso a um colega, "
            "peça ao gestor que o inclua na equipe.",
        ),
        (
            "Como faço o primeiro acesso ou recupero minha senha?",
            "O acesso é feito com o seu **CPF ou e-mail** e uma senha pessoal.\n\n"
            "1. Na tela de entrada, clique em **Esqueci minha senha**.\n"
            "2. Informe o e-mail cadastrado pelo gestor da sua organização.\n"
            "3. Abra a mensagem recebida e defina uma senha com pelo menos 10 caracteres, que não seja só "
            "numérica nem parecida com o seu nome, CPF ou e-mail.\n"
            "4. Volte à tela de entrada e use o seu CPF ou e-mail com a nova senha.\n\n"
            "O mesmo caminho vale para o primeiro acesso e para quando você esquece a senha. O link de "
            "redefinição vale por uma hora; se expirar, peça outro. Por segurança, a tela mostra a mesma "
            "mensagem mesmo quando o e-mail não está cadastrado. Se nada chegar, confira a caixa de spam e "
            "confirme com o gestor qual e-mail está registrado.",
        ),
        (
            "Como o gestor adiciona membros à equipe?",
            "Somente quem tem o papel de **Gestor** pode incluir ou remover pessoas da organização.\n\n"
            "1. Na Área do Cliente, abra **Contatos**.\n"
            "2. Clique em **Adicionar pessoa** e informe nome, CPF e e-mail institucional.\n"
            "3. Escolha o papel: **Gestor**, com acesso total, ou **Membro**, com acesso às funções do dia a "
            "dia, como consultar contratos e abrir chamados.\n"
            "4. Salve. A pessoa recebe um e-mail e faz o primeiro acesso definindo a própria senha.\n\n"
            "Quando alguém sai da equipe, remova o vínculo no mesmo lugar: o acesso àquela organização é "
            "encerrado na hora. Recomendamos manter pelo menos dois gestores, para que a organização não fique "
            "sem administrador durante férias ou afastamentos.",
        ),
        (
            "Onde vejo os contratos da minha organização?",
            "Abra **Meus Contratos** no menu lateral. A lista mostra os contratos da organização ativa, com "
            "número, produto, vigência e situação:\n\n"
            "- **Ativo:** em vigor e com o serviço liberado;\n"
            "- **Suspenso:** temporariamente sem prestação do serviço, por exemplo por pendência financeira ou a "
            "pedido do cliente;\n"
            "- **Encerrado:** vigência terminada ou contrato rescindido, mantido para consulta.\n\n"
            "Clique em um contrato para ver os detalhes: objeto, valor, gestor e fiscal indicados, termos "
            "aditivos e documentos. Se você atende a mais de uma organização, troque a organização ativa no menu "
            "superior para ver os contratos de cada uma. Se um contrato não aparecer, ele pode estar cadastrado "
            "em outro CNPJ: abra um chamado informando o número.",
        ),
        (
            "Como abro e acompanho um chamado? O que significa o número de protocolo?",
            "Abra **Suporte** no menu lateral e clique em **Novo chamado**. Escolha o assunto e o tipo de "
            "solicitação, preencha o formulário e anexe arquivos que ajudem, como capturas de tela ou o exemplo "
            "de uma requisição com erro.\n\n"
            "Ao enviar, você recebe um **número de protocolo**, como **2026SS/00042**: os quatro primeiros "
            "dígitos são o ano de abertura, **SS** indica uma solicitação de suporte e o número final é "
            "sequencial dentro do ano. Informe esse número sempre que falar com a nossa equipe.\n\n"
            "Na lista de chamados, acompanhe a situação de cada um:\n\n"
            "- **Aberto** ou **Em atendimento:** a equipe está trabalhando no pedido;\n"
            "- **Aguardando o cliente:** precisamos de uma resposta ou de um documento seu;\n"
            "- **Resolvido** ou **Fechado:** atendimento concluído.",
        ),
        (
            "Como altero o idioma da Área do Cliente?",
            "A Área do Cliente está disponível em **português**, **inglês** e **espanhol**.\n\n"
            "1. No topo da página, abra o seletor de idioma, que mostra o idioma atual.\n"
            "2. Escolha **Português**, **English** ou **Español**.\n"
            "3. A página é recarregada no idioma escolhido.\n\n"
            "A preferência fica guardada no navegador e vale para as próximas visitas no mesmo aparelho. A troca "
            "altera menus, botões e mensagens do portal. Alguns conteúdos, como esta central de ajuda, os "
            "documentos contratuais e as notas fiscais, continuam em português. Ao abrir um chamado, você também "
            "pode indicar o idioma em que prefere ser atendido.",
        ),
    ],
    "financeiro": [
        (
            "Como recebo o boleto e a nota fiscal?",
            "Todo mês, após a apuração do período, emitimos a **nota fiscal** de serviços e o **boleto** "
            "correspondente. Os dois são enviados por e-mail aos contatos de faturamento cadastrados e ficam "
            "disponíveis em **Financeiro**, na Área do Cliente, onde cada fatura mostra:\n\n"
            "- o número e o PDF da nota fiscal;\n"
            "- o boleto, com a linha digitável e a data de vencimento;\n"
            "- a situação do pagamento.\n\n"
            "Para mudar quem recebe esses e-mails, o gestor atualiza os contatos de faturamento em **Contatos**. "
            "Prefira uma caixa institucional, como financeiro@orgao.exemplo.gov.br, a e-mails pessoais, para que "
            "as mensagens não se percam em trocas de equipe. Alterações feitas até o dia 20 já valem para o "
            "faturamento do mês.",
        ),
        (
            "Como emito a 2ª via do boleto?",
            "Você mesmo pode emitir a 2ª via, sem abrir chamado:\n\n"
            "1. Acesse **Financeiro** na Área do Cliente.\n"
            "2. Localize a fatura pelo mês de referência ou pelo número da nota fiscal.\n"
            "3. Clique em **2ª via do boleto** e baixe o PDF ou copie a linha digitável.\n\n"
            "Se o boleto estiver vencido, a 2ª via sai com nova data de vencimento e com os encargos de atraso "
            "já calculados até essa data. Para boletos dentro do prazo, a 2ª via é idêntica à original. Se a "
            "opção não aparecer, por exemplo em faturas com pagamento já registrado ou em negociação, abra um "
            "chamado em **Suporte** com o assunto **Financeiro** e informe o número da nota fiscal.",
        ),
        (
            "Qual é o prazo de vencimento e o que acontece se eu pagar com atraso?",
            "O vencimento é definido no contrato e aparece no boleto, em geral 30 dias após a emissão da nota "
            "fiscal. Para órgãos públicos, o prazo considera o tempo necessário para o ateste e a liquidação da "
            "despesa.\n\n"
            "Pagamentos após o vencimento têm acréscimo de multa e juros proporcionais aos dias de atraso, "
            "conforme as condições do contrato. Esses valores aparecem na 2ª via ou são lançados na fatura "
            "seguinte.\n\n"
            "Atrasos prolongados podem levar a:\n\n"
            "- avisos por e-mail aos contatos de faturamento e ao gestor;\n"
            "- suspensão do serviço, sempre após notificação prévia;\n"
            "- inclusão do débito nos procedimentos de recuperação de crédito.\n\n"
            "Se houver um impedimento no pagamento, como falta de empenho ou nota em análise, fale conosco antes "
            "do vencimento.",
        ),
        (
            "Em quanto tempo o pagamento é confirmado?",
            "O prazo depende da forma de pagamento:\n\n"
            "- **Boleto pago até o horário limite do banco:** a confirmação costuma chegar em até 3 dias úteis.\n"
            "- **Ordem bancária emitida por órgão público:** pode levar alguns dias úteis a mais, conforme o "
            "fluxo do órgão pagador.\n"
            "- **Transferência identificada**, quando prevista no contrato: até 2 dias úteis, desde que o "
            "identificador esteja correto.\n\n"
            "Quando o pagamento é confirmado, a fatura passa para **Paga** em **Financeiro**. Se o prazo passar "
            "e a fatura continuar em aberto, abra um chamado em **Suporte** com o comprovante em PDF e o número "
            "da nota fiscal. Não pague o mesmo boleto duas vezes enquanto aguarda a confirmação.",
        ),
        (
            "Como funciona a retenção de tributos para órgãos públicos?",
            "Órgãos e entidades públicos podem ser obrigados a reter tributos e contribuições no momento do "
            "pagamento da nota fiscal. Nesse caso, o órgão nos paga o valor líquido e recolhe a parte retida "
            "diretamente ao ente competente.\n\n"
            "Na prática:\n\n"
            "1. A nota fiscal destaca os tributos incidentes e os valores sujeitos a retenção, conforme a "
            "natureza do serviço.\n"
            "2. A área financeira do órgão confere esses valores e aplica as regras de retenção que valem para "
            "ela.\n"
            "3. O órgão paga o valor líquido e envia o comprovante de retenção, quando solicitado.\n\n"
            "Se o boleto vier com o valor bruto, pague o valor líquido por ordem bancária ou peça um boleto "
            "ajustado pelo **Suporte**. Dúvidas sobre a regra aplicável devem ser confirmadas com a "
            "contabilidade do órgão.",
        ),
        (
            "Como funciona a cobrança pelo consumo e o que aparece na fatura?",
            "Nos produtos faturados por uso, a **cobrança** é calculada sobre o volume apurado do primeiro ao "
            "último dia do mês anterior. A fatura traz:\n\n"
            "- o período de apuração;\n"
            "- a quantidade de consultas ou transações por produto e por faixa de preço;\n"
            "- o preço unitário de cada faixa e o subtotal;\n"
            "- ajustes, como créditos ou encargos de atraso de meses anteriores;\n"
            "- o valor total, os tributos destacados e o vencimento.\n\n"
            "O relatório detalhado, com o consumo por dia e por chave de acesso, fica em **Consultar Consumo**. "
            "Compare esse relatório com os registros do seu sistema. Se encontrar diferença, abra um chamado em "
            "até 30 dias após a emissão da fatura, informando o período e as chaves envolvidas.",
        ),
    ],
    "gestao-contratual": [
        (
            "O que é a vigência do contrato e como acontece a renovação?",
            "A **vigência** é o período em que o contrato produz efeitos: começa na data indicada no contrato, "
            "ou na publicação do extrato quando exigida, e termina na data final prevista. As datas aparecem em "
            "**Meus Contratos**.\n\n"
            "Contratos de serviços contínuos podem ser prorrogados, dentro dos limites da legislação e do "
            "próprio contrato:\n\n"
            "1. Cerca de 120 dias antes do fim da vigência, enviamos um aviso ao gestor do contrato.\n"
            "2. O cliente avalia a continuidade e, se for o caso, manifesta interesse na prorrogação.\n"
            "3. A prorrogação é formalizada por **termo aditivo**, assinado antes do término da vigência.\n\n"
            "Se a vigência terminar sem aditivo assinado, o contrato passa para **Encerrado** e o serviço é "
            "interrompido. Por isso, comece o processo interno com antecedência.",
        ),
        (
            "Quando é preciso fazer um termo aditivo?",
            "O **termo aditivo** formaliza alterações do contrato depois da assinatura. Ele é necessário, por "
            "exemplo, para:\n\n"
            "- prorrogar a vigência;\n"
            "- aumentar ou reduzir quantidades e valores estimados;\n"
            "- incluir um novo produto ou serviço relacionado ao objeto;\n"
            "- alterar condições de pagamento ou de prestação do serviço.\n\n"
            "Para solicitar, abra um chamado em **Suporte** com o assunto **Gestão contratual**, descrevendo a "
            "alteração e a justificativa. Nossa equipe prepara a minuta, que segue para análise das duas partes "
            "e assinatura eletrônica. Depois de assinado, o aditivo aparece nos detalhes do contrato, em **Meus "
            "Contratos**. Mudanças simples, como a troca de contatos, não exigem aditivo e podem ser feitas na "
            "própria Área do Cliente.",
        ),
        (
            "Como funciona o reajuste de preços?",
            "O **reajuste** recompõe os preços diante da inflação do período. Ele está previsto no próprio "
            "contrato, que define o índice e a data-base.\n\n"
            "- Só pode ser aplicado depois de 12 meses contados da data-base, como a data da proposta.\n"
            "- O percentual é o do índice indicado no contrato, acumulado no período.\n"
            "- Os novos preços valem para os serviços prestados a partir da data do reajuste.\n\n"
            "Antes de aplicar o reajuste, enviamos ao gestor do contrato uma comunicação com o índice, o cálculo "
            "e a nova tabela de preços. Em geral, ele é formalizado por **apostilamento**, um registro mais "
            "simples que o termo aditivo. Se a sua organização precisar do cálculo em um formato específico para "
            "o processo interno, peça pelo **Suporte**.",
        ),
        (
            "É possível suspender ou encerrar um contrato?",
            "Sim, nos dois casos com aviso prévio e registro formal.\n\n"
            "A **suspensão** interrompe a prestação do serviço por um período, sem encerrar o contrato. Ela pode "
            "ocorrer a pedido do cliente, por exemplo durante uma reestruturação, ou por nossa iniciativa, em "
            "caso de pagamentos em atraso, sempre após notificação. Enquanto durar, o contrato aparece como "
            "**Suspenso**, as chaves de acesso deixam de funcionar e não há faturamento por consumo.\n\n"
            "O **encerramento** acontece no fim da vigência ou por rescisão antecipada. Para rescindir, o gestor "
            "envia a solicitação pelo **Suporte** com a data desejada, respeitando o prazo de aviso previsto no "
            "contrato. Antes disso, exporte os relatórios e documentos de que precisar: o contrato continua "
            "visível como **Encerrado**, mas os serviços são desativados.",
        ),
        (
            "Como trocar o gestor ou o fiscal do contrato?",
            "Em clientes públicos, o **gestor** e o **fiscal** do contrato são designados pela própria "
            "organização, normalmente por portaria ou ato equivalente. A troca segue três passos:\n\n"
            "1. A organização emite e, se for o caso, publica o novo ato de designação.\n"
            "2. Um gestor da organização abre um chamado em **Suporte** com o assunto **Gestão contratual**, "
            "anexando o ato e informando nome, CPF e e-mail de quem assume.\n"
            "3. Atualizamos o cadastro do contrato, e o novo responsável passa a receber os avisos de vigência, "
            "faturamento e ateste.\n\n"
            "Se a pessoa ainda não usa a Área do Cliente, inclua-a antes em **Contatos**. Lembre-se também de "
            "remover o acesso de quem deixou a função, caso ela não tenha outras atribuições na organização.",
        ),
        (
            "O que é o ateste de serviços e como fazê-lo?",
            "O **ateste** é a confirmação, pelo fiscal ou gestor do contrato, de que os serviços faturados foram "
            "efetivamente prestados. Para órgãos públicos, é uma etapa obrigatória antes do pagamento.\n\n"
            "1. Após a emissão da nota fiscal, o responsável recebe um aviso por e-mail.\n"
            "2. Em **Ateste de Serviços**, ele confere o período, as quantidades e os valores, comparando com o "
            "relatório de **Consultar Consumo**.\n"
            "3. Se tudo estiver correto, registra o ateste; se houver divergência, registra a contestação com a "
            "justificativa.\n\n"
            "As contestações são analisadas pela nossa equipe, que responde com a correção ou com as evidências "
            "do consumo. Atestar dentro do prazo evita atrasos no pagamento e encargos.",
        ),
    ],
}

# product slug -> list of (title, body_markdown); order in the list is the display order.
DOCUMENTATION = {
    "consulta-cpf": [
        (
            "Primeiros passos",
            "A API Consulta CPF informa a situação cadastral de um CPF na base da Receita Federal, junto com o "
            "nome e a data de nascimento do titular. É indicada para validar cadastros de clientes, fornecedores "
            "e beneficiários.\n\n"
            "### Antes de começar\n\n"
            "1. Contrate o produto na loja online ou por proposta e aguarde a liberação.\n"
            "2. Na Área do Cliente, abra **Chaves de Acesso** e copie a *consumer key* e o *consumer secret* do "
            "ambiente desejado.\n"
            "3. Gere um token de acesso, como descrito em **Autenticação e chaves de acesso**.\n\n"
            "### Primeira consulta\n\n"
            "Envie o CPF apenas com números, sem pontos nem traço:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-cpf/v1/cpf/00000000191\n"
            "```\n\n"
            "A resposta é um JSON com o número consultado, o nome, a data de nascimento e a situação cadastral, "
            "como **Regular**, **Suspensa**, **Pendente de regularização**, **Cancelada** ou **Titular "
            "falecido**. Trate a situação como texto, porque novos valores podem surgir.\n\n"
            "### Ambiente de demonstração\n\n"
            "No ambiente de demonstração, só são aceitos CPFs de teste, como 000.000.001-91, e as respostas são "
            "fictícias. Use-o para validar o tratamento de cada situação antes de ir para produção.",
        ),
        (
            "Autenticação e chaves de acesso",
            "Todas as APIs do catálogo usam o fluxo OAuth 2.0 *client credentials*: as suas credenciais geram um "
            "token temporário, que acompanha cada requisição.\n\n"
            "### Gerar o token\n\n"
            "Junte a *consumer key* e o *consumer secret* no formato `key:secret`, codifique em Base64 e envie "
            "ao endpoint de token:\n\n"
            "```bash\n"
            "curl -X POST https://gateway.exemplo.gov.br/token \\\n"
            '  -H "Authorization: Basic <base64 de key:secret>" \\\n'
            '  -d "grant_type=client_credentials"\n'
            "```\n\n"
            "A resposta traz o `access_token` e o campo `expires_in`, com a validade em segundos. Reaproveite o "
            "mesmo token até perto do vencimento: gerar um token por consulta deixa a integração mais lenta e "
            "pode esbarrar em limites.\n\n"
            "### Guardar as credenciais com segurança\n\n"
            "- Mantenha o *consumer secret* apenas no servidor, nunca em aplicativos móveis ou no navegador.\n"
            "- Use um cofre de segredos ou variáveis de ambiente, fora do controle de versão.\n"
            "- Dê acesso às chaves somente a quem precisa delas.\n\n"
            "### Renovar ou revogar chaves\n\n"
            "Em **Chaves de Acesso**, o gestor pode gerar um novo par de chaves quando houver suspeita de "
            "vazamento ou troca de equipe. As chaves antigas deixam de funcionar assim que são revogadas, por "
            "isso atualize os seus sistemas antes.",
        ),
    ],
    "consulta-cnpj": [
        (
            "Como começar",
            "A API Consulta CNPJ devolve os dados cadastrais de uma empresa: razão social, nome fantasia, "
            "situação cadastral, endereço, atividades econômicas, natureza jurídica e, conforme o plano, o "
            "quadro de sócios.\n\n"
            "### Passo a passo\n\n"
            "1. Gere as suas chaves em **Chaves de Acesso**, na Área do Cliente.\n"
            "2. Obtenha um token de acesso com o fluxo OAuth 2.0 *client credentials*.\n"
            "3. Consulte o CNPJ sem máscara, com os 14 caracteres:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-cnpj/v2/empresa/11222333000181\n"
            "```\n\n"
            "O CNPJ do exemplo é fictício e funciona no ambiente de demonstração.\n\n"
            "### Planos de consulta\n\n"
            "Os campos devolvidos dependem do plano contratado:\n\n"
            "- **Básica:** identificação, situação cadastral e endereço.\n"
            "- **QSA:** inclui o quadro de sócios e administradores.\n"
            "- **Completa:** acrescenta as atividades secundárias e outros dados do estabelecimento.\n\n"
            "### Boas práticas\n\n"
            "Guarde em cache os dados que mudam pouco, como razão social e endereço, e consulte de novo quando "
            "precisar confirmar a situação cadastral, por exemplo antes de um pagamento. Trate a situação como "
            "texto e não como número, porque novos valores podem surgir.",
        ),
        (
            "CNPJ alfanumérico a partir de 2026",
            "A partir de 2026, conforme o cronograma da Receita Federal, novas inscrições no CNPJ passam a ser "
            "emitidas em formato alfanumérico. Os CNPJs existentes continuam válidos e não mudam. A API aceita e "
            "devolve os dois formatos, mas o seu sistema também precisa estar preparado.\n\n"
            "### O que muda no formato\n\n"
            "- O CNPJ continua com 14 posições.\n"
            "- As 12 primeiras, que formam a raiz e a ordem do estabelecimento, podem ter letras maiúsculas de A "
            "a Z e números.\n"
            "- As 2 últimas, os dígitos verificadores, continuam numéricas.\n\n"
            "Exemplo fictício: **12.ABC.345/01DE-35**, enviado à API como `12ABC34501DE35`.\n\n"
            "### Cálculo do dígito verificador\n\n"
            "O cálculo segue o mesmo módulo 11, com os mesmos pesos. A diferença é que cada caractere é "
            "convertido pelo seu código ASCII menos 48: os números mantêm o valor de sempre, a letra A vale 17, "
            "a B vale 18, e assim por diante.\n\n"
            "### Checklist de adaptação\n\n"
            "1. Troque colunas numéricas por colunas de texto com 14 caracteres.\n"
            "2. Revise máscaras, validações e campos de formulário que aceitam só dígitos.\n"
            "3. Converta letras para maiúsculas antes de consultar.\n"
            "4. Teste com CNPJs alfanuméricos fictícios no ambiente de demonstração.",
        ),
    ],
    "consulta-nfe": [
        (
            "Primeiros passos",
            "A API Consulta NF-e informa a situação de uma nota fiscal eletrônica a partir da sua chave de "
            "acesso e, conforme o plano, devolve os dados da nota: emitente, destinatário, valores, itens e "
            "eventos registrados, como cancelamento e carta de correção.\n\n"
            "### A chave de acesso\n\n"
            "A chave tem 44 posições e aparece no DANFE, junto ao código de barras. Ela reúne, entre outros "
            "dados, o código da UF, o ano e o mês de emissão, o CNPJ do emitente, o modelo, a série, o número da "
            "nota e um dígito verificador. Envie a chave sem espaços nem pontuação.\n\n"
            "### Primeira consulta\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-nfe/v1/nfe/<chave-de-44-posicoes>\n"
            "```\n\n"
            "A resposta informa a situação da nota, como **Autorizada**, **Cancelada** ou **Denegada**, e a data "
            "da última atualização.\n\n"
            "### Quando usar\n\n"
            "- Conferir notas recebidas de fornecedores antes de lançar a entrada ou fazer o pagamento.\n"
            "- Verificar se uma nota foi cancelada depois de emitida.\n"
            "- Apoiar auditorias e fiscalizações com dados da base oficial.",
        ),
        (
            "Códigos de retorno e erros",
            "A API usa os códigos de status HTTP padrão. Em caso de erro, o corpo da resposta traz um JSON com "
            "os campos `codigo` e `mensagem`, que ajudam a identificar a causa.\n\n"
            "### Códigos mais comuns\n\n"
            "- **200:** consulta realizada; a situação da nota está no corpo da resposta.\n"
            "- **400:** requisição inválida, normalmente chave com tamanho errado ou dígito verificador "
            "incorreto.\n"
            "- **401:** token ausente, inválido ou expirado.\n"
            "- **403:** as credenciais não têm acesso a este produto ou o contrato está suspenso.\n"
            "- **404:** nenhuma nota encontrada para a chave informada.\n"
            "- **429:** limite de requisições excedido.\n"
            "- **500** e **503:** falha temporária do nosso lado.\n\n"
            "### Como tratar os erros\n\n"
            "1. Valide a chave antes de enviar: tamanho e dígito verificador corretos evitam consultas "
            "desperdiçadas.\n"
            "2. Em **401**, gere um novo token uma única vez e repita a chamada.\n"
            "3. Em **429**, **500** e **503**, repita com espera crescente, por exemplo 1, 2 e 4 segundos.\n"
            "4. Não repita automaticamente respostas **400**, **403** e **404**: o resultado não vai mudar.\n\n"
            "Se os erros **5xx** persistirem por mais de alguns minutos, abra um chamado em **Suporte** com o "
            "horário e o identificador da requisição, devolvido no cabeçalho da resposta.",
        ),
    ],
    "consulta-divida-ativa": [
        (
            "Primeiros passos",
            "A API Consulta Dívida Ativa informa se uma pessoa física ou jurídica tem inscrições em dívida ativa "
            "da União e, para cada inscrição, devolve o número, a situação, a natureza do débito e o valor "
            "consolidado na data da consulta.\n\n"
            "### Como consultar\n\n"
            "Informe o CPF ou o CNPJ sem máscara:\n\n"
            "```bash\n"
            'curl -H "Authorization: Bearer <token>" \\\n'
            "  https://gateway.exemplo.gov.br/consulta-divida-ativa/v1/devedor/00000000191\n"
            "```\n\n"
            "Quando não há inscrições, a resposta traz uma lista vazia, e não um erro. Esse é o resultado "
            "esperado na maior parte das consultas.\n\n"
            "### Campos principais da resposta\n\n"
            "- `numeroInscricao`: identificador da inscrição.\n"
            "- `situacao`: por exemplo **Em aberto**, **Parcelada** ou **Suspensa por decisão judicial**.\n"
            "- `naturezaDivida`: tributária, previdenciária ou não tributária.\n"
            "- `valorConsolidado`: valor com encargos na data da consulta.\n\n"
            "### Uso responsável\n\n"
            "Os dados de dívida ativa apoiam a análise de crédito, a habilitação de fornecedores e a conferência "
            "cadastral. Use-os somente para a finalidade informada na contratação e não os repasse a terceiros "
            "sem necessidade.",
        ),
        (
            "Limites de uso e boas práticas",
            "Para manter o serviço estável para todos, cada contrato tem um limite de requisições por segundo, "
            "definido na proposta. Acima dele, a API responde **429** até a janela seguinte.\n\n"
            "### Limites\n\n"
            "- O limite vale para o contrato como um todo, somando todas as chaves de acesso.\n"
            "- O ambiente de demonstração tem um limite menor, suficiente para testes funcionais.\n"
            "- Se precisar de mais capacidade em períodos de pico, como campanhas de recadastramento, peça um "
            "ajuste à equipe comercial com antecedência.\n\n"
            "### Processamento em lote\n\n"
            "Para consultar milhares de documentos, não dispare tudo de uma vez:\n\n"
            "1. Organize os documentos em uma fila.\n"
            "2. Processe com um número fixo de consultas simultâneas, abaixo do limite.\n"
            "3. Registre o resultado de cada consulta e reprocesse só as que falharam.\n"
            "4. Prefira horários de menor movimento, como o período noturno.\n\n"
            "### Cache e atualização\n\n"
            "Inscrições em dívida ativa não mudam a cada minuto. Guarde o resultado por um período compatível "
            "com o seu processo, por exemplo um dia, e consulte de novo antes de uma decisão importante, como a "
            "assinatura de um contrato. Lembre-se de que cada consulta entra no consumo faturado do mês.",
        ),
    ],
    "datavalid": [
        (
            "Primeiros passos",
            "O Datavalid compara os dados informados pelo seu usuário com bases oficiais do governo e devolve o "
            "grau de correspondência de cada campo. Ele não entrega os dados da base: responde se o que foi "
            "informado confere.\n\n"
            "### O que pode ser validado\n\n"
            "- **Dados cadastrais:** nome, data de nascimento, filiação e situação do CPF.\n"
            "- **Documento:** número, categoria e validade da CNH, quando houver.\n"
            "- **Biometria facial:** a foto enviada é comparada com a foto registrada em bases oficiais, como a "
            "da CNH.\n\n"
            "### Como fazer uma validação\n\n"
            "Envie um `POST` com o CPF e os campos que deseja validar:\n\n"
            "```bash\n"
            "curl -X POST https://gateway.exemplo.gov.br/datavalid/v3/validate/pf \\\n"
            '  -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \\\n'
            '  -d \'{"key": {"cpf": "00000000191"}, "answer": {"nome": "Maria Exemplo da Silva"}}\'\n'
            "```\n\n"
            "Envie apenas os campos de que precisa: cada campo enviado é conferido e aparece na resposta.\n\n"
            "### Consentimento e finalidade\n\n"
            "A validação envolve dados pessoais e, no caso da face, dados pessoais sensíveis. Informe ao usuário "
            "por que a validação é feita, registre a base legal aplicável e guarde somente o resultado "
            "necessário ao seu processo.",
        ),
        (
            "Interpretação das respostas",
            "A resposta do Datavalid repete a estrutura enviada e indica, para cada campo, se ele confere com a "
            "base oficial.\n\n"
            "### Campos de texto\n\n"
            "Para nomes, o retorno traz dois indicadores:\n\n"
            "- `nome`: `true` quando o nome é igual ao da base, desconsiderando acentos e maiúsculas.\n"
            "- `nome_similaridade`: um número de 0 a 1 que mede a semelhança e ajuda em abreviações e erros de "
            "digitação.\n\n"
            "Defina no seu sistema um limiar de similaridade, por exemplo 0,85, e envie para análise manual os "
            "casos abaixo dele.\n\n"
            "### Biometria facial\n\n"
            "A validação facial devolve `disponivel`, que indica se havia foto na base para comparar, e "
            "`probabilidade`, com a chance de a foto enviada ser da mesma pessoa, em faixas como **Altíssima**, "
            "**Alta**, **Baixa** e **Baixíssima**, acompanhadas de uma `similaridade` numérica.\n\n"
            "### Decisão\n\n"
            "1. Sem foto disponível na base, use outro fator de verificação.\n"
            "2. Probabilidade alta ou altíssima: aprove automaticamente, se a sua política permitir.\n"
            "3. Probabilidade baixa ou baixíssima: peça nova captura ou encaminhe para análise humana.\n\n"
            "Registre o resultado junto do cadastro, para auditoria futura.",
        ),
    ],
    "biovalid": [
        (
            "Como começar",
            "O Biovalid verifica se a pessoa diante da câmera está realmente presente, a chamada **prova de "
            "vida**, e pode combinar essa verificação com a validação facial em bases oficiais. É usado em "
            "aplicativos que precisam evitar fraudes com fotos, vídeos ou máscaras.\n\n"
            "### Componentes\n\n"
            "- **SDK de captura:** biblioteca para Android, iOS e web que orienta o usuário e captura a face.\n"
            "- **API de validação:** recebe o pacote gerado pelo SDK e devolve o resultado da prova de vida.\n\n"
            "### Fluxo básico\n\n"
            "1. O seu servidor solicita uma sessão de captura à API, usando o token de acesso.\n"
            "2. O aplicativo abre o SDK com o identificador da sessão.\n"
            "3. O usuário segue as instruções na tela, como aproximar ou centralizar o rosto.\n"
            "4. O SDK envia o pacote de captura, e o seu servidor consulta o resultado.\n\n"
            "### Cuidados na integração\n\n"
            "Não confie em resultados informados pelo próprio aplicativo: consulte sempre o resultado a partir "
            "do servidor. Mantenha o SDK atualizado, porque as novas versões trazem melhorias contra tentativas "
            "de fraude. Teste também em aparelhos de entrada, que costumam ter câmeras mais simples.",
        ),
        (
            "Requisitos de captura da foto",
            "A qualidade da captura define boa parte do resultado. Muitas reprovações vêm de luz ruim ou de "
            "enquadramento errado, e não de fraude.\n\n"
            "### Ambiente e iluminação\n\n"
            "- Luz frontal e uniforme, sem contraluz de janelas ou lâmpadas atrás da pessoa.\n"
            "- Fundo neutro, sem outras pessoas nem fotos de rostos no quadro.\n"
            "- Aparelho firme, de preferência apoiado, na altura dos olhos.\n\n"
            "### Posição da pessoa\n\n"
            "- Rosto inteiro visível, olhando para a câmera, com expressão neutra.\n"
            "- Sem óculos escuros, boné, máscara ou cabelo sobre os olhos; óculos de grau são aceitos se não "
            "houver reflexo nas lentes.\n"
            "- Apenas uma pessoa no enquadramento.\n\n"
            "### Imagem e tentativas\n\n"
            "O SDK ajusta a captura automaticamente, mas recomendamos câmera frontal com resolução mínima de "
            "720p. Não aplique filtros, compressão extra ou recortes à imagem antes do envio.\n\n"
            'Mostre instruções curtas e positivas, como "Procure um lugar mais iluminado", e permita até três '
            "tentativas antes de oferecer outro caminho de verificação, como o atendimento presencial.",
        ),
    ],
    "serpro-id": [
        (
            "Primeiros passos",
            "O SERPRO ID é um certificado digital ICP-Brasil armazenado em nuvem. Em vez de token ou cartão, a "
            "chave privada fica protegida em nossos servidores, e você autoriza cada uso pelo aplicativo no "
            "celular.\n\n"
            "### Tipos de certificado\n\n"
            "- **Pessoa física (e-CPF):** para assinar documentos e acessar sistemas em nome próprio.\n"
            "- **Pessoa jurídica (e-CNPJ):** para representar a empresa ou o órgão, sob responsabilidade do "
            "representante legal.\n\n"
            "### Como solicitar\n\n"
            "1. Na Área do Cliente, abra **Solicitação Certificado Digital** e escolha o tipo.\n"
            "2. Informe os dados do titular e envie os documentos pedidos.\n"
            "3. Faça a validação de identidade, presencial ou por videoconferência, conforme a modalidade.\n"
            "4. Instale o aplicativo SERPRO ID, ative o certificado e defina a sua senha de uso.\n\n"
            "### Depois da emissão\n\n"
            "O certificado pode ser usado em computadores e celulares, sem instalar drivers nem leitores. Guarde "
            "a senha de uso com cuidado: ela não é enviada por e-mail e só o titular a conhece. O certificado "
            "tem validade definida na emissão, e você recebe avisos antes do vencimento para renová-lo.",
        ),
        (
            "Assinatura de documentos e uso em sistemas",
            "Com o SERPRO ID, você assina documentos e se autentica em sistemas sem conectar nenhum dispositivo "
            "ao computador. A autorização é feita no aplicativo do celular.\n\n"
            "### Assinar um documento\n\n"
            "1. Abra um assinador compatível e escolha o arquivo, por exemplo um PDF.\n"
            "2. Selecione o certificado em nuvem e informe o seu CPF.\n"
            "3. Confirme a operação no aplicativo SERPRO ID, com a senha de uso ou a biometria do aparelho.\n"
            "4. Baixe o documento assinado e confira a assinatura em um "
            "[validador](https://validar.exemplo.gov.br).\n\n"
            "### Autorizar por um período\n\n"
            "Para assinar muitos documentos de uma vez, você pode conceder a um sistema confiável uma "
            "autorização com prazo curto, em vez de confirmar cada assinatura. Use esse recurso com moderação e "
            "revogue a autorização ao terminar.\n\n"
            "### Integração com sistemas\n\n"
            "Sistemas do seu órgão ou empresa podem pedir assinaturas ao certificado em nuvem por meio de API. A "
            "equipe de desenvolvimento deve:\n\n"
            "- registrar a aplicação e obter as credenciais em **Chaves de Acesso**;\n"
            "- redirecionar o usuário para que ele autorize o uso do certificado;\n"
            "- nunca armazenar a senha de uso do titular.",
        ),
    ],
    "escola-serpro-educa": [
        (
            "Como se inscrever",
            "A Escola Serpro Educa oferece cursos sobre os nossos produtos para as equipes dos clientes, de "
            "introduções para gestores a trilhas técnicas para desenvolvedores.\n\n"
            "### Modalidades\n\n"
            "- **Cursos online autoinstrucionais:** disponíveis o tempo todo, para fazer no seu ritmo.\n"
            "- **Turmas ao vivo:** aulas remotas com instrutor, em datas marcadas.\n"
            "- **Turmas fechadas:** exclusivas para um cliente, com conteúdo ajustado ao seu contexto e "
            "contratadas por proposta.\n\n"
            "### Inscrição\n\n"
            "1. Consulte o catálogo e o calendário de turmas em "
            "[educa.exemplo.gov.br](https://educa.exemplo.gov.br).\n"
            "2. Escolha o curso e informe o número do contrato da sua organização, se houver vagas contratadas.\n"
            "3. Aguarde o e-mail de confirmação com o link de acesso ao ambiente de aprendizagem.\n\n"
            "As vagas contratadas são controladas pelo gestor do contrato, que pode redistribuí-las entre os "
            "membros da equipe.\n\n"
            "### Cancelamento e faltas\n\n"
            "Se não puder participar de uma turma ao vivo, cancele a inscrição até 2 dias úteis antes do início, "
            "para liberar a vaga a outra pessoa. Faltas sem aviso podem consumir a vaga contratada.",
        ),
        (
            "Certificados e trilhas de capacitação",
            "Os cursos estão organizados em trilhas, para que cada pessoa encontre o conteúdo mais útil para a "
            "sua função.\n\n"
            "### Trilhas recomendadas\n\n"
            "- **Gestão de contratos:** vigência, ateste de serviços, acompanhamento de consumo e faturamento.\n"
            "- **Integração com APIs:** autenticação, tratamento de erros e boas práticas para as APIs de "
            "consulta.\n"
            "- **Identidade digital:** uso do Datavalid, do Biovalid e do SERPRO ID em jornadas de cadastro.\n"
            "- **Nuvem de Governo:** provisionamento, segurança e operação de recursos.\n\n"
            "Cada trilha combina cursos curtos, que podem ser feitos em sequência ou separadamente.\n\n"
            "### Certificados\n\n"
            "Ao concluir um curso, você recebe um certificado digital com a carga horária e um código de "
            "verificação. Para ter direito a ele, é preciso:\n\n"
            "1. assistir a pelo menos 75% das aulas, nas turmas ao vivo;\n"
            "2. obter a nota mínima indicada na avaliação final, quando houver.\n\n"
            "Os certificados ficam no ambiente de aprendizagem e podem ser conferidos por terceiros com o código "
            "de verificação.\n\n"
            "### Relatórios para o gestor\n\n"
            "O gestor do contrato pode pedir pelo **Suporte** um relatório de participação da equipe, com "
            "inscritos, concluintes e carga horária, útil para planos de capacitação.",
        ),
    ],
    "nuvem-de-governo": [
        (
            "Primeiros passos",
            "A Nuvem de Governo oferece infraestrutura para sistemas de órgãos públicos, com os dados "
            "armazenados em data centers no Brasil: máquinas virtuais, armazenamento, bancos de dados "
            "gerenciados, balanceadores de carga e redes privadas.\n\n"
            "### Antes do primeiro recurso\n\n"
            "1. Confirme no contrato os recursos e a quota de cada projeto.\n"
            "2. Indique os responsáveis técnicos que terão acesso ao console.\n"
            "3. Defina com a nossa equipe a conexão com a rede do órgão, por VPN ou link dedicado.\n\n"
            "### Organização em projetos\n\n"
            "Os recursos ficam agrupados em **projetos**, por exemplo um por sistema ou por ambiente: "
            "desenvolvimento, homologação e produção. Cada projeto tem quotas, permissões e relatórios de "
            "consumo próprios, o que facilita o acompanhamento e a separação de custos entre áreas.\n\n"
            "### Criar uma máquina virtual\n\n"
            "No console, escolha o projeto, a imagem do sistema operacional e o tamanho da máquina, associe uma "
            "chave SSH e selecione a rede. Em poucos minutos a máquina fica disponível. Tudo o que é feito no "
            "console também pode ser feito por API ou por ferramentas de infraestrutura como código, o que ajuda "
            "a manter os ambientes iguais e documentados.",
        ),
        (
            "Segurança, backup e boas práticas",
            "A segurança na nuvem é compartilhada: cuidamos da infraestrutura física, da rede e da plataforma; o "
            "órgão cuida do que roda dentro dos recursos, como sistema operacional, aplicações, usuários e dados.\n\n"
            "### Acesso\n\n"
            "- Crie um usuário por pessoa e conceda apenas as permissões necessárias.\n"
            "- Ative a autenticação em dois fatores para todos os usuários do console.\n"
            "- Use chaves SSH em vez de senhas e não exponha portas de administração à internet.\n\n"
            "### Backup e recuperação\n\n"
            "O backup dos volumes pode ser agendado por projeto, com retenção definida no contrato. Teste a "
            "restauração com regularidade: um backup que nunca foi restaurado não garante a recuperação. Para "
            "sistemas críticos, avalie manter réplicas em outra zona de disponibilidade.\n\n"
            "### Operação\n\n"
            "1. Mantenha sistemas operacionais e pacotes atualizados.\n"
            "2. Configure alertas de uso de CPU, memória e disco.\n"
            "3. Desligue ou remova recursos sem uso, porque eles continuam entrando no consumo.\n"
            "4. Revise todo mês os relatórios em **Consultar Consumo**, na Área do Cliente.",
        ),
    ],
    "compartilha-rfb": [
        (
            "Primeiros passos",
            "O Compartilha RFB permite que uma organização receba dados que a Receita Federal tem sobre um "
            "contribuinte, desde que o próprio titular autorize o compartilhamento. É útil, por exemplo, para "
            "comprovar renda em uma concessão de crédito sem pedir cópias de documentos.\n\n"
            "### Como funciona\n\n"
            "1. A sua organização pede a autorização ao cidadão, indicando quais dados e para qual finalidade.\n"
            "2. O titular entra no ambiente de autorização com a sua conta de identidade digital e confirma o "
            "compartilhamento.\n"
            "3. Com a autorização registrada, o seu sistema consulta os dados pela API, usando o token de acesso.\n\n"
            "### Dados disponíveis\n\n"
            "Os conjuntos de dados dependem do contrato e podem incluir, por exemplo, dados cadastrais do CPF, "
            "informações da declaração de imposto de renda e vínculos com empresas. Cada conjunto precisa ser "
            "autorizado separadamente pelo titular.\n\n"
            "### Acompanhamento na Área do Cliente\n\n"
            "Em **Compartilha RFB**, o gestor acompanha as autorizações recebidas, o prazo de cada uma e o "
            "volume de consultas realizadas, e pode baixar relatórios para auditoria interna ou para responder a "
            "pedidos dos titulares.",
        ),
        (
            "Autorização do titular e prazo de validade",
            "Toda consulta no Compartilha RFB depende de uma autorização válida do titular. Sem ela, a API "
            "responde **403** e nenhum dado é enviado.\n\n"
            "### O que a autorização contém\n\n"
            "- os conjuntos de dados autorizados;\n"
            "- a organização que pode recebê-los;\n"
            "- a finalidade informada ao titular;\n"
            "- a data de início e o prazo de validade.\n\n"
            "### Prazo e revogação\n\n"
            "A autorização vale pelo prazo escolhido no pedido, dentro do limite definido para cada conjunto de "
            "dados. O titular pode revogá-la a qualquer momento; a partir daí, novas consultas são recusadas, "
            "mas os dados já recebidos continuam sob responsabilidade da sua organização.\n\n"
            "### Boas práticas\n\n"
            "1. Peça só os dados necessários para a finalidade declarada.\n"
            "2. Explique ao cidadão, em linguagem simples, por que os dados são pedidos e por quanto tempo serão "
            "guardados.\n"
            "3. Consulte os dados logo após a autorização, e não em massa semanas depois.\n"
            "4. Elimine os dados quando a finalidade for cumprida, conforme a sua política de retenção e a "
            "legislação de proteção de dados.",
        ),
    ],
}
