/**
 * The standalone page's file side: reading a dropped or chosen .xlsx, the bundled sample, and the downloads
 * (annotated workbook, circular .docx). This module pulls in exceljs, so the page loads it as a separate chunk,
 * only when there is no Office host. Nothing is sent anywhere: files are read and written in the page.
 */
import { Analysis, BanliError, composeCircular, defaultOptions } from '../core';
import { readWorkbook } from '../xlsx/read';
import { annotateBuffer } from '../xlsx/annotate';
import { docxBytes } from '../docx/zip';
import { LoadedWorkbook } from '../xlsx/loaded';

export async function loadFile(file: File): Promise<LoadedWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { grids, buffer } = await readWorkbook(bytes, file.name);
  return { name: file.name, grids, bytes: buffer };
}

export async function loadSample(): Promise<LoadedWorkbook> {
  const res = await fetch('samples/ledger-2021.xlsx');
  if (!res.ok) throw new BanliError('not-found', `示例台账无法打开（服务器回答 ${res.status}）。`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { grids, buffer } = await readWorkbook(bytes, 'ledger-2021.xlsx');
  return { name: 'ledger-2021.xlsx', grids, bytes: buffer };
}

export async function annotatedBlob(w: LoadedWorkbook, a: Analysis): Promise<Blob> {
  const out = await annotateBuffer(w.bytes, a);
  return new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export async function circularBlob(a: Analysis, asOf: string): Promise<Blob> {
  const options = defaultOptions(Number(asOf.slice(0, 4)), asOf);
  const bytes = await docxBytes(composeCircular(a, options, asOf), asOf);
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
