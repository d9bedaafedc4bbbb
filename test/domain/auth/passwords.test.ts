import { describe, expect, it } from 'vitest';
import {
  burnPasswordCheck,
  hashPassword,
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
