import { InvalidArgumentError } from 'commander';

/** A whole number ≥ 0 from the command line. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more.');
  return n;
}

/** A whole number ≥ 1 from the command line. */
export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number, 1 or more.');
  return n;
}

/** One of a fixed list of words. */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`must be one of: ${choices.join(', ')}.`);
    }
    return value as T;
  };
}

/** A two-letter country code, upper-cased. */
export function parseRegion(value: string): string {
  if (!/^[a-z]{2}$/i.test(value))
    throw new InvalidArgumentError('must be a two-letter country code such as DE or US.');
  return value.toUpperCase();
}
