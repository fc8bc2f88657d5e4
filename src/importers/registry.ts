import { RapportError } from '../errors.js';
import { contactsImporter } from './contacts/contacts.importer.js';
import { emailImporter } from './email/email.importer.js';
import { facebookImporter } from './facebook/facebook.importer.js';
import { hangoutsImporter } from './hangouts/hangouts.importer.js';
import { icalendarImporter } from './icalendar/icalendar.importer.js';
import { instagramImporter } from './instagram/instagram.importer.js';
import { linkedinImporter } from './linkedin/linkedin.importer.js';
import { skypeImporter } from './skype/skype.importer.js';
import { twitterImporter } from './twitter/twitter.importer.js';
import type { ExportSource, Importer } from './types.js';
import { whatsappImporter } from './whatsapp/whatsapp.importer.js';

/** Every importer, tried in order. */
export const IMPORTERS: readonly Importer[] = [
  linkedinImporter,
  twitterImporter,
  facebookImporter,
  instagramImporter,
  emailImporter,
  whatsappImporter,
  skypeImporter,
  hangoutsImporter,
  icalendarImporter,
  contactsImporter,
];

/** How many file names an error message lists before "and N more". */
const LISTED = 15;

/** The first importer for an export; RapportError('import.unrecognised') listing what was found and what is read. */
export async function detectImporter(
  source: ExportSource,
  importers: readonly Importer[] = IMPORTERS,
): Promise<Importer> {
  return (await detectImporters(source, importers))[0]!;
}

/**
 * Every importer that recognises something in an export (an archive may hold several sources);
 * RapportError('import.unrecognised') listing what was found and what is read when none does.
 */
export function detectImporters(
  source: ExportSource,
  importers: readonly Importer[] = IMPORTERS,
): Importer[] {
  const found = importers.filter((importer) => importer.detect(source));
  if (found.length > 0) return found;
  const files = source.entries.map((entry) => entry.path);
  const shown =
    files.slice(0, LISTED).join(', ') + (files.length > LISTED ? ` and ${files.length - LISTED} more` : '');
  const readable = importers.map((importer) => {
    const name = importer.displayName ?? importer.source;
    return importer.recognisedFiles?.length ? `${name} (${importer.recognisedFiles.join(', ')})` : name;
  });
  throw new RapportError(
    'import.unrecognised',
    `Rapport does not recognise ${source.label}: it found ${files.length === 0 ? 'no files' : shown}. ` +
      `Rapport can read: ${readable.join('; ')}. Point it at the export's .zip, its unzipped folder, or one of those files.`,
    { files, supported: importers.map((importer) => importer.source) },
  );
}
