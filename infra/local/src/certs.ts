import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

/** Paths and PEM texts of the local CA and the localhost server certificate it signed. */
export interface LocalCertificates {
  caPath: string;
  certPath: string;
  keyPath: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

/**
 * Ensures a local CA and a `localhost` server certificate exist in `<localDir>/certs`, generating them on
 * first use. MSAL refuses an http authority (`authority_uri_insecure`), so the local Microsoft 365 serves
 * HTTPS; Node processes trust the CA through NODE_EXTRA_CA_CERTS, browsers in tests ignore the error.
 */
export async function ensureLocalCertificates(localDir: string): Promise<LocalCertificates> {
  const dir = join(localDir, 'certs');
  const paths = { caPath: join(dir, 'ca.pem'), certPath: join(dir, 'cert.pem'), keyPath: join(dir, 'key.pem') };
  const existing = await readExisting(paths);
  if (existing) return existing;

  // Node's webcrypto implements WebCrypto, but the declared `Crypto` type differs with and without the
  // DOM lib (the tests project loads it), so the cast names no type.
  x509.cryptoProvider.set(webcrypto as unknown as never);
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
  const caKeys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=Zaakwerk Local Development CA, O=Zaakwerk (local only)',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const serverKeys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=localhost',
    issuer: ca.subject,
    notBefore,
    notAfter: new Date(Date.now() + 365 * 24 * 3600 * 1000),
    signingAlgorithm: rsa,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  const result: LocalCertificates = {
    ...paths,
    caPem: ca.toString('pem'),
    certPem: server.toString('pem'),
    keyPem: toPem(new Uint8Array(pkcs8), 'PRIVATE KEY'),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(paths.keyPath, result.keyPem, { mode: 0o600 });
  await writeFile(paths.certPath, result.certPem);
  // The CA is written last: its presence marks a complete set.
  await writeFile(paths.caPath, result.caPem);
  return result;
}

async function readExisting(
  paths: Pick<LocalCertificates, 'caPath' | 'certPath' | 'keyPath'>,
): Promise<LocalCertificates | null> {
  try {
    const [caPem, certPem, keyPem] = await Promise.all([
      readFile(paths.caPath, 'utf8'),
      readFile(paths.certPath, 'utf8'),
      readFile(paths.keyPath, 'utf8'),
    ]);
    const cert = new x509.X509Certificate(certPem);
    if (cert.notAfter.getTime() < Date.now() + 24 * 3600 * 1000) return null;
    return { ...paths, caPem, certPem, keyPem };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive serial
  return Buffer.from(bytes).toString('hex');
}

function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}
