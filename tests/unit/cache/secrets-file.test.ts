// The secrets file: readable only by the user (0600), written whole or not at all, and a
// damaged file is reported in words a person can act on.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretFileStore, plainFileCipher, type SecretCipher } from '../../../src/main/app/secret-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'passdesk-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the secrets file', () => {
  it('keeps secrets across instances in a 0600 file, and forgets deleted ones', () => {
    const file = path.join(dir, 'secrets.json');
    const store = createSecretFileStore(file, plainFileCipher);
    expect(store.get('lms.token')).toBeNull();
    store.set('lms.token', 'tok_live_4f2a');
    store.set('demo.adminToken', 'demo-admin-1');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = createSecretFileStore(file, plainFileCipher);
    expect(again.get('lms.token')).toBe('tok_live_4f2a');
    again.delete('lms.token');
    expect(createSecretFileStore(file, plainFileCipher).get('lms.token')).toBeNull();
    expect(createSecretFileStore(file, plainFileCipher).get('demo.adminToken')).toBe('demo-admin-1');
    // No temporary files left behind.
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('tightens a file someone made readable by others', () => {
    const file = path.join(dir, 'secrets.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    createSecretFileStore(file, plainFileCipher).set('lms.token', 't');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('stores only what the cipher seals', () => {
    const file = path.join(dir, 'secrets.sealed.json');
    const reversed: SecretCipher = {
      protection: 'test cipher',
      seal: (plain) => Buffer.from([...plain].reverse().join('')).toString('base64'),
      open: (sealed) => [...Buffer.from(sealed, 'base64').toString()].reverse().join(''),
    };
    const store = createSecretFileStore(file, reversed);
    store.set('lms.token', 'tok_live_4f2a');
    expect(readFileSync(file, 'utf8')).not.toContain('tok_live_4f2a');
    expect(store.get('lms.token')).toBe('tok_live_4f2a');
  });

  it('says what to do when the file is damaged', () => {
    const file = path.join(dir, 'secrets.json');
    writeFileSync(file, 'not json at all');
    expect(() => createSecretFileStore(file, plainFileCipher).get('lms.token')).toThrow(/damaged\. Delete it and connect to the LMS again in Settings/);
  });

  it('says what to do when a secret cannot be unlocked', () => {
    const file = path.join(dir, 'secrets.sealed.json');
    writeFileSync(file, JSON.stringify({ 'lms.token': 'AAAA' }));
    const locked: SecretCipher = {
      protection: 'test',
      seal: (p) => p,
      open: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(() => createSecretFileStore(file, locked).get('lms.token')).toThrow(/could not unlock the saved lms\.token.*Connect to the LMS again in Settings/);
  });
});
