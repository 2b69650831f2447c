// `npm run db:migrate`: creates or updates the database at DATABASE_PATH (reference data
// included, no people). Opening the database applies pending migrations.
import { databasePath, openDatabase } from "~/db.server";

const file = databasePath();
openDatabase(file).$client.close();
console.log(`Databasen ${file} er opdateret.`);
