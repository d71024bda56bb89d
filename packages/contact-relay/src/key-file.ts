/**
 * The centre's private key file. The key pair is X25519 (for HPKE). The
 * private key is encrypted with a key derived from a passphrase:
 *
 * - scrypt (N = 2^17, r = 8, p = 1, 16-byte random salt) → 32-byte key,
 * - AES-256-GCM (12-byte random IV) over `{"privateKey":"<base64url>"}`,
 *   with the file's header fields (format, version, centre, public key) as
 *   associated data, so a header cannot be swapped onto another key.
 *
 * The file is JSON, so the counsellors' inbox (next release) can open it in
 * the browser with a JavaScript scrypt and Web Crypto's AES-GCM.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { formatPublicKey, parsePublicKey } from '@wegweiser/contact-form/public-key';

export const keyFileFormat = 'wegweiser-contact-private-key';
export const scryptParameters = { N: 2 ** 17, r: 8, p: 1 } as const;
export const minPassphraseLength = 12;

export interface KeyFile {
  format: typeof keyFileFormat;
  version: 1;
  /** Set on the committed demo key only: its passphrase is public. */
  demo?: true;
  centre: string;
  publicKey: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'AES-256-GCM'; iv: string };
  /** Ciphertext followed by the 16-byte tag, base64url. */
  ciphertext: string;
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

function scrypt(passphrase: string, salt: Buffer, parameters: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...parameters, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function headerAad(file: Pick<KeyFile, 'format' | 'version' | 'centre' | 'publicKey'>): Buffer {
  return Buffer.from(`${file.format};v=${file.version};centre=${file.centre};publicKey=${file.publicKey}`);
}

/** Creates a key pair; returns the key file (private key encrypted) and the public-key string. */
export async function generateKeyFile(centre: string, passphrase: string, options: { demo?: boolean } = {}): Promise<{ file: KeyFile; publicKey: string }> {
  if (passphrase.length < minPassphraseLength) throw new KeyFileError(`The passphrase needs at least ${minPassphraseLength} characters; several words are easiest to remember.`);
  const { privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const publicKey = await formatPublicKey(centre, Buffer.from(jwk.x!, 'base64url'));
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = { format: keyFileFormat, version: 1, centre, publicKey } as const;
  const key = await scrypt(passphrase, salt, scryptParameters);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerAad(header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify({ privateKey: jwk.d })), cipher.final(), cipher.getAuthTag()]);
  const file: KeyFile = {
    ...header,
    ...(options.demo ? { demo: true as const } : {}),
    kdf: { name: 'scrypt', ...scryptParameters, salt: salt.toString('base64url') },
    cipher: { name: 'AES-256-GCM', iv: iv.toString('base64url') },
    ciphertext: ciphertext.toString('base64url'),
  };
  return { file, publicKey };
}

/** Opens a key file; throws KeyFileError for a wrong passphrase or a damaged file. */
export async function openKeyFile(value: unknown, passphrase: string): Promise<{ centre: string; publicKey: string; privateKey: Uint8Array }> {
  const file = value as KeyFile;
  if (typeof file !== 'object' || file === null || file.format !== keyFileFormat || file.version !== 1 || file.kdf?.name !== 'scrypt' || file.cipher?.name !== 'AES-256-GCM') {
    throw new KeyFileError('This is not a Wegweiser private key file (version 1).');
  }
  const { N, r, p } = file.kdf;
  // Refuse parameters that would make opening the file a denial of service or trivially weak.
  if (N !== scryptParameters.N || r !== scryptParameters.r || p !== scryptParameters.p) throw new KeyFileError('The key file uses unknown scrypt parameters.');
  const key = await scrypt(passphrase, Buffer.from(file.kdf.salt, 'base64url'), { N, r, p });
  const data = Buffer.from(file.ciphertext, 'base64url');
  // The tag is always 16 bytes: a shorter one would be easier to forge (GCM accepts 4 to 16 unless told).
  if (data.length <= 16) throw new KeyFileError('The key file is damaged: its ciphertext is too short.');
  let plain: { privateKey?: string };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(headerAad(file));
    decipher.setAuthTag(data.subarray(data.length - 16));
    plain = JSON.parse(Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8')) as { privateKey?: string };
  } catch {
    throw new KeyFileError('The passphrase is wrong, or the key file was changed.');
  }
  const privateKey = Buffer.from(plain.privateKey ?? '', 'base64url');
  if (privateKey.length !== 32) throw new KeyFileError('The key file holds no valid private key.');
  const parsed = await parsePublicKey(file.publicKey);
  // The header's public key must belong to this private key, or messages would be sealed to a key nobody holds.
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), privateKey]);
  const derived = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' }).x;
  if (derived !== Buffer.from(parsed.publicKey).toString('base64url')) throw new KeyFileError('The private key does not belong to the public key in the file.');
  return { centre: parsed.centre, publicKey: file.publicKey, privateKey: new Uint8Array(privateKey) };
}
