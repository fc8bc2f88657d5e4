import type { IdentityRef, ImportRecord, InteractionRecord } from '../importers/types.js';

/**
 * A batch of records packed to cross from the parsing worker to the import cheaply. Passing
 * a million record objects by structured clone costs the receiving thread more than writing
 * them (the deserializer adds every property one by one); packed, an interaction is a few
 * numbers and strings, and the import rebuilds it with object literals of one fixed shape.
 * Interactions, the millions, are packed column by column; every other record (owners,
 * contacts, files, progress, rejections) is passed as it is, with its place in the batch.
 */
export interface PackedBatch {
  /** Records in the batch, interactions and others. */
  count: number;
  /** The records that are not interactions, and where each stands in the batch. */
  others: ImportRecord[];
  otherAt: number[];
  /** Few-valued strings (file, channel, network, direction, audience), each once; numbers index it. */
  words: string[];
  /**
   * Per interaction: externalId, threadId and snippet, end to end in one string (one string
   * crosses between threads at the cost of a copy; thousands of small ones each cost a
   * deserializer step). Their lengths are among the interaction's numbers.
   */
  text: string;
  /**
   * The identities the interactions name, each once (importers reuse one object per account):
   * network, key, displayName, handle, externalId, profileUrl.
   */
  identities: (string | undefined)[];
  /**
   * Per interaction: NUMBERS_PER_INTERACTION numbers (the last three are the lengths of its texts
   * in `text`, ABSENT_TEXT when not given), then each participant's place in `identities`.
   */
  numbers: Float64Array<ArrayBuffer>;
}

/** file, line, at, length, channel, network, direction, audience, participants, 3 text lengths. */
const NUMBERS_PER_INTERACTION = 12;
const IDENTITY_FIELDS = 6;
/** `length: null` (not measured) and `undefined` (not given) are both kept. */
const NULL_LENGTH = Number.NEGATIVE_INFINITY;
const ABSENT = Number.NaN;
const ABSENT_TEXT = -1;

/** Packs records (see PackedBatch); unpackRecords gives back equal records in the same order. */
export function packRecords(records: readonly ImportRecord[]): PackedBatch {
  const others: ImportRecord[] = [];
  const otherAt: number[] = [];
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const texts: string[] = [];
  const identities: (string | undefined)[] = [];
  const identityIndex = new Map<IdentityRef, number>();
  const identity = (ref: IdentityRef): number => {
    let index = identityIndex.get(ref);
    if (index === undefined) {
      index = identityIndex.size;
      identityIndex.set(ref, index);
      identities.push(ref.network, ref.key, ref.displayName, ref.handle, ref.externalId, ref.profileUrl);
    }
    return index;
  };
  const word = (value: string): number => {
    let index = wordIndex.get(value);
    if (index === undefined) {
      index = words.length;
      words.push(value);
      wordIndex.set(value, index);
    }
    return index;
  };
  let size = 0;
  for (const record of records)
    if (record.type === 'interaction') size += NUMBERS_PER_INTERACTION + record.participants.length;
  const numbers = new Float64Array(size);
  let n = 0;
  for (const [i, record] of records.entries()) {
    if (record.type !== 'interaction') {
      others.push(record);
      otherAt.push(i);
      continue;
    }
    numbers[n++] = word(record.file);
    numbers[n++] = record.line ?? ABSENT;
    numbers[n++] = record.at;
    numbers[n++] = record.length === null ? NULL_LENGTH : (record.length ?? ABSENT);
    numbers[n++] = word(record.channel);
    numbers[n++] = word(record.network);
    numbers[n++] = word(record.direction);
    numbers[n++] = word(record.audience);
    numbers[n++] = record.participants.length;
    texts.push(record.externalId);
    numbers[n++] = record.externalId.length;
    if (record.threadId !== undefined) texts.push(record.threadId);
    numbers[n++] = record.threadId?.length ?? ABSENT_TEXT;
    if (record.snippet !== undefined) texts.push(record.snippet);
    numbers[n++] = record.snippet?.length ?? ABSENT_TEXT;
    for (const ref of record.participants) numbers[n++] = identity(ref);
  }
  return { count: records.length, others, otherAt, words, text: texts.join(''), identities, numbers };
}

const present = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

/** Reads texts back from a batch's `text` in the order they were packed. */
class TextReader {
  private at = 0;
  constructor(private readonly text: string) {}
  next(length: number): string | undefined {
    if (length === ABSENT_TEXT) return undefined;
    const value = this.text.slice(this.at, this.at + length);
    this.at += length;
    return value;
  }
}

/** The records packRecords was given, in their order. */
export function unpackRecords(batch: PackedBatch): ImportRecord[] {
  const { words, numbers, others, otherAt } = batch;
  const texts = new TextReader(batch.text);
  const refs: IdentityRef[] = new Array(batch.identities.length / IDENTITY_FIELDS);
  for (let i = 0, f = 0; i < refs.length; i++, f += IDENTITY_FIELDS) {
    const fields = batch.identities;
    refs[i] = {
      network: fields[f] as IdentityRef['network'],
      key: fields[f + 1]!,
      displayName: fields[f + 2],
      handle: fields[f + 3],
      externalId: fields[f + 4],
      profileUrl: fields[f + 5],
    };
  }
  const records: ImportRecord[] = new Array(batch.count);
  for (const [i, at] of otherAt.entries()) records[at] = others[i]!;
  let n = 0;
  let nextOther = 0;
  for (let i = 0; i < batch.count; i++) {
    if (otherAt[nextOther] === i) {
      nextOther++;
      continue;
    }
    const file = words[numbers[n]!]!;
    const line = present(numbers[n + 1]!);
    const at = numbers[n + 2]!;
    const length = numbers[n + 3]!;
    const channel = words[numbers[n + 4]!] as InteractionRecord['channel'];
    const network = words[numbers[n + 5]!] as InteractionRecord['network'];
    const direction = words[numbers[n + 6]!] as InteractionRecord['direction'];
    const audience = words[numbers[n + 7]!] as InteractionRecord['audience'];
    const count = numbers[n + 8]!;
    const externalId = texts.next(numbers[n + 9]!)!;
    const threadId = texts.next(numbers[n + 10]!);
    const snippet = texts.next(numbers[n + 11]!);
    n += NUMBERS_PER_INTERACTION;
    const participants: IdentityRef[] = new Array(count);
    for (let p = 0; p < count; p++) participants[p] = refs[numbers[n++]!]!;
    records[i] = {
      type: 'interaction',
      file,
      line,
      externalId,
      at,
      channel,
      network,
      direction,
      audience,
      length: length === NULL_LENGTH ? null : present(length),
      threadId,
      snippet,
      participants,
    };
  }
  return records;
}
