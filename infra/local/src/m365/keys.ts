import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type KeyLike,
} from 'jose';

/** The token signing keys: the first signs, all of them verify (so tokens survive a key rotation). */
export interface SigningKeys {
  kid: string;
  privateKey: KeyLike;
  /** Public keys as served on the JWKS endpoint. */
  jwks: JSONWebKeySet;
  keySet: ReturnType<typeof createLocalJWKSet>;
}

interface StoredKey {
  kid: string;
  createdAt: string;
  privateJwk: JWK;
}

const algorithm = 'RS256';

/**
 * Loads `<dataDir>/m365/signing-keys.json`, creating an RSA 2048 key on first start. Keeping the key means
 * tokens issued before a restart still verify, as they do against Entra ID.
 */
export async function loadOrCreateSigningKeys(dataDir: string): Promise<SigningKeys> {
  const dir = join(dataDir, 'm365');
  const file = join(dir, 'signing-keys.json');
  let stored = await readStored(file);
  if (!stored) {
    await mkdir(dir, { recursive: true });
    const created = await createKey();
    try {
      // 'wx': when two processes start at once on one data folder, the first key written wins.
      await writeFile(file, JSON.stringify({ keys: [created] }, null, 2), { mode: 0o600, flag: 'wx' });
      stored = [created];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      stored = await readStored(file);
      if (!stored) throw new Error(`${file} exists but holds no keys`);
    }
  }
  const [active] = stored;
  if (!active) throw new Error(`${file} holds no keys`);
  const jwks: JSONWebKeySet = { keys: stored.map(publicJwk) };
  return {
    kid: active.kid,
    privateKey: (await importJWK(active.privateJwk, algorithm)) as KeyLike,
    jwks,
    keySet: createLocalJWKSet(jwks),
  };
}

async function createKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(algorithm, { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  return { kid, createdAt: new Date().toISOString(), privateJwk: { ...privateJwk, kid, alg: algorithm, use: 'sig' } };
}

function publicJwk({ kid, privateJwk }: StoredKey): JWK {
  return { kty: privateJwk.kty, use: 'sig', alg: algorithm, kid, n: privateJwk.n, e: privateJwk.e };
}

async function readStored(file: string): Promise<StoredKey[] | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { keys?: StoredKey[] };
    return parsed.keys?.length ? parsed.keys : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
