import { hash, verify } from '@node-rs/argon2';
import { concurrencyLimit } from '../../concurrency.js';

// `Algorithm` is an ambient const enum, which isolated modules cannot import: 2 is Argon2id.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes): ~20 ms here, cheap enough for a login burst.
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Each hash or check holds 19 MiB while it runs, on libuv's shared thread pool: two at a time
 * keep that at ~38 MiB and leave the pool's other threads to DNS and files; a login burst
 * waits in line instead of growing the process.
 */
export const maxConcurrentHashes = 2;
const inHashingSlot = concurrencyLimit(maxConcurrentHashes);

export function hashPassword(password: string): Promise<string> {
  return inHashingSlot(() => hash(password, options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await inHashingSlot(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so response time does not reveal unknown emails. */
export async function burnPasswordCheck(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-for-timing');
  await verifyPassword(await decoyHash, password);
  return false;
}
