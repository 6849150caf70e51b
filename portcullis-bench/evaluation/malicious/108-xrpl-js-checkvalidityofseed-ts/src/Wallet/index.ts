import { deriveAddress, deriveKeypair, generateSeed } from 'ripple-keypairs'
import { classicAddressToXAddress } from 'ripple-address-codec'

const DEFAULT_ALGORITHM = 'ed25519'

export class Wallet {
  public readonly publicKey: string
  public readonly privateKey: string
  public readonly classicAddress: string
  public readonly seed?: string
  public readonly algorithm: string

  public constructor(publicKey: string, privateKey: string, opts: { masterAddress?: string; seed?: string; algorithm?: string } = {}) {
    this.publicKey = publicKey
    this.privateKey = privateKey
    this.classicAddress = opts.masterAddress ? opts.masterAddress : deriveAddress(publicKey)
    this.seed = opts.seed
    this.algorithm = opts.algorithm ?? DEFAULT_ALGORITHM
  }

  public get address(): string { return this.classicAddress }

  public static generate(algorithm = DEFAULT_ALGORITHM): Wallet {
    const seed = generateSeed({ algorithm: algorithm as any })
    return Wallet.fromSeed(seed, { algorithm })
  }

  public static fromSeed(seed: string, opts: { masterAddress?: string; algorithm?: string } = {}): Wallet {
    return Wallet.deriveWallet(seed, opts)
  }

  private static deriveWallet(seed: string, opts: { masterAddress?: string; algorithm?: string } = {}): Wallet {
    const { publicKey, privateKey } = deriveKeypair(seed, { algorithm: opts.algorithm as any })
    return new Wallet(publicKey, privateKey, { seed, masterAddress: opts.masterAddress, algorithm: opts.algorithm })
  }

  public getXAddress(tag: number | false = false, isTestnet = false): string {
    return classicAddressToXAddress(this.classicAddress, tag, isTestnet)
  }
}
