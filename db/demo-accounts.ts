// The demo logins (issue: demo data). Only ever created by the demo seed.
import type { Role } from "./schema";

export const DEMO_PASSWORD = "albertslund2025";

export const DEMO_ACCOUNTS: { email: string; role: Role; description: string }[] = [
  { email: "medarbejder@albertslund.test", role: "employee", description: "medarbejder i Hjemmeplejen" },
  { email: "leder@albertslund.test", role: "manager", description: "leder for afdelingen Børn & Familie" },
  { email: "hr@albertslund.test", role: "hr", description: "HR, hele organisationen" },
  { email: "admin@albertslund.test", role: "admin", description: "administrator af brugere og roller" },
];
