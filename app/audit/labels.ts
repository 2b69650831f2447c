import type { AuditAction } from "../../db/schema";

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  view_people: "Så personliste",
  view_employee: "Så medarbejder",
  view_not_completed: "Så \u201dHvem mangler?\u201d",
  export: "Eksporterede",
  import: "Importerede",
  register: "Registrerede",
  change_setting: "Ændrede indstilling",
};
