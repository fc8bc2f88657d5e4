import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvSink, CsvTokenizer } from './csv-tokenizer.js';

type Row = [line: number, fields: string[]];

function tokenize(chunks: readonly string[], delimiter = ',', maxRecordChars?: number) {
  const rows: Row[] = [];
  const bad: Array<[number, string]> = [];
  const sink: CsvSink = {
    record: (fields, line) => rows.push([line, [...fields]]),
    malformed: (line, reason) => bad.push([line, reason]),
  };
  const tokenizer = new CsvTokenizer({ delimiter, maxRecordChars });
  for (const chunk of chunks) tokenizer.write(chunk, sink);
  tokenizer.end(sink);
  return { rows, bad };
}

/** A slow, obviously-correct reading of the same rules, on the whole text at once. */
function reference(text: string, delim = ','): { rows: Row[]; bad: number[] } {
  const rows: Row[] = [];
  const bad: number[] = [];
  const len = text.length;
  let pos = 0;
  let line = 1;
  const stop = (i: number) => i < len && text[i] !== delim && text[i] !== '\n';
  records: while (pos < len) {
    if (text[pos] === '\n' || (text[pos] === '\r' && text[pos + 1] === '\n')) {
      pos += text[pos] === '\n' ? 1 : 2;
      line++;
      continue;
    }
    const start = pos;
    const startLine = line;
    let lines = 0;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[pos] === '"') {
        let p = pos + 1;
        let closed = false;
        while (p < len) {
          if (text[p] === '"') {
            if (text[p + 1] === '"') {
              value += '"';
              p += 2;
              continue;
            }
            closed = true;
            p++;
            break;
          }
          if (text[p] === '\n') lines++;
          value += text[p++];
        }
        if (!closed) {
          bad.push(startLine);
          const next = text.indexOf('\n', start);
          if (next === -1) break records;
          pos = next + 1;
          line = startLine + 1;
          continue records;
        }
        const clean =
          p >= len ||
          text[p] === delim ||
          text[p] === '\n' ||
          (text[p] === '\r' && (p + 1 === len || text[p + 1] === '\n'));
        if (!clean) {
          let e = p;
          while (stop(e)) e++;
          value = text.slice(pos, e);
          if (text[e] === '\n' && value.endsWith('\r')) value = value.slice(0, -1);
          p = e;
        }
        pos = p;
      } else {
        let e = pos;
        while (stop(e)) e++;
        value = text.slice(pos, e);
        if ((e === len || text[e] === '\n') && value.endsWith('\r')) value = value.slice(0, -1);
        pos = e;
      }
      fields.push(value);
      if (pos >= len) {
        rows.push([startLine, fields]);
        break records;
      }
      if (text[pos] === delim) {
        pos++;
        continue;
      }
      if (text[pos] === '\r') pos++;
      rows.push([startLine, fields]);
      pos++;
      line = startLine + lines + 1;
      break;
    }
  }
  return { rows, bad };
}

describe('CsvTokenizer', () => {
  it('reads quoted fields, escaped quotes, multi-line fields and CRLF with start lines', () => {
    const { rows, bad } = tokenize(['a,b\r\n"x, y","say ""hi""\nthere"\r\n\r\nlast,\n']);
    expect(bad).toEqual([]);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"\nthere']],
      [5, ['last', '']],
    ]);
  });

  it('treats a quote inside an unquoted field, or text after a closing quote, as text', () => {
    const { rows } = tokenize(['He said "hi",2\n"a"b,c\n']);
    expect(rows).toEqual([
      [1, ['He said "hi"', '2']],
      [2, ['"a"b', 'c']],
    ]);
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const text = 'h1,h2\n"multi\nline","q""q"\r\nplain,"é😀"\n';
    const whole = tokenize([text]);
    for (let size = 1; size < 8; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(tokenize(chunks)).toEqual(whole);
    }
  });

  it('reports a quoted field that never closes and resumes on the next line', () => {
    const { rows, bad } = tokenize(['a,b\n"broken,1\nc,d\n']);
    expect(bad).toEqual([[2, 'a quoted field starting on this line is never closed']]);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [3, ['c', 'd']],
    ]);
  });

  it('reports a record longer than the limit and goes on after it', () => {
    const { rows, bad } = tokenize(['a,b\n', 'x'.repeat(50), 'y'.repeat(50), '\nc,d\n'], ',', 64);
    expect(bad.map(([line]) => line)).toEqual([2]);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [3, ['c', 'd']],
    ]);
  });

  it('splits on tabs when asked', () => {
    expect(tokenize(['"a"\t"b, c"\n']).rows[0]).toEqual([1, ['"a"\t"b', ' c"']]);
    expect(tokenize(['"a"\t"b, c"\n'], '\t').rows[0]).toEqual([1, ['a', 'b, c']]);
  });

  it('agrees with a simple reference reader on random CSV-like text and random chunking', () => {
    const text = fc.stringMatching(/^[ab,"\r\n ]{0,60}$/);
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 6 }), (input, cuts) => {
        const points = [...new Set(cuts.map((c) => Math.min(c, input.length)))].sort((x, y) => x - y);
        const chunks: string[] = [];
        let from = 0;
        for (const point of points) {
          chunks.push(input.slice(from, point));
          from = point;
        }
        chunks.push(input.slice(from));
        const got = tokenize(chunks);
        const want = reference(input);
        expect(got.rows).toEqual(want.rows);
        expect(got.bad.map(([line]) => line)).toEqual(want.bad);
      }),
      { numRuns: 2000 },
    );
  });
});
