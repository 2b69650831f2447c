// "Spørg en AI-superbruger": the super users of the employee's own afdeling (name, unit, work
// e-mail), on "Mine kurser" and the AI course page.
export interface AskSuperUsersData {
  afdelingName: string | null;
  superUsers: { id: number; name: string; unitName: string; email: string }[];
}

export function AskSuperUsers({ data, headingLevel = 2 }: { data: AskSuperUsersData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="spoerg-superbruger" className="mt-10 rounded-lg bg-white p-5 shadow-sm">
      <Heading id="spoerg-superbruger" className="text-xl font-semibold">
        Spørg en AI-superbruger
      </Heading>
      {data.superUsers.length === 0 ? (
        <p className="mt-2 max-w-prose">
          {data.afdelingName
            ? `${data.afdelingName} har ikke udpeget AI-superbrugere endnu. Spørg din leder, hvis du har spørgsmål om AI i dit arbejde.`
            : "Din enhed hører ikke til en afdeling med AI-superbrugere. Spørg din leder, hvis du har spørgsmål om AI i dit arbejde."}
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-prose">
            AI-superbrugerne i {data.afdelingName} hjælper med Copilot, agenter og gode idéer til at bruge AI
            i jeres arbejde. Skriv til en af dem:
          </p>
          <ul className="mt-3 space-y-2">
            {data.superUsers.map((s) => (
              <li key={s.id}>
                <span className="font-semibold">{s.name}</span>, {s.unitName}:{" "}
                <a href={`mailto:${s.email}`} className="break-all">
                  {s.email}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
