/**
 * Test certificates, generated once per test file: a private CA with a leaf for 127.0.0.1, a
 * self-signed leaf for 127.0.0.1, a second self-signed leaf with the same common name, and a
 * CA-signed leaf for another host name.
 */
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface KeyAndCert {
  key: string;
  cert: string;
  sha256: string;
}

export interface TestCerts {
  caPem: string;
  caSigned: KeyAndCert;
  selfSigned: KeyAndCert;
  selfSignedTwin: KeyAndCert;
  wrongHost: KeyAndCert;
}

const LOOPBACK_SAN = {
  name: 'subjectAltName' as const,
  altNames: [
    { type: 7 as const, ip: '127.0.0.1' },
    { type: 2 as const, value: 'localhost' },
  ],
};

function fingerprint(cert: string): string {
  return new X509Certificate(cert).fingerprint256;
}

async function leaf(
  commonName: string,
  altNames: typeof LOOPBACK_SAN,
  ca?: { key: string; cert: string },
): Promise<KeyAndCert> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      altNames,
    ],
    ...(ca === undefined ? {} : { ca }),
  });
  return { key: pems.private, cert: pems.cert, sha256: fingerprint(pems.cert) };
}

export async function makeTestCerts(): Promise<TestCerts> {
  const ca = await generate([{ name: 'commonName', value: 'ShareDesk Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const signer = { key: ca.private, cert: ca.cert };
  const otherHost = {
    name: 'subjectAltName' as const,
    altNames: [{ type: 2 as const, value: 'is.other.example' }],
  };
  return {
    caPem: ca.cert,
    caSigned: await leaf('127.0.0.1', LOOPBACK_SAN, signer),
    selfSigned: await leaf('127.0.0.1', LOOPBACK_SAN),
    selfSignedTwin: await leaf('127.0.0.1', LOOPBACK_SAN),
    wrongHost: await leaf('is.other.example', otherHost, signer),
  };
}
