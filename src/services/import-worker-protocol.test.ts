import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors.js';
import { fromWire, toWire } from './import-worker-protocol.js';

/** As the error crosses from the worker: plain data, by structured clone. */
const across = (error: unknown) => fromWire(structuredClone(toWire(error)));

describe('errors across the worker boundary', () => {
  it('keeps a RapportError whole: class, id, message, details (file and line) and stack', () => {
    const error = new RapportError('import.unreadable', 'Could not read data/x.js: boom.', {
      file: 'data/x.js',
      line: 12,
    });
    const back = across(error);
    expect(back).toBeInstanceOf(RapportError);
    expect(back).toMatchObject({ code: 'import.unreadable', message: error.message, details: error.details });
    expect(back.stack).toBe(error.stack);
  });

  it('keeps other errors as errors with their name and message', () => {
    const back = across(new TypeError('x is undefined'));
    expect(back).toBeInstanceOf(Error);
    expect(back).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
    expect(across('thrown text').message).toBe('thrown text');
  });
});
