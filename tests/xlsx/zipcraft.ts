/** Zips made byte by byte for the reader's tests: ZIP64 records, a part whose declared size lies (a zip bomb). */
import { crc32, deflateRawSync } from 'zlib';

export interface RawPart {
  name: string;
  /** Stored bytes: deflated unless method is 0. */
  data: Buffer;
  method?: 0 | 8;
  size: number;
  crc?: number;
}

export function part(name: string, text: string | Buffer): RawPart {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** A zip of the parts; zip64: every size and offset in ZIP64 extra fields and a ZIP64 end record. */
export function zip(parts: RawPart[], zip64 = false): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(p.method ?? 8, 8);
    local.writeUInt32LE(p.crc ?? 0, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : p.data.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(zip64 ? 20 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(p.size), 4);
      extra.writeBigUInt64LE(BigInt(p.data.length), 12);
    }
    local.writeUInt16LE(extra.length, 28);
    chunks.push(local, name, extra, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(p.method ?? 8, 10);
    c.writeUInt32LE(p.crc ?? 0, 16);
    c.writeUInt32LE(zip64 ? 0xffffffff : p.data.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : p.size, 24);
    c.writeUInt16LE(name.length, 28);
    const cExtra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      cExtra.writeUInt16LE(1, 0);
      cExtra.writeUInt16LE(24, 2);
      cExtra.writeBigUInt64LE(BigInt(p.size), 4);
      cExtra.writeBigUInt64LE(BigInt(p.data.length), 12);
      cExtra.writeBigUInt64LE(BigInt(offset), 20);
    }
    c.writeUInt16LE(cExtra.length, 30);
    c.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(c, name, cExtra);
    offset += local.length + name.length + extra.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (zip64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(parts.length), 24);
    z.writeBigUInt64LE(BigInt(parts.length), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...chunks, cd, ...tail, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The fixed parts of a one-sheet workbook around the given sheet, shared strings and styles. */
export function workbookParts(opts: { sheet: RawPart | string; sharedStrings?: string[]; styles?: string; workbookPr?: string; main?: string; rel?: string }): RawPart[] {
  const main = opts.main ?? MAIN;
  const rel = opts.rel ?? REL;
  const parts = [
    part('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}">${opts.workbookPr ?? ''}<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    part('xl/styles.xml', opts.styles ?? `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    part('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${(opts.sharedStrings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`),
  ];
  parts.push(typeof opts.sheet === 'string' ? part('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}" xmlns:r="${rel}">${opts.sheet}</worksheet>`) : opts.sheet);
  return parts;
}
