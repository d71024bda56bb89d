/**
 * Proof of work with ALTCHA (altcha-lib, v2 challenges, PBKDF2/SHA-256):
 * the browser spends a second or two of computing per message, which costs a
 * person nothing and a spammer sending thousands a lot. No third party is
 * involved and nobody solves a puzzle (WCAG 3.3.8).
 *
 * Challenges are signed with an HMAC secret, expire, carry their issue time
 * (for the minimum fill time) and are single-use (the store remembers each
 * used nonce until it expires).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { RelayConfig } from './config.js';

export const powAlgorithm = 'PBKDF2/SHA-256';

export async function issueChallenge(config: RelayConfig, now: number): Promise<Challenge> {
  return createChallenge({
    algorithm: powAlgorithm,
    cost: config.powCost,
    // altcha-lib's v2 randomInt takes (max, min), both included.
    counter: randomInt(config.powCounterMax, config.powCounterMin),
    deriveKey,
    expiresAt: now + config.powExpiresSeconds,
    data: { iat: now },
    hmacSignatureSecret: config.powSecret,
    // A second key signs the expected answer, so checking a solution costs
    // one HMAC instead of repeating the work.
    hmacKeySignatureSecret: `${config.powSecret}:key`,
  });
}

/** JSON with every object's keys sorted, as altcha-lib signs a challenge's parameters. */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    typeof v !== 'object' || v === null || Array.isArray(v)
      ? v
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .filter((key) => (v as Record<string, unknown>)[key] !== undefined)
            .map((key) => [key, sorted((v as Record<string, unknown>)[key])]),
        );
  return JSON.stringify(sorted(value));
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Whether an expired challenge was issued by this relay and solved. altcha-lib
 * reports expiry before it checks the signature or the solution, so without
 * this anyone could write an "expired" challenge, and the relay would look up
 * the message's idempotency key for it (a retry of a stored message is still
 * answered after its challenge expired). Two HMACs, as altcha-lib computes them.
 */
function issuedHereAndSolved(config: RelayConfig, challenge: Challenge, solution: Solution | null | undefined): boolean {
  if (typeof challenge.signature !== 'string' || typeof challenge.parameters.keySignature !== 'string') return false;
  const signature = createHmac('sha256', config.powSecret).update(canonicalJson(challenge.parameters)).digest('hex');
  if (!sameText(challenge.signature, signature)) return false;
  const derivedKey = solution?.derivedKey;
  if (typeof derivedKey !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(derivedKey)) return false;
  const keySignature = createHmac('sha256', `${config.powSecret}:key`).update(Buffer.from(derivedKey, 'hex')).digest('hex');
  return sameText(challenge.parameters.keySignature, keySignature);
}

export type PowCheck = { ok: true; nonce: string; expiresAt: number; issuedAt: number } | { ok: false; reason: 'pow-invalid' | 'pow-expired' };

export async function checkSolution(config: RelayConfig, pow: unknown): Promise<PowCheck> {
  const value = pow as { challenge?: Challenge; solution?: Solution } | null;
  const challenge = value?.challenge;
  const parameters = challenge?.parameters;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof challenge !== 'object' ||
    typeof parameters !== 'object' ||
    parameters === null ||
    parameters.algorithm !== powAlgorithm ||
    typeof parameters.nonce !== 'string' ||
    typeof value.solution !== 'object'
  ) {
    return { ok: false, reason: 'pow-invalid' };
  }
  let result;
  try {
    result = await verifySolution({
      challenge,
      solution: value.solution,
      deriveKey,
      hmacSignatureSecret: config.powSecret,
      hmacKeySignatureSecret: `${config.powSecret}:key`,
    });
  } catch {
    return { ok: false, reason: 'pow-invalid' };
  }
  if (result.expired) return { ok: false, reason: issuedHereAndSolved(config, challenge, value.solution) ? 'pow-expired' : 'pow-invalid' };
  if (!result.verified) return { ok: false, reason: 'pow-invalid' };
  const issuedAt = Number(parameters.data?.iat);
  const expiresAt = Number(parameters.expiresAt);
  if (!Number.isFinite(issuedAt) || !Number.isFinite(expiresAt)) return { ok: false, reason: 'pow-invalid' };
  return { ok: true, nonce: parameters.nonce, expiresAt, issuedAt };
}
