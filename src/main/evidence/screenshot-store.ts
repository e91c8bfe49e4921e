// The screenshots Passdesk has checked, kept in the data folder by content: each file lives at
// screenshots/<first two hex digits>/<sha256> and nowhere else. The path comes from the hash
// alone, so no file name a learner chose ever reaches the file system; a file is written
// under a temporary name in the same folder and renamed, so a crash never leaves half a file
// under a real hash; and every read checks the hash again, so a file changed on disk is
// dropped and fetched anew rather than shown.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

export interface ScreenshotStore {
  readonly root: string;
  pathOf(sha256: string): string;
  /** Stores the bytes under their hash; refuses bytes whose hash is not `sha256`. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, checked again; null when the file is missing or no longer matches its hash. */
  read(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createScreenshotStore(dataDir: string): ScreenshotStore {
  const root = path.join(dataDir, 'screenshots');

  function pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`“${sha256.slice(0, 80)}” is not a sha256; screenshots are stored by their sha256 only.`);
    return path.join(root, sha256.slice(0, 2), sha256);
  }

  return {
    root,
    pathOf,
    async put(sha256, bytes) {
      const target = pathOf(sha256);
      if (sha256Of(bytes) !== sha256) throw new Error(`The bytes given for ${sha256} have another sha256; nothing was stored.`);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const partial = `${target}.partial-${randomBytes(6).toString('hex')}`;
      try {
        await writeFile(partial, bytes, { mode: 0o600 });
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async read(sha256) {
      const file = pathOf(sha256);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return null;
      }
      if (sha256Of(bytes) === sha256) return bytes;
      await rm(file, { force: true });
      return null;
    },
    async has(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch {
        return false;
      }
    },
  };
}
