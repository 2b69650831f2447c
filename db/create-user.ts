// `npm run user:create -- --email E --name N --role admin|hr|manager|employee [--unit "A > B"]`
// How a real installation gets its first admin. The password comes from USER_PASSWORD (for
// scripts) or is asked for at the prompt.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "~/auth/password.server";
import { databasePath, openDatabase } from "~/db.server";
import { employee, managerScope, orgUnit, ROLES, userAccount } from "./schema";

const USAGE = `Brug: npm run user:create -- --email E --name N --role ${ROLES.join("|")} [--unit "Enhed > Underenhed"]
Adgangskoden læses fra miljøvariablen USER_PASSWORD eller spørges der om.`;

const Args = z.object({
  email: z.email("--email skal være en e-mailadresse").transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, "--name mangler"),
  role: z.enum(ROLES, { message: `--role skal være en af ${ROLES.join(", ")}` }),
  unit: z.array(z.string()).default([]),
});
const Password = z.string().min(12, "Adgangskoden skal være mindst 12 tegn.").max(256);

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

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

let raw: ReturnType<typeof parseArgs>["values"];
try {
  raw = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      unit: { type: "string", multiple: true },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const args = Args.safeParse(raw);
if (!args.success) fail(args.error.issues.map((i) => i.message).join("\n"));
const { email, name, role, unit: unitPaths } = args.data;

const password = Password.safeParse(process.env.USER_PASSWORD ?? (await askHidden("Adgangskode: ")));
if (!password.success) fail(password.error.issues[0]?.message ?? "Ugyldig adgangskode.");

const db = openDatabase();
const units = db.select().from(orgUnit).all();
const unitIds = unitPaths.map((path) => {
  const names = path.split(">").map((s) => s.trim());
  let parentId: number | null = null;
  for (const n of names) {
    const found = units.find((u) => u.name === n && u.parentId === parentId);
    if (!found) fail(`Enheden "${path}" findes ikke.`);
    parentId = found.id;
  }
  return parentId as number;
});
if (unitIds.length > 0 && role !== "manager") fail("--unit giver kun mening med --role manager.");

const passwordHash = await hashPassword(password.data);
const linked = db.select({ id: employee.id }).from(employee).where(eq(employee.email, email)).get();
const taken = db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.email, email)).get();
if (taken) fail(`Der findes allerede en bruger med e-mailen ${email}.`);

db.transaction(
  (tx) => {
    const user = tx
      .insert(userAccount)
      .values({ email, name, role, passwordHash, employeeId: linked?.id ?? null, createdAt: Date.now() })
      .returning({ id: userAccount.id })
      .get();
    for (const orgUnitId of unitIds) tx.insert(managerScope).values({ userId: user.id, orgUnitId }).run();
  },
  { behavior: "immediate" },
);
db.$client.close();
console.log(
  `Brugeren ${email} (${role}) er oprettet i ${databasePath()}${linked ? " og knyttet til medarbejderen med samme e-mail" : ""}.`,
);
