import cliProgress from 'cli-progress';
import type { ImportEvent } from '../services/import.service.js';
import type { Output } from './output.js';

/** Shows an import's progress: a bar per file on a terminal, one plain line per file otherwise. */
export function importProgress(output: Output): { onEvent: (event: ImportEvent) => void; stop: () => void } {
  if (!output.isTTY) {
    return {
      onEvent: (event) => {
        if (event.type === 'file' && event.status === 'reading') {
          output.err(`reading ${event.file}${event.bytes ? ` (${formatBytes(event.bytes)})` : ''}`);
        } else if (event.type === 'scoring') {
          output.err(scoringLine(event.people));
        }
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {percentage}% | {file} | {done} of {size}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  const stop = () => {
    if (active) bar.stop();
    active = false;
  };
  return {
    onEvent: (event) => {
      if (event.type === 'file' && event.status === 'reading') {
        stop();
        bar.start(event.bytes ?? 1, 0, {
          file: event.file,
          done: formatBytes(0),
          size: formatBytes(event.bytes ?? 0),
        });
        active = true;
      } else if (event.type === 'scoring') {
        stop();
        output.err(scoringLine(event.people));
      } else if (event.type === 'progress' && active) {
        bar.setTotal(Math.max(event.bytesTotal, 1));
        bar.update(event.bytesRead, {
          done: formatBytes(event.bytesRead),
          size: formatBytes(event.bytesTotal),
        });
      }
    },
    stop,
  };
}

function scoringLine(people: number): string {
  return `scoring ${people.toLocaleString('en')} ${people === 1 ? 'person' : 'people'}…`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
