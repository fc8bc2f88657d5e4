import { describe, expect, it } from 'vitest';
import { export2018, schema } from './facebook-export.test-support.js';

type Schema = Record<string, unknown>;

/**
 * Where `value` breaks the schema `s`, as `$.path: problem` lines: the draft-04 subset
 * facebook-schemas uses (type, properties, required, additionalProperties, items, $ref).
 */
function violations(value: unknown, s: Schema, root: Schema, at = '$'): string[] {
  if (typeof s.$ref === 'string')
    return violations(value, (root.definitions as Schema)[s.$ref.split('/').pop()!] as Schema, root, at);
  const type = s.type;
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type && type !== actual) return [`${at}: ${actual}, not ${type}`];
  const problems: string[] = [];
  if (actual === 'array' && s.items) {
    for (const [i, v] of (value as unknown[]).entries())
      problems.push(...violations(v, s.items as Schema, root, `${at}[${i}]`));
  }
  if (actual === 'object') {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required ?? []) as string[])
      if (!(key in (value as object))) problems.push(`${at}: no ${key}`);
    for (const [key, v] of Object.entries(value as object)) {
      if (props[key]) problems.push(...violations(v, props[key], root, `${at}.${key}`));
      else if (s.additionalProperties === false) problems.push(`${at}: unexpected ${key}`);
    }
  }
  return problems;
}

describe('facebook-schemas (the only Facebook fixtures: JSON Schemas of the 2018-19 export)', () => {
  it('the hand-written 2018 export is valid under facebook-schemas (the fixtures we have for Facebook)', () => {
    const files = export2018();
    const root = (name: string) => schema(name);
    for (const [path, name] of [
      ['messages/inbox/reneedupont_a1b2c3d4e5/message.json', 'messages__message'],
      ['messages/inbox/team_b2c3d4e5f6/message.json', 'messages__message'],
      ['friends/friends.json', 'friends__friends'],
    ] as const) {
      expect(violations(JSON.parse(files[path] as string), root(name), root(name)), path).toEqual([]);
    }
    // The check has teeth: 2024's fields are not in the 2018 schema.
    const page = JSON.parse(files['messages/inbox/team_b2c3d4e5f6/message.json'] as string);
    page.messages[0].is_unsent = false;
    delete page.thread_type;
    expect(violations(page, root('messages__message'), root('messages__message'))).toEqual([
      '$: no thread_type',
      '$.messages[0]: unexpected is_unsent',
    ]);
  });
});
