/** Spreadsheet files in formats Banli does not read (.ods, .et, .xlsb, .numbers …), made for tests. */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { tempDir } from './xlsx';

/** An OpenDocument spreadsheet as LibreOffice packages one: `mimetype` first and stored, content.xml, a manifest. */
export async function odsBytes(mimetype = 'application/vnd.oasis.opendocument.spreadsheet'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', mimetype, { compression: 'STORE' });
  zip.file(
    'content.xml',
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="台账"><table:table-row><table:table-cell><text:p>序号</text:p></table:table-cell><table:table-cell><text:p>类别</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
  );
  zip.file('META-INF/manifest.xml', `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/></manifest:manifest>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A compound (OLE2) file, as WPS 表格 saves .et and Excel 97-2003 saves .xls. */
export function ole2Bytes(stream = 'Workbook'): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from(stream, 'utf16le').copy(b, 1024);
  return b;
}

/** An Excel binary workbook's package (xl/workbook.bin instead of xl/workbook.xml). */
export async function xlsbBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.bin', Buffer.from([0x83, 0x01, 0x00]));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A Numbers document saved as one file (a zip with Index/*.iwa). */
export async function numbersBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('Index/Document.iwa', Buffer.from([0x00, 0x01]));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A plain zip, optionally holding a workbook. */
export async function zipBytes(inside: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, bytes] of Object.entries(inside)) zip.file(name, bytes);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A real .ods: the workbook converted by LibreOffice (null when soffice is not installed). */
export function odsByLibreOffice(xlsx: string, outDir: string): Promise<string | null> {
  return (async () => {
    const profile = await tempDir('banli-lo-');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'ods', '--outdir', outDir, xlsx], {
      encoding: 'utf8',
      timeout: 180000,
    });
    if (r.error || r.status !== 0) return null;
    const out = path.join(outDir, path.basename(xlsx).replace(/\.[^.]+$/, '.ods'));
    return fs.access(out).then(() => out, () => null);
  })();
}
