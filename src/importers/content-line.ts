/**
 * Content lines as iCalendar (RFC 5545) and vCard (RFC 2426/6350, and 2.1) write them:
 * `[group.]NAME[;PARAM=value[,value]…][;BARE]:value`, already unfolded. Shared by the
 * calendar and contacts importers; every input is untrusted text.
 */

export interface ContentLine {
  /** Upper-cased property name, without its group. */
  name: string;
  /** Lower-cased group (`item1` in `item1.TEL`), or ''. */
  group: string;
  /** Upper-cased parameter names → values, quotes removed; repeated parameters joined with ','. */
  params: Map<string, string>;
  /** vCard 2.1 bare parameters (`TEL;WORK;VOICE`), upper-cased: types without `TYPE=`. */
  bare: string[];
  /** The raw value after the first ':' outside quotes (not unescaped, not decoded). */
  value: string;
}

/** Parses one unfolded content line; undefined when it has no ':' outside quotes or no name. */
export function parseContentLine(raw: string): ContentLine | undefined {
  const line = raw.trimStart();
  let i = 0;
  while (i < line.length && line[i] !== ';' && line[i] !== ':') i++;
  if (i >= line.length) return undefined;
  const fullName = line.slice(0, i).trim();
  const dot = fullName.lastIndexOf('.');
  const name = (dot === -1 ? fullName : fullName.slice(dot + 1)).toUpperCase();
  if (name === '') return undefined;
  const params = new Map<string, string>();
  const bare: string[] = [];
  while (line[i] === ';') {
    i++;
    let key = '';
    while (i < line.length && line[i] !== '=' && line[i] !== ';' && line[i] !== ':') key += line[i++];
    key = key.trim().toUpperCase();
    if (line[i] !== '=') {
      if (key !== '') bare.push(key);
      continue;
    }
    i++;
    const values: string[] = [];
    for (;;) {
      let value = '';
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close === -1) return undefined;
        value = line.slice(i + 1, close);
        i = close + 1;
      }
      while (i < line.length && line[i] !== ',' && line[i] !== ';' && line[i] !== ':') value += line[i++];
      values.push(value);
      if (line[i] !== ',') break;
      i++;
    }
    const before = params.get(key);
    params.set(key, before === undefined ? values.join(',') : `${before},${values.join(',')}`);
  }
  if (line[i] !== ':') return undefined;
  return {
    name,
    group: dot === -1 ? '' : fullName.slice(0, dot).toLowerCase(),
    params,
    bare,
    value: line.slice(i + 1),
  };
}

/**
 * Repairs a line whose quoted parameter swallowed the value separator, as some Exchange
 * exports write it: `DTSTART;TZID="W. Europe Standard Time:20200609T090000"`.
 */
export function repairQuotedValue(raw: string): string {
  return raw.replace(/^([^:"]*=)"([^"]*):([^":]*)"\s*$/, '$1"$2":$3');
}

/** Unescapes a TEXT value: `\n`, `\N`, `\,`, `\;`, `\\` (and `\:`, which some writers emit). */
export function unescapeText(value: string): string {
  if (value.indexOf('\\') === -1) return value;
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value on unescaped `sep` (`;` for N and ADR, `,` for lists), unescaping each part. */
export function splitStructured(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(unescapeText(current));
      current = '';
    } else current += c;
  }
  parts.push(unescapeText(current));
  return parts;
}

/** The TYPE values of a property, upper-cased: from `TYPE=a,b`, repeated `TYPE=`, and 2.1 bare names. */
export function typesOf(line: ContentLine): Set<string> {
  const types = new Set<string>(line.bare);
  const typed = line.params.get('TYPE');
  if (typed !== undefined)
    for (const t of typed.split(',')) if (t.trim() !== '') types.add(t.trim().toUpperCase());
  return types;
}
