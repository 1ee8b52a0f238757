/**
 * The sandbox's TLS identity: a self-signed certificate for `localhost` and `127.0.0.1`,
 * like the one WSO2 Identity Server ships for `https://localhost:9443`. Its key is P-256
 * rather than WSO2's RSA: no client here depends on the key type, and an RSA key takes a
 * random 0.1-0.7 s to make, which the app would spend before its first organization row.
 */
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsIdentity {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the DER certificate, colon-separated upper-case hex. */
  fingerprint256: string;
}

export async function createTlsIdentity(): Promise<TlsIdentity> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return identityFromPem(pems.private, pems.cert);
}

export function identityFromPem(keyPem: string, certPem: string): TlsIdentity {
  return { keyPem, certPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
