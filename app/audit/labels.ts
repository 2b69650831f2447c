// How each audit action reads: on the audit page (HR, admin) and in "Mine data" (the employee).
import type { AuditAction } from "../../db/constants";

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  view_people: "Så personliste",
  view_employee: "Så medarbejder",
  view_not_completed: "Så „Hvem mangler?“",
  export: "Eksporterede",
  import: "Importerede",
  register: "Registrerede",
  annul: "Annullerede",
  create_user: "Oprettede bruger",
  change_role: "Ændrede rolle",
  change_units: "Ændrede enheder",
  change_activity: "Ændrede adgang",
  change_course: "Ændrede kursus",
  change_setting: "Ændrede indstilling",
  send_reminder: "Sendte påmindelse",
  view_outbox: "Så udbakken",
  appoint_super_user: "Udpegede AI-superbruger",
  end_super_user: "Afsluttede AI-superbruger",
};

/** "Mine data": what was done with the employee's own record, or with a list they were on. */
export function ownRecordPhrase(action: AuditAction, aboutThem: boolean, scope: string): string {
  if (aboutThem) {
    switch (action) {
      case "view_employee":
        return "Så dine oplysninger";
      case "export":
        return "Eksporterede dine oplysninger";
      case "register":
        return "Registrerede en gennemførelse eller fritagelse for dig";
      case "annul":
        return "Annullerede en registrering for dig";
      case "change_role":
        return "Ændrede din rolle";
      case "change_units":
        return "Ændrede de enheder, du er leder for";
      case "change_activity":
        return "Ændrede din adgang";
      case "create_user":
        return "Oprettede dit login";
      case "send_reminder":
        return "Sendte dig en påmindelse om et kursus";
      case "appoint_super_user":
        return "Udpegede dig som AI-superbruger";
      case "end_super_user":
        return "Afsluttede din rolle som AI-superbruger";
      default:
        return `${AUDIT_ACTION_LABEL[action]} dine oplysninger`;
    }
  }
  switch (action) {
    case "view_people":
      return `Så personlisten for ${scope}`;
    case "view_not_completed":
      return `Så „Hvem mangler?“ for ${scope}`;
    case "export":
      return `Eksporterede listen for ${scope}`;
    default:
      return `${AUDIT_ACTION_LABEL[action]}: ${scope}`;
  }
}
