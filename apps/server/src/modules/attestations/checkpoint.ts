import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import {
  formatCheckpointBody,
  formatSignatureLine,
  formatVerifierKey,
  fromBase64,
  isValidKeyName,
  noteKeyHash,
  parseCheckpointBody,
  parseSignedNote,
  parseVerifierKey,
  signatureFor,
  toBase64,
  toHex,
  utf8,
  type Checkpoint,
  type NoteSignature,
} from '@shangmi/shared';
import { sha256 } from './merkle';

/**
 * C2SP tlog-checkpoint signed notes with Ed25519 (https://c2sp.org/signed-note, /tlog-checkpoint), on
 * Node's crypto. Pure apart from crypto: no database, no files (the key file is read by log-key.ts).
 */

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX_LENGTH = 12;

/** The log's signing key: a note key name, the Ed25519 key and what verifiers need. */
export interface LogSigner {
  name: string;
  privateKey: KeyObject;
  publicKey: Uint8Array;
  keyHash: Uint8Array;
  /** `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`. */
  verifierKey: string;
}

function signerFromSeed(name: string, seed: Uint8Array): LogSigner {
  if (!isValidKeyName(name)) {
    throw new Error(`invalid note key name: ${name}`);
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(spki.subarray(SPKI_ED25519_PREFIX_LENGTH));
  return {
    name,
    privateKey,
    publicKey,
    keyHash: noteKeyHash(sha256, name, publicKey),
    verifierKey: formatVerifierKey(sha256, name, publicKey),
  };
}

/** A new random key named `name`. */
export function generateSigner(name: string): LogSigner {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return signerFromSeed(name, new Uint8Array(der.subarray(PKCS8_ED25519_PREFIX.length)));
}

/** The private key in the signed-note tooling's text form: `PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>`. */
export function formatSignerKey(signer: LogSigner): string {
  const der = signer.privateKey.export({ format: 'der', type: 'pkcs8' });
  const typed = Buffer.concat([Buffer.from([0x01]), der.subarray(PKCS8_ED25519_PREFIX.length)]);
  return `PRIVATE+KEY+${signer.name}+${toHex(signer.keyHash)}+${toBase64(typed)}`;
}

export function parseSignerKey(text: string): LogSigner {
  const [p0, p1, p2, p3, ...rest] = text.trim().split('+');
  const parts = [p0, p1, p2, p3, rest.join('+')];
  if (rest.length === 0 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new Error('log signing key must be PRIVATE+KEY+name+hash+key');
  }
  const typed = fromBase64(parts[4]!);
  if (typed.length !== 33 || typed[0] !== 0x01) {
    throw new Error('log signing key is not an Ed25519 key');
  }
  const signer = signerFromSeed(parts[2]!, typed.slice(1));
  if (toHex(signer.keyHash) !== parts[3]) {
    throw new Error('log signing key hash does not match the key');
  }
  return signer;
}

/** The signed checkpoint note: body, blank line, one signature line. */
export function signCheckpoint(signer: LogSigner, checkpoint: Checkpoint): string {
  const body = formatCheckpointBody(checkpoint);
  const signature = sign(null, utf8(body), signer.privateKey);
  return `${body}\n${formatSignatureLine(signer.name, signer.keyHash, signature)}`;
}

export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** Checks a note's signature against a verifier key string; true when the key's signature is valid. */
export function verifyNoteSignature(body: string, signature: NoteSignature, publicKey: Uint8Array): boolean {
  return ed25519Verify(publicKey, utf8(body), signature.signature);
}

/** Parses and verifies a checkpoint note; throws with what is wrong. */
export function openCheckpoint(note: string, verifierKey: string): Checkpoint {
  const key = parseVerifierKey(sha256, verifierKey);
  const parsed = parseSignedNote(note);
  const signature = signatureFor(parsed, key);
  if (!signature) {
    throw new Error('检查点上没有该公钥的签名');
  }
  if (!verifyNoteSignature(parsed.body, signature, key.publicKey)) {
    throw new Error('检查点签名无效');
  }
  return parseCheckpointBody(parsed.body);
}
