import type { Role } from "../../db/schema";

export const ROLE_LABEL: Record<Role, string> = {
  employee: "Medarbejder",
  manager: "Leder",
  hr: "HR",
  admin: "Administrator",
};
