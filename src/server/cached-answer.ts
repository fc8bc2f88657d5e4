import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedAnswer } from '../services/read-cache.service.js';

/** The cached answers are already JSON: fastify sends bytes with a JSON type as they are. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** Below this, compressing saves less than the extra header and the work cost. */
export const MIN_GZIP_BYTES = 1024;

/**
 * Whether an Accept-Encoding header admits gzip (RFC 9110 §12.5.3): named, or covered by `*`,
 * with a quality above zero. A coding with a malformed quality is left out, never an error.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  // A client sends the same header with every request: the last one read is remembered.
  if (header === lastHeader) return lastAnswer;
  lastAnswer = readAcceptEncoding(header);
  lastHeader = header;
  return lastAnswer;
}

let lastHeader: string | undefined;
let lastAnswer = false;

function readAcceptEncoding(header: string): boolean {
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    let quality = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=');
      if (key.trim().toLowerCase() === 'q')
        quality = /^\s*[0-9.]+\s*$/.test(value) ? Number(value) : Number.NaN;
    }
    if (Number.isNaN(quality)) continue;
    if (coding === '*') any = quality;
    else gzip = Math.max(gzip ?? 0, quality);
  }
  return (gzip ?? any ?? 0) > 0;
}

/**
 * Sends a cached answer, gzipped when the client takes gzip (browsers do): the compressed bytes
 * are made once per cached answer, so each request then writes about a fifth of the bytes.
 */
export async function sendCachedAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
): Promise<FastifyReply> {
  reply.type(JSON_TYPE).header('vary', 'Accept-Encoding');
  if (answer.body.length >= MIN_GZIP_BYTES && acceptsGzip(request.headers['accept-encoding']))
    return reply.header('content-encoding', 'gzip').send(await answer.gzipped());
  return reply.send(answer.body);
}
