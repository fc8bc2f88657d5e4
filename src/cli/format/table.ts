/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  /** Cut longer cells with an ellipsis. */
  max?: number;
}

export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => clip(oneLine(c.value(row)), c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]!))));
  const line = (values: string[]) =>
    values
      .map((v, i) =>
        columns[i]!.align === 'right' ? pad(v, widths[i]!, 'left') : pad(v, widths[i]!, 'right'),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

/** Imported text may hold newlines and control characters; a table cell shows one clean line. */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

function clip(text: string, max: number | undefined): string {
  if (!max || width(text) <= max) return text;
  return `${[...text].slice(0, max - 1).join('')}…`;
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return side === 'left' ? fill + text : text + fill;
}
