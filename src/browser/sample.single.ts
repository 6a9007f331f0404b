/** The sample ledger inlined in dist/banli.html (base64): opened without any request. */
import dataUrl from 'banli-sample';

export async function sampleBytes(): Promise<Uint8Array> {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
