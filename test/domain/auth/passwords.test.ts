import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../../src/concurrency.js';
import {
  burnPasswordCheck,
  hashPassword,
  maxConcurrentHashes,
  verifyPassword,
} from '../../../src/domain/auth/passwords.js';

describe('password hashing', () => {
  it('when a password is hashed, then it is argon2id with the OWASP baseline parameters', async () => {
    const hash = await hashPassword('correct horse battery');

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('correct horse battery');
  });

  it('when the same password is hashed twice, then the salts differ', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('when verifying, then only the exact password matches', async () => {
    const hash = await hashPassword('correct horse battery');

    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery')).toBe(false);
    expect(await verifyPassword(hash, 'correct horse battery ')).toBe(false);
  });

  it('when the stored hash is not a valid argon2 string, then verify answers false instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('when an unknown email burns a check, then it answers false even for the decoy password', async () => {
    expect(await burnPasswordCheck('decoy-password-for-timing')).toBe(false);
  });
});

describe('bounded hashing', () => {
  it('when more tasks arrive than the limit, then at most the limit run at once and all finish in arrival order', async () => {
    const inSlot = concurrencyLimit(2);
    let running = 0;
    let mostAtOnce = 0;
    const started: number[] = [];
    const task = (index: number) => async () => {
      started.push(index);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return index;
    };

    const results = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => inSlot(task(i))));

    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(mostAtOnce).toBe(2);
  });

  it('when a task fails, then its slot is released for the next', async () => {
    const inSlot = concurrencyLimit(1);
    await expect(inSlot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await inSlot(async () => 'next')).toBe('next');
  });

  it('when a login burst hashes and checks at once, then every answer is still right', async () => {
    const burst = maxConcurrentHashes * 4;
    const hashes = await Promise.all(
      Array.from({ length: burst }, (_, i) => hashPassword(`password ${i}`)),
    );
    const checks = await Promise.all(
      hashes.map((hash, i) => verifyPassword(hash, `password ${i % 2 ? i : i + 1}`)),
    );
    expect(checks).toEqual(hashes.map((_, i) => i % 2 === 1));
  });
});
