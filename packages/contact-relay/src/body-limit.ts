/**
 * The request body limit, decided from Content-Length alone when the client
 * declares one. Hono's bodyLimit reads `c.req.raw.body` first, and on
 * @hono/node-server that turns every POST into a full web Request with a
 * stream over Node's request (an AbortController, a Headers copy, a
 * ReadableStream), the body then parsed through that stream instead of read
 * from Node's request directly. Under a flood of oversize and rate-limited
 * posts (issue 20) that was work and garbage for requests answered without
 * their body. Node's HTTP parser never delivers more bytes than Content-Length
 * says, so the declared length is a bound. A body without a declared length
 * (chunked) is counted as it is read, by Hono's bodyLimit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function limitBodyBytes(maxBytes: number, tooLarge: (c: Context) => Response): MiddlewareHandler {
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && /^\d+$/.test(declared) && c.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > maxBytes) return tooLarge(c);
      await next();
      return;
    }
    return counted(c, next);
  };
}
