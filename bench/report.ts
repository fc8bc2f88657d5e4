import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');

/** Replaces (or adds) one benchmark's section in docs/benchmarks.md, leaving the others. */
export function writeBenchmarkSection(name: string, lines: string[]): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = [begin, `## ${name}`, '', `Measured by \`npm run bench:${name}\`.`, '', ...lines, end].join(
    '\n',
  );
  const current = existsSync(FILE)
    ? readFileSync(FILE, 'utf8')
    : '# Benchmarks\n\nFigures are written by the benchmarks themselves; each section names the machine it ran on.\n';
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
  console.log(`wrote ${FILE}`);
}
