/**
 * Encryption at rest for QuickBooks Online tokens: AES-256-GCM with a random 12-byte IV per value.
 * A sealed value is one string, `v1.<iv>.<tag>.<ciphertext>` (base64url parts), so it fits a TEXT
 * column and names its format version. Errors never contain the plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Marks a value stored without encryption (only with the explicit demo allowance). */
export const PLAINTEXT_PREFIX = 'plain.';

export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/** A 32-byte key from 64 hex characters (as in SYNCLENS_SECRET_KEY). */
export function parseSecretKey(hex64: string): Buffer {
  if (typeof hex64 !== 'string') throw new SecretKeyError('The secret key must be a string of 64 hex characters.');
  const trimmed = hex64.trim();
  if (!/^[0-9a-fA-F]*$/.test(trimmed)) {
    throw new SecretKeyError('The secret key must contain only hex characters (0-9, a-f); generate one with `openssl rand -hex 32`.');
  }
  if (trimmed.length !== KEY_BYTES * 2) {
    throw new SecretKeyError(
      `The secret key must be 64 hex characters (32 bytes), got ${trimmed.length}; generate one with \`openssl rand -hex 32\`.`,
    );
  }
  return Buffer.from(trimmed, 'hex');
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new SecretKeyError('The secret key must be 32 bytes.');
}

/**
 * Encrypts `plaintext`. `context` (for example "qbo:acme:refresh") is authenticated but not stored,
 * so a sealed value copied into another row or column fails to open.
 */
export function seal(key: Buffer, plaintext: string, context = ''): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Decrypts a value made by `seal` with the same key and context; throws SecretBoxError otherwise. */
export function open(key: Buffer, sealed: string, context = ''): string {
  checkKey(key);
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  const b64url = /^[A-Za-z0-9_-]*$/;
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((p) => b64url.test(p))) {
    throw new SecretBoxError('The stored secret is not in the expected format (v1.<iv>.<tag>.<ciphertext>).');
  }
  const iv = Buffer.from(parts[1]!, 'base64url');
  const tag = Buffer.from(parts[2]!, 'base64url');
  const ciphertext = Buffer.from(parts[3]!, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError('The stored secret is not in the expected format (bad IV or tag length).');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('The stored secret could not be decrypted: the secret key is different or the value was altered.');
  }
}

/** Seals and opens secrets for storage; the connection store only talks to this. */
export interface SecretBox {
  /** False only for the demo allowance, where values are stored with the `plain.` prefix. */
  readonly encrypts: boolean;
  seal(plaintext: string, context: string): string;
  open(stored: string, context: string): string;
}

/**
 * The box for a configured key, or (key null) one that refuses to store secrets unless the caller
 * opted into plaintext for a demo: then values are stored visibly marked `plain.`.
 */
export function createSecretBox(key: Buffer | null, opts: { allowPlaintextForDemo?: boolean } = {}): SecretBox {
  if (key) {
    checkKey(key);
    return {
      encrypts: true,
      seal: (plaintext, context) => seal(key, plaintext, context),
      open: (stored, context) => {
        if (stored.startsWith(PLAINTEXT_PREFIX)) {
          throw new SecretBoxError('A QuickBooks token was stored without encryption (demo mode); reconnect the company to store it encrypted.');
        }
        return open(key, stored, context);
      },
    };
  }
  const allow = opts.allowPlaintextForDemo === true;
  const refuse = () => new SecretKeyError(
    'No secret key is configured, so QuickBooks tokens cannot be stored. Set SYNCLENS_SECRET_KEY to 64 hex characters '
    + '(`openssl rand -hex 32`).',
  );
  return {
    encrypts: false,
    seal: (plaintext) => {
      if (!allow) throw refuse();
      return PLAINTEXT_PREFIX + plaintext;
    },
    open: (stored) => {
      if (!allow) throw refuse();
      if (!stored.startsWith(PLAINTEXT_PREFIX)) {
        throw new SecretBoxError('A QuickBooks token is stored encrypted but no secret key is configured; set SYNCLENS_SECRET_KEY.');
      }
      return stored.slice(PLAINTEXT_PREFIX.length);
    },
  };
}
