/** Packs the renderer's parts into a .docx with JSZip (works in Node and in the browser). */
import JSZip from 'jszip';
import { Circular, docxParts } from '../core';

const FIXED = new Date(Date.UTC(2021, 0, 1));

export async function docxBytes(c: Circular, created: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const parts = docxParts(c, created);
  // [Content_Types].xml first, as Office writes it.
  for (const name of Object.keys(parts)) zip.file(name, parts[name], { date: FIXED, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
