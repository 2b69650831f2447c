// `npm run create-user -- --email E --name N --role admin|hr|manager|employee [--unit "A > B"]`
// How a real installation gets its first admin: the same createAccount as the admin page, in the
// audit trail as the command. The password comes from USER_PASSWORD (for scripts) or is asked for
// at the prompt.
import { createInterface } from "node:readline";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import { createAccount } from "~/auth/accounts.server";
import { hashPassword } from "~/auth/password.server";
import { ROLE_LABEL } from "~/auth/roles";
import { findUnitByPathLabel } from "~/compliance/units.server";
import { databasePath } from "~/db.server";
import { config } from "~/env.server";
import { ROLES } from "../../db/constants";
import { exitWithUsage, isEntry, noPositionals, parseOrExit } from "./args";

const USAGE = `Brug: npm run create-user -- --email E --name N --role ${ROLES.join("|")} [--unit "Enhed > Underenhed"]
Adgangskoden læses fra miljøvariablen USER_PASSWORD eller spørges der om.`;

export const CREATE_USER_OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  unit: { type: "string", multiple: true },
} as const;

export const CreateUserArgs = z
  .object({
    positionals: z.array(z.string()).refine(noPositionals, "Ukendte argumenter."),
    email: z.email("--email skal være en e-mailadresse").transform((e) => e.toLowerCase()),
    name: z.string("--name mangler").trim().min(1, "--name mangler"),
    role: z.enum(ROLES, { message: `--role skal være en af ${ROLES.join(", ")}` }),
    unit: z.array(z.string()).default([]),
  })
  .refine((a) => a.unit.length === 0 || a.role === "manager", "--unit giver kun mening med --role manager.");

export const Password = z.string().min(12, "Adgangskoden skal være mindst 12 tegn.").max(256);

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

if (isEntry(import.meta.url)) {
  const settings = config();
  const args = parseOrExit(USAGE, CREATE_USER_OPTIONS, CreateUserArgs);
  const unitIds = args.unit.map(
    (path) => findUnitByPathLabel(path)?.id ?? exitWithUsage(`Enheden "${path}" findes ikke.`, USAGE),
  );
  const password = Password.safeParse(settings.userPassword ?? (await askHidden("Adgangskode: ")));
  if (!password.success) exitWithUsage(password.error.issues[0]?.message ?? "Ugyldig adgangskode.", USAGE);

  const created = createAccount({
    email: args.email,
    name: args.name,
    role: args.role,
    unitIds,
    passwordHash: await hashPassword(password.data),
  });
  if (!created) exitWithUsage(`Der findes allerede en bruger med e-mailen ${args.email}.`, USAGE);
  recordAudit({
    actor: { kind: "command", name: "create-user" },
    action: "create_user",
    scope: `Bruger: ${args.email}`,
    targetUserId: created.id,
    filters: `Rolle: ${ROLE_LABEL[args.role]}`,
    rowCount: 1,
  });
  console.log(
    `Brugeren ${args.email} (${args.role}) er oprettet i ${databasePath()}${created.linkedEmployee ? " og knyttet til medarbejderen med samme e-mail" : ""}.`,
  );
}
