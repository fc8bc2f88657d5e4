import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { RapportError } from '../../errors.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import { oneLine } from '../format/table.js';
import type { Output } from '../output.js';
import { oneOf } from './option-parsers.js';

const BRIEF_FORMATS = ['md', 'html'] as const;

interface BriefCommandOptions {
  format: (typeof BRIEF_FORMATS)[number];
  out?: string;
  json?: boolean;
}

function writeBrief(file: string, text: string): string {
  const path = resolve(file);
  try {
    // A brief holds private notes: readable by the user only.
    writeFileSync(path, text, { mode: 0o600 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RapportError(
      'input.invalid',
      `Could not write the brief to ${path} (${reason}); choose another --out.`,
    );
  }
  return path;
}

export function registerBrief(program: Command, output: Output): void {
  program
    .command('brief')
    .description(
      'one page to read before meeting someone: history, topics, mutual contacts, deals, plans, notes',
    )
    .argument('<person>', 'a name (or part of one) or an id like #12')
    .option('--format <format>', BRIEF_FORMATS.join('|'), oneOf(BRIEF_FORMATS), 'md')
    .option('--out <file>', 'write the brief to this file instead of printing it')
    .option('--json', 'print the brief as JSON')
    .action(async (person: string, options: BriefCommandOptions, command: Command) => {
      const { personBrief } = await import('../../services/brief.service.js');
      const { renderBriefHtml, renderBriefMarkdown } = await import('../../core/brief-render.js');
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const brief = await withApp(command.optsWithGlobals<GlobalOptions>(), (ctx) =>
        personBrief(ctx, person, { timeZone }),
      );
      if (options.json) {
        output.json(brief);
        return;
      }
      const text = options.format === 'html' ? renderBriefHtml(brief) : renderBriefMarkdown(brief);
      if (options.out)
        output.out(`Wrote the brief for ${oneLine(brief.person.name)} to ${writeBrief(options.out, text)}`);
      else output.out(text);
    });
}
