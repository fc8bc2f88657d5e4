import { ERROR_CODES, type ErrorCode, RapportError } from '../errors.js';
import type { ColumnMapping } from '../importers/mapped-csv/column-mapping.js';
import type { ParseOptions } from '../importers/types.js';
import type { PackedBatch } from './record-packing.js';

/**
 * The messages between an import (main thread) and the worker thread that parses its export.
 * Everything here crosses a thread boundary by structured clone: plain data only.
 */

/** Which importer the worker runs: one of the registry's, by position, or the mapped-CSV one. */
export type WorkerImporter = { kind: 'registry'; index: number } | { kind: 'mapped'; mapping: ColumnMapping };

/** What the worker is started with. */
export interface ParseJob {
  importer: WorkerImporter;
  /** The paths the user named for this source, opened again in the worker. */
  paths: readonly string[];
  options: ParseOptions;
  /** Batches the worker may have posted and the import not yet taken: bounds memory. */
  maxInFlight: number;
  /** Records gathered before a batch is posted: fewer, larger messages cost less to pass. */
  batchRecords: number;
}

/** An error as plain data, so a RapportError keeps its id, message and details across threads. */
export interface WireError {
  name: string;
  message: string;
  stack: string | undefined;
  code: string | undefined;
  details: Record<string, unknown> | undefined;
}

/** Worker → import. */
export type WorkerMessage =
  | { type: 'batch'; batch: PackedBatch }
  | { type: 'done' }
  | { type: 'error'; error: WireError };

/** Import → worker: one batch was taken, there is room for another. */
export const TAKEN = 'taken';

export function toWire(error: unknown): WireError {
  if (error instanceof RapportError)
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      code: error.code,
      details: error.details,
    };
  if (error instanceof Error)
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      code: undefined,
      details: undefined,
    };
  return { name: 'Error', message: String(error), stack: undefined, code: undefined, details: undefined };
}

/** The error the worker threw, rebuilt: a RapportError stays one, with the same id and details. */
export function fromWire(wire: WireError): Error {
  const error =
    wire.code !== undefined && wire.code in ERROR_CODES
      ? new RapportError(wire.code as ErrorCode, wire.message, wire.details ?? {})
      : Object.assign(new Error(wire.message), { name: wire.name });
  // The worker's stack says where parsing failed, which is what a bug report needs.
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}
