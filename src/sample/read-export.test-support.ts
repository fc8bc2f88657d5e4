import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';

export type Row = Record<string, string>;

/** Every entry of a zip as UTF-8 text, in the zip's order (test support). */
export async function unzip(path: string): Promise<Map<string, string>> {
  const buffer = await readFile(path);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Parses CSV text with a header line into records, starting at 1-based line `fromLine`. */
export function csvRecords(text: string, fromLine = 1): Row[] {
  return parse(text, { columns: true, from_line: fromLine }) as Row[];
}

/** The sample export's CSVs parsed the way an importer would (Connections after its 3-line preamble). */
export async function readExport(path: string) {
  const files = await unzip(path);
  const file = (name: string) => files.get(name) ?? '';
  return {
    files,
    connections: csvRecords(file('Connections.csv'), 4),
    messages: csvRecords(file('messages.csv')),
    invitations: csvRecords(file('Invitations.csv')),
    guide: csvRecords(file('guide_messages.csv')),
    profile: csvRecords(file('Profile.csv')),
  };
}
