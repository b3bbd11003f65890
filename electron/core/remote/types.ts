// The shapes shared by the remote-image files: what a fetch returns and what the engine's
// collaborators (DNS, HTTP) look like, so tests can replace them.
import type { AddressCategory } from './address-policy';

/** Why a remote image was not loaded. Short codes: the renderer only counts them. */
export type BlockReason =
  | 'bad-url'
  | 'not-http'
  | 'credentials'
  | 'bad-port'
  | `${Exclude<AddressCategory, 'not-an-ip'>}-address`
  | 'bad-address'
  | 'unresolvable'
  | 'too-many-redirects'
  | 'bad-redirect'
  | `http-${number}`
  | 'not-image'
  | 'too-large'
  | 'too-many-images'
  | 'timeout'
  | 'cancelled'
  | 'network';

export type RemoteImageResult = { dataUrl: string } | { blocked: BlockReason };

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** DNS resolution: every address the name has (all are checked, the first is used). */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;
