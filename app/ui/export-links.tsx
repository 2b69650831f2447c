// The download links for a people list: Excel first (it keeps employee numbers such as 000123 as
// they are), CSV second, with one line on how to open the CSV in LibreOffice. `what` names the
// file in the link text where a page has more than one ("Hent status pr. enhed som CSV").
export function ExportLinks({
  href,
  what,
  hint = true,
}: {
  href: (format: "xlsx" | "csv") => string;
  what?: string;
  hint?: boolean;
}) {
  const name = what ? `Hent ${what} som` : "Hent som";
  return (
    <div className="text-sm">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a href={href("xlsx")} className="font-semibold">
          {name} Excel (XLSX)
        </a>
        <a href={href("csv")}>{name} CSV</a>
      </p>
      {hint && (
        <p className="mt-1 max-w-prose text-muted">
          Excel-filen beholder medarbejdernumre som 000123. CSV-filen åbner du i LibreOffice med skilletegn ;,
          tegnsæt UTF-8 og sprog Dansk.
        </p>
      )}
    </div>
  );
}
