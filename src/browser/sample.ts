/** The bundled sample ledger, served next to the page. */
import { BanliError } from '../core';

export async function sampleBytes(): Promise<Uint8Array> {
  const res = await fetch('samples/ledger-2021.xlsx');
  if (!res.ok) throw new BanliError('not-found', `示例台账无法打开（服务器回答 ${res.status}）。`);
  return new Uint8Array(await res.arrayBuffer());
}
