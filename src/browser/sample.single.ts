/** The sample ledger inlined in dist/banli.html (base64): opened without any request. */
import dataUrl from 'banli-sample';
import { dataUrlBytes } from './dataUrl';

export async function sampleBytes(): Promise<Uint8Array> {
  return dataUrlBytes(dataUrl);
}
