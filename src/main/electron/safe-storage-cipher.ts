// Seals secrets with Electron's safeStorage: the key lives in the OS keychain (macOS
// Keychain, Windows DPAPI, libsecret or KWallet on Linux), so the secrets file alone reveals
// nothing. On Linux without a keychain, safeStorage falls back to a fixed key
// ("basic_text"); Passdesk says so in the log rather than pretending.
import { safeStorage } from 'electron';
import type { SecretCipher } from '../app/secret-store';

export function createSafeStorageCipher(): SecretCipher {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  const protection =
    backend === 'basic_text'
      ? 'sealed with safeStorage, but this Linux session has no keychain (libsecret or KWallet), so the key is a fixed one and the file is protected only by its 0600 mode'
      : `sealed with the operating system's keychain (safeStorage${backend ? `, ${backend}` : ''})`;
  return {
    protection,
    seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('The operating system offers Passdesk no way to encrypt the token, so it was not saved. Unlock or install a keychain (libsecret or KWallet on Linux) and try again.');
      }
      return safeStorage.encryptString(plain).toString('base64');
    },
    open(sealed) {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
  };
}
