import { readFile } from 'node:fs/promises';
import { RapportError } from '../errors.js';

/** A text file the user named (a template, a draft); a clear error when it cannot be read. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new RapportError(
      'input.invalid',
      `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path.`,
      { path },
    );
  }
}
