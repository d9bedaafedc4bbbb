import { describe, expect, it } from 'vitest';
import { hashRefreshToken } from '../../../src/domain/auth/session.js';

describe('hashRefreshToken', () => {
  it('when a token is hashed, then it is the 32-byte SHA-256 the database column expects', () => {
    const hash = hashRefreshToken('token');

    expect(hash).toHaveLength(32);
    expect(hash.toString('hex')).toBe(
      '3c469e9d6c5875d37a43f353d4f88e61fcf812c66eee3457465a40b0da4153e0',
    );
  });

  it('when the same token is hashed twice, then the hashes are equal, and differ for another token', () => {
    expect(hashRefreshToken('a').equals(hashRefreshToken('a'))).toBe(true);
    expect(hashRefreshToken('a').equals(hashRefreshToken('b'))).toBe(false);
  });
});
