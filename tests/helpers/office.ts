/** Rendering documents for tests: LibreOffice headless → PDF, poppler → text with positions and pictures. */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export const OUTPUT = path.join(__dirname, '../../test-output');

/** Fails (never skips) when a tool the test needs is missing, saying how to install it. */
export function requireTool(cmd: string): void {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} is not installed: run "bash scripts/setup-system.sh" (the README's test command does)`);
}

/** A fontconfig file of the project's: the system's fonts plus the GB/T 9704 name aliases. */
export function fontconfigFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'banli-fc-'));
  const file = path.join(dir, 'fonts.conf');
  const aliases = path.join(__dirname, '../fonts/99-banli-gbt9704.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <include>${aliases}</include>\n` +
      `  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** Export every page, also the blank ones Writer inserts before a section that starts on an even page. */
export const PDF_WITH_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

export function convertToPdf(docx: string, outDir: string, format = 'pdf'): string {
  requireTool('soffice');
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'banli-lo-'));
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, docx],
    { encoding: 'utf8', timeout: 180000, env: { ...process.env, FONTCONFIG_FILE: fontconfigFile() } },
  );
  const pdf = path.join(outDir, path.basename(docx).replace(/\.docx$/, '.pdf'));
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return pdf;
}

export interface PdfLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLayout {
  pages: Array<{ width: number; height: number; lines: PdfLine[] }>;
}

/** pdftotext -bbox-layout, parsed into lines (words joined without spaces: CJK text has none). */
export function pdfLayout(pdf: string): PdfLayout {
  requireTool('pdftotext');
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfLayout['pages'] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const pm of xml.matchAll(pageRe)) {
    const lines: PdfLine[] = [];
    for (const lm of pm[3].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...lm[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]));
      lines.push({ page: pages.length + 1, text: words.join(''), xMin: +lm[1], yMin: +lm[2], xMax: +lm[3], yMax: +lm[4] });
    }
    pages.push({ width: +pm[1], height: +pm[2], lines });
  }
  return { pages };
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Page 1 as a PNG for a person to look at, and as raw pixels (PPM) for the test to measure. */
export function renderPage(pdf: string, page: number, pngBase: string, dpi = 60): { width: number; height: number; rgb: Buffer } {
  requireTool('pdftoppm');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, pngBase]);
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
  return { width: +header[1], height: +header[2], rgb: ppm.subarray(header[0].length) };
}
