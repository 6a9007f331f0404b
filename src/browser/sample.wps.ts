/**
 * The sample ledger in the WPS add-in: a chunk of its own holding the file (base64), loaded when asked for. WPS opens
 * its add-ins from disk, where a page may not fetch a file from its own folder, but loads its script chunks.
 */
import { dataUrlBytes } from './dataUrl';

export async function sampleBytes(): Promise<Uint8Array> {
  const { default: dataUrl } = await import(/* webpackChunkName: "sample" */ 'banli-sample');
  return dataUrlBytes(dataUrl);
}
