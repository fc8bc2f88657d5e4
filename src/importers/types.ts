import type { Audience, Channel, Direction, Network } from '../core/types.js';

/**
 * The contract between importers (pure parsers of export files) and the import service.
 * An importer never touches the store: it yields normalised records and the service
 * resolves identities, de-duplicates and writes.
 */

/** One account on a network. `key` is unique per network after normalisation. */
export interface IdentityRef {
  network: Network;
  /** Normalised key: a profile slug, a lower-cased email, an E.164 phone, or `name:<folded name>`. */
  key: string;
  displayName?: string | undefined;
  handle?: string | undefined;
  externalId?: string | undefined;
  profileUrl?: string | undefined;
}

export interface PersonFacts {
  displayName: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  company?: string | undefined;
  title?: string | undefined;
  location?: string | undefined;
}

/** Where a record came from, for reports and error messages. */
export interface Origin {
  /** Path of the file inside the export (or on disk). */
  file: string;
  /** 1-based line where the record starts, when the format has lines. */
  line?: number | undefined;
}

/** The account owner ("me"): never becomes a contact. */
export interface OwnerRecord extends Origin {
  type: 'owner';
  identities: IdentityRef[];
  person: PersonFacts;
}

/** Someone the owner is connected to, with the identities the export shows for them. */
export interface ContactRecord extends Origin {
  type: 'contact';
  identities: IdentityRef[];
  person: PersonFacts;
  connectedAt?: number | undefined;
}

export interface InteractionRecord extends Origin {
  type: 'interaction';
  /** Stable id for de-duplication, unique per source; equal for the same event in two exports. */
  externalId: string;
  at: number;
  channel: Channel;
  network: Network;
  direction: Direction;
  audience: Audience;
  /** Minutes for live touches, words for text. */
  length?: number | null | undefined;
  threadId?: string | undefined;
  /** Plain text, already cut short; untrusted. */
  snippet?: string | undefined;
  /** The other people in it (never the owner). */
  participants: IdentityRef[];
}

/** A row the importer could not use, with the reason in words. */
export interface RejectedRecord extends Origin {
  type: 'rejected';
  reason: string;
}

/** A file announced before its records, or skipped as a whole. */
export interface FileRecord {
  type: 'file';
  file: string;
  status: 'reading' | 'skipped';
  /** Why it was skipped (unknown file, coach chat, …). */
  reason?: string | undefined;
  bytes?: number | undefined;
}

/** Bytes consumed so far in the current file, for progress bars. */
export interface ProgressRecord {
  type: 'progress';
  file: string;
  bytesRead: number;
  bytesTotal: number;
}

export type ImportRecord =
  | OwnerRecord
  | ContactRecord
  | InteractionRecord
  | RejectedRecord
  | FileRecord
  | ProgressRecord;

/** A file within an export: a zip entry or a file in a folder. */
export interface SourceEntry {
  /** Path relative to the export root, with forward slashes. */
  path: string;
  /** Uncompressed size in bytes (as the zip's directory states it, for zip entries). */
  size: number;
  /** The zip, folder or file this entry came from, when a source combines several. */
  container?: string | undefined;
  open(): Promise<NodeJS.ReadableStream>;
}

/** An export opened for reading: a zip, a folder, or a single file. */
export interface ExportSource {
  /** What the user pointed at, for messages. */
  label: string;
  entries: SourceEntry[];
  close(): Promise<void>;
}

/** What an import tells its importer beyond the files. */
export interface ParseOptions {
  /** The import's time: calendar events after it have not happened yet. */
  now?: number | undefined;
  /** Region for phone numbers written without a country code (ISO 3166 alpha-2, e.g. 'DE'). */
  defaultRegion?: string | undefined;
}

export interface Importer {
  /** Network/source name stored with each import (`linkedin`, …). */
  source: string;
  /** The export's name for people ("LinkedIn"), for messages. */
  displayName?: string | undefined;
  /** The files it reads, for the message when no importer recognises an export. */
  recognisedFiles?: readonly string[] | undefined;
  /** True when the export's contents look like this source. */
  detect(source: ExportSource): boolean;
  parse(source: ExportSource, options?: ParseOptions): AsyncIterable<ImportRecord>;
  /**
   * The same records as `parse`, in the same order, grouped in batches (one per chunk of input).
   * Optional: a caller that handles a batch synchronously pays one async step per batch
   * instead of one per record, which matters at a million messages.
   */
  parseBatches?(source: ExportSource, options?: ParseOptions): AsyncIterable<ImportRecord[]>;
  /**
   * Optional: recognise the export by the first bytes of its files. When present it decides
   * instead of `detect`, which sees only names (a mailbox may have no extension; an old
   * Instagram export and a Skype export both hold a `messages.json`).
   */
  sniff?(source: ExportSource): Promise<boolean>;
}
