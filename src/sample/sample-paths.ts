/** The name LinkedIn gives a full export downloaded on the UTC day of `now`: `Complete_LinkedInDataExport_MM-DD-YYYY.zip`. */
export function sampleExportFileName(now: number): string {
  const d = new Date(now);
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `Complete_LinkedInDataExport_${mm}-${dd}-${d.getUTCFullYear()}.zip`;
}
