// Where Passdesk keeps what must never reach the renderer or the cache: the LMS token and
// the demo LMS's two tokens. Two keepers share one file format (a JSON map in a file only
// the user can read, mode 0600):
//  - Electron (src/main/electron/safe-storage-cipher.ts): each value is sealed with
//    Electron's safeStorage, i.e. with a key held by the OS keychain (Keychain, DPAPI,
//    libsecret/kwallet); the file alone is useless to someone who copies it.
//  - Browser mode (plain Node, no keychain API): the values are stored as they are; the
//    file's 0600 mode is the only protection, like an SSH key or ~/.npmrc.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SecretName = z.enum(['lms.token', 'demo.adminToken', 'demo.agentToken']);
export type SecretName = z.infer<typeof SecretName>;

export interface SecretStore {
  /** How the secrets are protected, in words for the log and the docs. */
  readonly protection: string;
  get(name: SecretName): string | null;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

/** Turns a secret into what is written to disk and back. */
export interface SecretCipher {
  readonly protection: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

export const plainFileCipher: SecretCipher = {
  protection: 'stored unencrypted in a file only this user can read (mode 0600)',
  seal: (plain) => plain,
  open: (sealed) => sealed,
};

const SecretFile = z.record(z.string(), z.string());

export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}

export function createSecretFileStore(file: string, cipher: SecretCipher): SecretStore {
  function readAll(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed = SecretFile.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new SecretStoreError(`The secrets file ${file} is damaged. Delete it and connect to the LMS again in Settings.`);
    }
    return parsed.data;
  }

  function writeAll(values: Record<string, string>): void {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written beside and renamed, so a crash never leaves half a file; created 0600 so the
    // secret is never readable by others, not even for a moment.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(values, null, 2), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  }

  return {
    protection: cipher.protection,
    get(name) {
      const sealed = readAll()[name];
      if (sealed === undefined) return null;
      try {
        return cipher.open(sealed);
      } catch (error) {
        throw new SecretStoreError(
          `Passdesk could not unlock the saved ${name} (${error instanceof Error ? error.message : String(error)}). Connect to the LMS again in Settings.`,
        );
      }
    },
    set(name, value) {
      writeAll({ ...readAll(), [name]: cipher.seal(value) });
    },
    delete(name) {
      const values = readAll();
      if (!(name in values)) return;
      delete values[name];
      writeAll(values);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
