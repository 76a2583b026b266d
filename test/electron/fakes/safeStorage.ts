import type { SafeStorageLike } from '../../../electron/stationStore';

/**
 * safeStorage with a reversible stand-in cipher, so a test can tell an encrypted token on disk
 * from a plain one and make decryption fail.
 */
export class FakeSafeStorage implements SafeStorageLike {
  constructor(
    public available = true,
    public backend = 'gnome_libsecret',
  ) {}
  broken = false;

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`sealed:${Buffer.from(plainText, 'utf8').toString('hex')}`, 'utf8');
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (this.broken || !text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString('utf8');
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}
