// `npm run db:seed`: loads the demo organisation into an empty database.
import { count } from "drizzle-orm";
import { today } from "~/compliance/day";
import { databasePath, openDatabase } from "~/db.server";
import { seedDemoData } from "./demo-data";
import { employee } from "./schema";

const db = openDatabase();
const existing = db.select({ n: count() }).from(employee).get()?.n ?? 0;
if (existing > 0) {
  console.error(`Databasen ${databasePath()} har allerede ${existing} medarbejdere; demodata indlæses ikke.`);
  process.exit(1);
}
const started = performance.now();
const result = await seedDemoData(db, today());
db.$client.close();
console.log(
  `Demodata indlæst i ${databasePath()}: ${result.employees} medarbejdere, ${result.completions} gennemførelser (${Math.round(performance.now() - started)} ms).`,
);
