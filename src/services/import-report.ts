/** What one import did, file by file: the per-record report a user reads at the end. */

export interface Rejection {
  line?: number | undefined;
  reason: string;
}

export interface FileReport {
  file: string;
  status: 'read' | 'skipped';
  /** Why a file was skipped. */
  reason?: string | undefined;
  /** Records found (contacts, messages, invitations, rejected rows). */
  read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** The first rejections with their line and reason (the count above is complete). */
  rejections: Rejection[];
}

export interface ImportTotals {
  read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  peopleCreated: number;
}

export interface ImportResult {
  importId: number;
  source: string;
  label: string;
  files: FileReport[];
  totals: ImportTotals;
  /** When the same content was imported before (by hash), that import's id. */
  previousImportId: number | null;
}

/** Rejections kept per file in the stored report; the rest are counted. */
export const MAX_REJECTIONS_KEPT = 50;

/** Collects per-file counts as records stream by. */
export class ReportBuilder {
  private readonly files = new Map<string, FileReport>();
  peopleCreated = 0;

  file(name: string): FileReport {
    let report = this.files.get(name);
    if (!report) {
      report = {
        file: name,
        status: 'read',
        read: 0,
        imported: 0,
        duplicates: 0,
        rejected: 0,
        rejections: [],
      };
      this.files.set(name, report);
    }
    return report;
  }

  skip(name: string, reason: string | undefined): void {
    const report = this.file(name);
    report.status = 'skipped';
    report.reason = reason;
  }

  reject(name: string, line: number | undefined, reason: string): void {
    const report = this.file(name);
    report.read++;
    report.rejected++;
    if (report.rejections.length < MAX_REJECTIONS_KEPT) report.rejections.push({ line, reason });
  }

  list(): FileReport[] {
    return [...this.files.values()];
  }

  totals(): ImportTotals {
    const totals: ImportTotals = {
      read: 0,
      imported: 0,
      duplicates: 0,
      rejected: 0,
      peopleCreated: this.peopleCreated,
    };
    for (const f of this.files.values()) {
      totals.read += f.read;
      totals.imported += f.imported;
      totals.duplicates += f.duplicates;
      totals.rejected += f.rejected;
    }
    return totals;
  }
}
