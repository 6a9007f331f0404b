/**
 * Several workbooks read as one ledger (the unit returns an office collects): what the CLI (banli check --combine)
 * and the page share — which files are workbooks, which are Banli's own annotated copies, the names files are cited
 * by, and which file a finding's cell belongs to.
 */

/** How a combined ledger is named (in the text, the page and the circular's data). */
export const combinedLabel = (n: number): string => `合并的 ${n} 个工作簿`;

/** A copy Banli wrote, by its name: `…（已标注）.xlsx`, `…（已标注2）.xlsm`. */
export function isAnnotatedName(name: string): boolean {
  return /（已标注\d*）\.(xlsx|xlsm)$/i.test(name);
}

/** A workbook by its name (.xlsx, .xlsm, .xls), not an Office lock file (~$…, .~…). */
export function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm|xls)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.~');
}

/** The last part of a path written with / or \. */
export function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

/**
 * The names files are cited by: each one's file name, or the path given for it when two files share a name
 * (单位01.xlsx in two folders). `shown` gives the path to use then (the CLI's path relative to the working folder).
 */
export function citedNames(paths: readonly string[], shown: (p: string) => string = (p) => p): string[] {
  const base = paths.map(baseName);
  return paths.map((p, i) => (base.filter((b) => b === base[i]).length > 1 ? shown(p) || p : base[i]));
}

/** The file a finding's cell (file!Sheet!A1) is in, of the files combined; null for a cell without one. */
export function fileOfCell(cell: string | null, files: readonly string[]): string | null {
  if (!cell) return null;
  let best: string | null = null;
  for (const f of files) if (cell.startsWith(`${f}!`) && (best === null || f.length > best.length)) best = f;
  return best;
}

/** Whether two files have the same bytes (the same file chosen twice, or a copy of it). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
