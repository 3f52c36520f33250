import { describe, expect, it } from 'vitest';
import { INTUIT_HOSTS, QboConfigError, qboConfigFrom, secretKeyFrom } from '../../server/quickbooks/qbo/config.ts';
import {
  createSecretBox, open, parseSecretKey, PLAINTEXT_PREFIX, seal, SecretBoxError, SecretKeyError,
} from '../../server/quickbooks/qbo/secret-box.ts';

const KEY_HEX = 'a1'.repeat(32);
const KEY = parseSecretKey(KEY_HEX);
const OTHER_KEY = parseSecretKey('b2'.repeat(32));
const SECRET = 'RT1-very-secret-refresh-token-value';

describe('secret box', () => {
  it('round-trips a string and never stores it in the clear', () => {
    const sealed = seal(KEY, SECRET, 'qbo:acme:refresh');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET);
    expect(open(KEY, sealed, 'qbo:acme:refresh')).toBe(SECRET);
  });

  it('uses a fresh IV every time', () => {
    expect(seal(KEY, SECRET)).not.toBe(seal(KEY, SECRET));
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const sealed = seal(KEY, SECRET);
    const parts = sealed.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const i of [1, 2, 3]) {
      const tampered = parts.map((p, j) => (j === i ? flip(p) : p)).join('.');
      expect(() => open(KEY, tampered)).toThrow(SecretBoxError);
    }
  });

  it('refuses the wrong key and a value moved to another row (context)', () => {
    const sealed = seal(KEY, SECRET, 'qbo:acme:access');
    expect(() => open(OTHER_KEY, sealed, 'qbo:acme:access')).toThrow(/different or the value was altered/);
    expect(() => open(KEY, sealed, 'qbo:other:access')).toThrow(SecretBoxError);
  });

  it('never puts the plaintext in an error', () => {
    const sealed = seal(KEY, SECRET);
    try {
      open(OTHER_KEY, sealed);
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(SECRET);
    }
    expect(() => open(KEY, 'v1.garbage')).toThrow(/expected format/);
    expect(() => open(KEY, `v2.${sealed.slice(3)}`)).toThrow(/expected format/);
  });

  it('parses a 64-hex key and explains bad ones', () => {
    expect(parseSecretKey(KEY_HEX)).toHaveLength(32);
    expect(parseSecretKey(` ${KEY_HEX.toUpperCase()}\n`)).toEqual(KEY);
    expect(() => parseSecretKey('abc')).toThrow(/64 hex characters \(32 bytes\), got 3/);
    expect(() => parseSecretKey('a'.repeat(66))).toThrow(/got 66/);
    expect(() => parseSecretKey('z'.repeat(64))).toThrow(/only hex characters/);
    expect(() => parseSecretKey('')).toThrow(SecretKeyError);
  });

  it('without a key refuses to store secrets, unless the demo allowance marks them plain', () => {
    const refusing = createSecretBox(null);
    expect(refusing.encrypts).toBe(false);
    expect(() => refusing.seal(SECRET, 'x')).toThrow(/SYNCLENS_SECRET_KEY/);
    const demo = createSecretBox(null, { allowPlaintextForDemo: true });
    const stored = demo.seal(SECRET, 'x');
    expect(stored).toBe(`${PLAINTEXT_PREFIX}${SECRET}`);
    expect(demo.open(stored, 'x')).toBe(SECRET);
    // A box with a key does not accept a plaintext value as if it were encrypted.
    expect(() => createSecretBox(KEY).open(stored, 'x')).toThrow(/without encryption/);
    const keyed = createSecretBox(KEY);
    expect(keyed.encrypts).toBe(true);
    expect(keyed.open(keyed.seal(SECRET, 'c'), 'c')).toBe(SECRET);
  });
});

describe('QuickBooks Online config', () => {
  const full = { clientId: 'ABclient', clientSecret: 'shh-secret', redirectUri: 'https://sync.example.com/connect/qbo/callback' };

  it('is null when no app credentials are given', () => {
    expect(qboConfigFrom({}, {})).toBeNull();
    expect(qboConfigFrom({ environment: 'production' }, { SYNCLENS_QBO_API_BASE: 'http://127.0.0.1:9' })).toBeNull();
  });

  it('defaults to the sandbox hosts of Intuit', () => {
    const config = qboConfigFrom(full, {})!;
    expect(config).toEqual({
      ...full, environment: 'sandbox', apiBase: INTUIT_HOSTS.sandboxApi, oauthBase: 'https://appcenter.intuit.com/connect/oauth2',
      tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer', revokeUrl: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
      webhookVerifier: null, minorVersion: 75,
    });
    expect(qboConfigFrom({ ...full, environment: 'production' }, {})!.apiBase).toBe('https://quickbooks.api.intuit.com');
  });

  it('reads the environment, with flags winning', () => {
    const config = qboConfigFrom({ clientId: 'flag-id' }, {
      SYNCLENS_QBO_CLIENT_ID: 'env-id', SYNCLENS_QBO_CLIENT_SECRET: 'env-secret', SYNCLENS_QBO_REDIRECT_URI: 'http://localhost:8787/connect/qbo/callback',
      SYNCLENS_QBO_ENVIRONMENT: 'production', SYNCLENS_QBO_WEBHOOK_VERIFIER: 'verifier-1',
    })!;
    expect(config.clientId).toBe('flag-id');
    expect(config.clientSecret).toBe('env-secret');
    expect(config.environment).toBe('production');
    expect(config.webhookVerifier).toBe('verifier-1');
    // Local http redirects are fine even in production (Intuit allows them for development).
    expect(config.redirectUri).toBe('http://localhost:8787/connect/qbo/callback');
  });

  it('points every endpoint at an emulator with the base overrides', () => {
    const config = qboConfigFrom({ ...full, apiBase: 'http://127.0.0.1:4100/', oauthBase: 'http://127.0.0.1:4100' }, {})!;
    expect(config.apiBase).toBe('http://127.0.0.1:4100');
    expect(config.oauthBase).toBe('http://127.0.0.1:4100/connect/oauth2');
    expect(config.tokenUrl).toBe('http://127.0.0.1:4100/oauth2/v1/tokens/bearer');
    expect(config.revokeUrl).toBe('http://127.0.0.1:4100/v2/oauth2/tokens/revoke');
  });

  it('explains partial and wrong settings without echoing the secret', () => {
    expect(() => qboConfigFrom({ clientId: 'x' }, {})).toThrow(/only partly configured: missing the client secret .*, the redirect URI/);
    expect(() => qboConfigFrom({ clientSecret: 'topsecret' }, {})).toThrow(/missing the client id/);
    expect(() => qboConfigFrom({ ...full, environment: 'staging' }, {})).toThrow(/"sandbox" or "production", got "staging"/);
    expect(() => qboConfigFrom({ ...full, redirectUri: 'not a url' }, {})).toThrow(/redirect URI must be an http\(s\) URL/);
    expect(() => qboConfigFrom({ ...full, environment: 'production', redirectUri: 'http://sync.example.com/cb' }, {})).toThrow(/must use https/);
    expect(() => qboConfigFrom({ ...full, apiBase: 'ftp://x' }, {})).toThrow(QboConfigError);
    try {
      qboConfigFrom({ ...full, clientSecret: 'has space secret' }, {});
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/client secret must be one word/);
      expect((err as Error).message).not.toContain('has space secret');
    }
  });

  it('reads SYNCLENS_SECRET_KEY', () => {
    expect(secretKeyFrom({})).toBeNull();
    expect(secretKeyFrom({ SYNCLENS_SECRET_KEY: KEY_HEX })).toEqual(KEY);
    expect(() => secretKeyFrom({ SYNCLENS_SECRET_KEY: 'abc123' })).toThrow(/SYNCLENS_SECRET_KEY: .*64 hex/);
  });
});
