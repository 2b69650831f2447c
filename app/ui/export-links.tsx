// The download links for a people list: Excel first (it keeps employee numbers such as 000123 as
// they are), CSV second, with one line on how to open the CSV in LibreOffice.
export function ExportLinks({ href }: { href: (format: "xlsx" | "csv") => string }) {
  return (
    <div className="text-sm">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a href={href("xlsx")} className="font-semibold">
          Hent som Excel (XLSX)
        </a>
        <a href={href("csv")}>Hent som CSV</a>
      </p>
      <p className="mt-1 max-w-prose text-muted">
        Excel-filen beholder medarbejdernumre som 000123. CSV-filen åbner du i LibreOffice med skilletegn ;,
        tegnsæt UTF-8 og sprog Dansk.
      </p>
    </div>
  );
}
