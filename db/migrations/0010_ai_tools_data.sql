-- Custom SQL migration file, put your code below! --
-- The AI tools list moves from app/content/ai-tools.md into the database (issue 11 item 6), with
-- the content review's C5, M4 and W2 applied. Each tool gets a first history row.
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('Microsoft 365 Copilot med kommunens licens', 'approved', 'Copilot med kommunens betalingslicens arbejder inde i kommunens Microsoft-miljø, hvor kommunens data sikkert kan komme i spil.', 'Få hjælp til at skrive, opsummere og finde information i dit arbejde.
Arbejde med kommunens data, fx de filer, mails og dokumenter, som du i forvejen har adgang til i Word, Outlook og Teams.
Opgaver med personoplysninger, når opgaven er afklaret med din leder/DPO, og når du kun bruger de oplysninger, som opgaven kræver.', 'Bruge flere personoplysninger end nødvendigt. Reglen om dataminimering gælder også i et godkendt værktøj.
Lade Copilot træffe afgørelser om borgere. Du tjekker altid svaret, du træffer afgørelsen, og du har ansvaret.
Bruge eller dele filer, som Copilot viser dig, men som du ikke burde kunne se. Giv IT-Helpdesk besked, så adgangen kan blive tjekket, og meld det efter kommunens procedure for brud på persondatasikkerheden.
Et godt råd: Skriv ikke fortrolige oplysninger i et spørgsmål, hvor Copilot skal søge på internettet. Ifølge Microsoft er de søgninger ikke dækket af den samme aftale.', '', 10);
--> statement-breakpoint
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('Copilot-agenter fra afdelingens AI-superbrugere', 'approved', 'En agent er en skræddersyet chatbot i Copilot, som kun svarer ud fra et afgrænset filbibliotek, fx afdelingens egne instrukser og procedurer.', 'Stille spørgsmål om det, agenten er lavet til, fx afdelingens procedurer, vejledninger eller personalepolitikker.
Bruge afdelingens agenter, selvom du ikke selv har en Copilot-licens. Ifølge Chefforums beslutning får kommunen en fælles licens til det.
Foreslå en ny agent til en AI-superbruger i din afdeling.', 'Stole blindt på svaret. Tjek det mod den gældende instruks, og giv superbrugeren besked, hvis svaret er forkert eller bygger på en gammel fil.
Lade agenten træffe afgørelser om borgere.
Lave en agent eller chatbot til borgerne uden godkendelse. Det er en ny løsning, som skal godkendes via IT & Digitalisering og IT-projektrådet.', '', 20);
--> statement-breakpoint
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('Copilot uden betalingslicens (gratis Copilot)', 'without_personal_data', 'Du må bruge gratis Copilot til generelle opgaver, men du må aldrig skrive personhenførbare eller forretningskritiske oplysninger ind.', 'Generelle opgaver uden oplysninger om personer, fx idéer til en sommerfest eller en sangleg.
Gøre en generel tekst eller vejledning kortere og lettere at læse.
Få forklaret et ord i enkle ord eller få råd om, hvordan man skriver et klart og venligt brev.', 'Personhenførbare oplysninger, dvs. alt, der kan føre tilbage til en bestemt person, fx navn, CPR-nummer, adresse, helbred eller oplysninger fra en sag. Det er ikke nok at fjerne navnet.
Forretningskritiske oplysninger, fx budgetudkast, der ikke er offentlige, materiale om kontrakter og udbud, oplysninger om it-sikkerhed og adgangskoder.
Gå ud fra, at du har licens. Reglen gælder al Copilot uden betalingslicens, også hvis du er logget ind med din arbejdskonto. Er du i tvivl om, hvilken udgave du bruger, så regn med, at det er gratisudgaven, og spørg IT-Helpdesk.', '', 30);
--> statement-breakpoint
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('ChatGPT – både gratis og betalt (fx ChatGPT Plus)', 'without_personal_data', 'Du må bruge ChatGPT til generelle opgaver, men aldrig med personhenførbare eller forretningskritiske oplysninger, heller ikke hvis der er betalt for ChatGPT.', 'Generelle opgaver uden personoplysninger og uden forretningskritiske oplysninger, fx gode råd til at skrive korte og præcise notater uden at nævne en borger.
Omskrive eller forenkle en generel tekst.', 'Personhenførbare oplysninger, fx en borgers klage, en lægeerklæring eller en elevs handleplan. Det gælder også betalt ChatGPT, fordi en betalingslicens til ChatGPT ikke giver mulighed for at arbejde inden for kommunens sikre systemer.
Forretningskritiske oplysninger, fx et fortroligt budgetudkast.
Komme uden om reglerne med en privat konto. Reglerne gælder stadig for oplysninger fra dit arbejde.
Købe en licens til ChatGPT selv eller i afdelingen. Det skal gå gennem IT & Digitalisering.', '', 40);
--> statement-breakpoint
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('DeepSeek', 'not_allowed', 'DeepSeek er ikke godkendt i kommunen, og der er lukket for, at du kan bruge din arbejdsmail til tjenesten.', 'Intet i dit arbejde. Brug i stedet et af de værktøjer, der må bruges, og følg reglerne for det.', 'Oprette dig eller logge ind med din arbejdsmail. Det er lukket.
Tro, at en privat konto gør det i orden. Du kommer ikke uden om reglerne med en privat konto, og du må aldrig skrive personhenførbare eller forretningskritiske oplysninger ind.', '', 50);
--> statement-breakpoint
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('Andre og nye AI-værktøjer og apps', 'requires_approval', 'Et nyt AI-værktøj, fx en app til referater, oversættelse eller tale til tekst, må først tages i brug, når det er godkendt via IT & Digitalisering og IT-projektrådet (ITP).', 'Foreslå værktøjet. Kontakt IT-Helpdesk, så IT & Digitalisering kan vurdere det, og det kan blive godkendt i IT-projektrådet.
Bruge værktøjet, når det er godkendt.', 'Bestille eller købe et AI-værktøj eller en licens selv eller i afdelingen uden om IT & Digitalisering.
Afprøve værktøjet på rigtige borgersager eller andre oplysninger fra dit arbejde.
Nøjes med leverandørens ord for, at værktøjet overholder GDPR.', '', 60);
--> statement-breakpoint
INSERT INTO ai_tool (name, status, summary, allowed, not_allowed, note, sort_order) VALUES ('Nye AI-funktioner i fagsystemer', 'requires_approval', 'Mange fagsystemer får AI-funktioner. Spørg, før du bruger nye AI-funktioner: IT & Digitalisering kan fortælle dig, om funktionen er godkendt, eller om den skal vurderes først.', 'AI-funktioner, som er godkendt via IT & Digitalisering og IT-projektrådet. Spørg din leder eller IT-Helpdesk, hvis du ikke ved, om en funktion er godkendt.', 'Tage en ny AI-funktion i brug, før du har spurgt, om den er godkendt.
Lade AI-funktionen træffe afgørelser for dig. Giver den forkerte eller skæve resultater, så sig det til din leder.', '', 70);
--> statement-breakpoint
INSERT INTO ai_tool_change (tool_id, at, actor_user_id, actor_name, kind, description)
SELECT id, CAST(strftime('%s', 'now') AS INTEGER) * 1000, NULL, 'IT & Digitalisering', 'created', 'Oprettet ud fra den tidligere oversigt og rettet efter indholdsgennemgangen' FROM ai_tool;
--> statement-breakpoint
-- The ai requirement is met by this site's course or by the vendor's AI-Awareness course (imported).
UPDATE course SET kind = 'site_and_import' WHERE code = 'ai';
