/**
 * The annotated copy: the original package patched at the XML level, so nothing of the workbook is lost
 * (values, formulas, dropdowns, formatting, charts stay as they were). Added: a fill per severity on each problem
 * cell (a new cell format cloned from the cell's own), a note naming the rule and the fix, and a sheet 检查结果
 * listing the findings with links to their cells. Bytes in, bytes out: the input is never written. Works in Node
 * and in the browser.
 */

/** Package paths are POSIX-style and relative to a part's folder. */
const posix = {
  dirname: (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/'))) || '.',
  basename: (p: string) => p.slice(p.lastIndexOf('/') + 1),
  join: (...parts: string[]) => posix.normalize(parts.filter((x) => x && x !== '.').join('/')),
  normalize: (p: string) => {
    const out: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return out.join('/');
  },
  relative: (from: string, to: string) => {
    const a = posix.normalize(from).split('/').filter(Boolean);
    const b = posix.normalize(to).split('/');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
};
import type JSZip from 'jszip';
import { strFromU8 } from 'fflate';
import { ZipEntry, inflateEntry, readEntries } from './reader/zip';
import { Analysis, BanliError, Finding, Severity, columnLetter, columnNumber, escapeXml, findingNote, guardFormula, ruleTitle } from '../core';

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告' };
/** The package's namespaces: transitional, or Strict Open XML (http://purl.oclc.org/ooxml/…), kept as found. */
interface Ns {
  main: string;
  rel: string;
}
const TRANSITIONAL: Ns = { main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships' };
const STRICT: Ns = { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };
const MAIN_NAMESPACES = [TRANSITIONAL.main, STRICT.main];
const REL_NAMESPACES = [TRANSITIONAL.rel, STRICT.rel];
const reEscape = (s: string) => s.replace(/[/.]/g, '\\$&');

/**
 * The prefix the root element binds to the relationships namespace (either flavour); when it binds none, a free
 * prefix is declared on the root (never a second xmlns:r).
 */
function relPrefix(xml: string, root: string, ns: Ns): { xml: string; prefix: string } {
  const open = new RegExp(`<${root}\\b[^>]*>`).exec(xml);
  if (!open) return { xml, prefix: 'r' };
  for (const uri of REL_NAMESPACES) {
    const m = new RegExp(`\\sxmlns:([\\w.-]+)="${reEscape(uri)}"`).exec(open[0]);
    if (m) return { xml, prefix: m[1] };
  }
  let prefix = 'r';
  for (let n = 1; new RegExp(`\\sxmlns:${prefix}=`).test(open[0]); n++) prefix = `r${n}`;
  return { xml: xml.replace(new RegExp(`<${root}\\b`), `<${root} xmlns:${prefix}="${ns.rel}"`), prefix };
}

/**
 * Parts that bind SpreadsheetML to a prefix (<x:worksheet xmlns:x="…">, as some generators write) are rewritten
 * with it as the default namespace, so the patches below see <c>, <row>, <sheetData>. Same content, same meaning.
 */
async function unprefixParts(zip: JSZip): Promise<void> {
  // Generators that prefix do so from the workbook part on; a workbook without a prefix needs no pass.
  const wb = (await text(zip, 'xl/workbook.xml')) ?? '';
  if (!MAIN_NAMESPACES.some((uri) => new RegExp(`xmlns:[\\w.-]+="${reEscape(uri)}"`).test(wb))) return;
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/^xl\/.*\.xml$/i.test(file.name)) continue;
    const xml = await file.async('string');
    for (const uri of MAIN_NAMESPACES) {
      const p = new RegExp(`xmlns:([\\w.-]+)="${reEscape(uri)}"`).exec(xml)?.[1];
      if (!p) continue;
      const hasDefault = new RegExp(`\\sxmlns="`).test(xml);
      let out = xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1');
      out = out.replace(new RegExp(`xmlns:${p}="${reEscape(uri)}"`), hasDefault ? '' : `xmlns="${uri}"`);
      zip.file(file.name, out);
      break;
    }
  }
}
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_CUSTOM = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const REL_CUSTOM = `${TRANSITIONAL.rel}/custom-properties`;
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
/** The custom document property that marks a package as Banli's annotated copy. */
export const BANLI_MARKER = 'BanliAnnotated';

/** Excel's limit on the text of a cell (and of a note), in UTF-16 code units. */
export const CELL_LIMIT = 32767;
export const TRUNCATED = '……（已截断）';

/** Text cut to fit a cell or note (limit code units at most), ending with ……（已截断） when cut. */
export function fitCell(s: string, limit = CELL_LIMIT): string {
  if (s.length <= limit) return s;
  let end = Math.max(0, limit - TRUNCATED.length);
  // Never split a surrogate pair.
  if (end > 0 && /[\ud800-\udbff]/.test(s[end - 1])) end--;
  return s.slice(0, end) + TRUNCATED;
}

interface CellMark {
  row: number;
  col: number;
  severity: Severity;
  notes: string[];
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(base), target));
}

function relsPath(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

async function text(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f ? f.async('string') : null;
}

/** Sheet name → part path, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await text(zip, 'xl/workbook.xml')) ?? '';
  const rels = (await text(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, resolveTarget('xl/workbook.xml', target));
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = attr(m[0], 'name');
    const rid = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    if (name && rid && targets.has(rid)) out.set(unescapeXml(name), targets.get(rid)!);
  }
  return out;
}

/** Adds the fills and cloned cell formats; returns (original style, severity) → new style index. */
function patchStyles(styles: string, needed: Array<[number, Severity]>): { xml: string; map: Map<string, number>; quoted: number } {
  const fillsM = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles);
  const xfsM = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!fillsM || !xfsM) throw new BanliError('unsupported-format', '工作簿的样式部分不完整，无法标注。');
  const fillCount = (fillsM[1].match(/<fill\b/g) ?? []).length;
  const fillId: Record<Severity, number> = { error: fillCount, warning: fillCount + 1 };
  const newFills =
    fillsM[1] +
    (['error', 'warning'] as Severity[])
      .map((s) => `<fill><patternFill patternType="solid"><fgColor rgb="${FILL[s]}"/><bgColor indexed="64"/></patternFill></fill>`)
      .join('');
  const xfs = [...xfsM[1].matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);
  const map = new Map<string, number>();
  const added: string[] = [];
  const setAttr = (xf: string, name: string, value: string) => {
    const open = /^<xf\b[^>]*?(\/?)>/.exec(xf)![0];
    const without = open.replace(new RegExp(`\\s${name}="[^"]*"`), '');
    const patched = without.replace(/^<xf\b/, `<xf ${name}="${value}"`);
    return patched + xf.slice(open.length);
  };
  for (const [style, severity] of needed) {
    const key = `${style}:${severity}`;
    if (map.has(key)) continue;
    let xf = xfs[style] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    xf = setAttr(setAttr(xf, 'fillId', String(fillId[severity])), 'applyFill', '1');
    map.set(key, xfs.length + added.length);
    added.push(xf);
  }
  // One more: plain text that must never be read as a formula (Excel's own quote prefix).
  const quoted = xfs.length + added.length;
  added.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>');
  const xml = styles
    .replace(fillsM[0], fillsM[0].replace(fillsM[1], newFills).replace(/(<fills\b[^>]*count=")\d+"/, `$1${fillCount + 2}"`))
    .replace(xfsM[0], () => {
      const body = xfsM[1] + added.join('');
      return xfsM[0].replace(xfsM[1], () => body).replace(/(<cellXfs\b[^>]*count=")\d+"/, `$1${xfs.length + added.length}"`);
    });
  return { xml, map, quoted };
}

/** Sets the style of the marked cells, adding empty cells (and rows) where the sheet has none. */
function patchSheetCells(sheet: string, marks: Map<string, CellMark>, styleOf: (orig: number, sev: Severity) => number): string {
  const seen = new Set<string>();
  let xml = sheet.replace(/<c\b([^>]*?)(\/?)>/g, (tag, attrs: string, selfClose: string) => {
    const ref = /\sr="([A-Z]+\d+)"/.exec(tag)?.[1];
    const mark = ref ? marks.get(ref) : undefined;
    if (!ref || !mark) return tag;
    seen.add(ref);
    const orig = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const s = styleOf(orig, mark.severity);
    const rest = attrs.replace(/\ss="\d+"/, '');
    return `<c${rest} s="${s}"${selfClose}>`;
  });
  const missing = [...marks.entries()].filter(([ref]) => !seen.has(ref));
  if (!missing.length) return xml;
  const byRow = new Map<number, Array<[string, CellMark]>>();
  for (const e of missing) {
    const list = byRow.get(e[1].row) ?? [];
    list.push(e);
    byRow.set(e[1].row, list);
  }
  const cellXml = (ref: string, m: CellMark) => `<c r="${ref}" s="${styleOf(0, m.severity)}"/>`;
  const insertIntoRow = (content: string, cells: Array<[string, CellMark]>) => {
    let out = content;
    for (const [ref, m] of cells.sort((a, b) => a[1].col - b[1].col)) {
      let pos = out.length;
      for (const cm of out.matchAll(/<c\b[^>]*\sr="([A-Z]+)\d+"/g)) {
        if (columnNumber(cm[1]) > m.col) {
          pos = cm.index!;
          break;
        }
      }
      out = out.slice(0, pos) + cellXml(ref, m) + out.slice(pos);
    }
    return out;
  };
  const done = new Set<number>();
  xml = xml.replace(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (tag, attrs: string, content: string | undefined) => {
    const r = Number(/\sr="(\d+)"/.exec(attrs)?.[1]);
    const cells = byRow.get(r);
    if (!cells) return tag;
    done.add(r);
    return `<row${attrs}>${insertIntoRow(content ?? '', cells)}</row>`;
  });
  const rowsLeft = [...byRow.keys()].filter((r) => !done.has(r)).sort((a, b) => a - b);
  for (const r of rowsLeft) {
    const rowXml = `<row r="${r}">${insertIntoRow('', byRow.get(r)!)}</row>`;
    let pos = -1;
    for (const rm of xml.matchAll(/<row\b[^>]*\sr="(\d+)"/g)) {
      if (Number(rm[1]) > r) {
        pos = rm.index!;
        break;
      }
    }
    if (pos < 0) {
      xml = /<sheetData\s*\/>/.test(xml) ? xml.replace(/<sheetData\s*\/>/, `<sheetData>${rowXml}</sheetData>`) : xml.replace('</sheetData>', `${rowXml}</sheetData>`);
    } else xml = xml.slice(0, pos) + rowXml + xml.slice(pos);
  }
  return xml;
}

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="IDMAP"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>' +
  '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlShape(id: number, row: number, col: number): string {
  const r0 = row - 1;
  const c0 = col - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c0 + 1}, 15, ${Math.max(0, r0 - 1)}, 2, ${c0 + 5}, 15, ${r0 + 4}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
  );
}

function commentXml(ref: string, notes: string[]): string {
  return `<comment ref="${ref}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(fitCell(`办理助手：\n${notes.join('\n')}`))}</t></r></text></comment>`;
}

/** The length of the text already in a note (its runs' text, unescaped). */
function noteTextLength(commentInner: string): number {
  return [...commentInner.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].reduce((n, m) => n + unescapeXml(m[1]).length, 0);
}

function uniqueName(zip: JSZip, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!zip.file(pattern(n))) return pattern(n);
}

function addOverride(ct: string, part: string, type: string): string {
  if (ct.includes(`PartName="/${part}"`)) return ct;
  return ct.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

function nextRelId(rels: string): string {
  const ids = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  for (let n = 1; ; n++) if (!ids.has(`rIdBanli${n}`)) return `rIdBanli${n}`;
}

/** Adds the notes to a sheet: a new comments part and VML drawing, or appended to the sheet's existing ones. */
async function addNotes(zip: JSZip, sheetPart: string, sheetXml: string, marks: Map<string, CellMark>, idmap: number, ctIn: string, ns: Ns): Promise<{ sheetXml: string; ct: string }> {
  let ct = ctIn;
  const relsName = relsPath(sheetPart);
  let rels = (await text(zip, relsName)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const relTags = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const commentsRel = relTags.find((t) => /\/comments"/.test(t));
  const vmlRel = relTags.find((t) => /\/vmlDrawing"/.test(t));
  const entries = [...marks.entries()].filter(([, m]) => m.notes.length);
  if (commentsRel && vmlRel) {
    const cPart = resolveTarget(sheetPart, attr(commentsRel, 'Target')!);
    const vPart = resolveTarget(sheetPart, attr(vmlRel, 'Target')!);
    let comments = (await text(zip, cPart))!;
    let vml = (await text(zip, vPart))!;
    const authors = [...comments.matchAll(/<author>/g)].length;
    comments = comments.replace('</authors>', '<author>办理助手</author></authors>');
    let shapeId = 1024 * idmap + 1;
    for (const [ref, m] of entries) {
      const existing = new RegExp(`<comment ref="${ref}"[^>]*>([\\s\\S]*?)</text>`).exec(comments);
      const room = CELL_LIMIT - (existing ? noteTextLength(existing[1]) : 0);
      const runXml = `<r><t xml:space="preserve">${escapeXml(fitCell(`\n办理助手：\n${m.notes.join('\n')}`, Math.max(TRUNCATED.length, room)))}</t></r>`;
      if (existing) comments = comments.replace(existing[0], existing[0].replace(/<\/text>$/, `${runXml}</text>`));
      else {
        comments = comments.replace('</commentList>', commentXml(ref, m.notes).replace('authorId="0"', `authorId="${authors}"`) + '</commentList>');
        vml = vml.replace(/<\/xml>\s*$/, `${vmlShape(shapeId++, m.row, m.col)}</xml>`);
      }
    }
    zip.file(cPart, comments);
    zip.file(vPart, vml);
    return { sheetXml, ct };
  }
  const cPart = uniqueName(zip, (n) => `xl/comments${n}.xml`);
  const vPart = uniqueName(zip, (n) => `xl/drawings/vmlDrawing${n}.vml`);
  zip.file(
    cPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${ns.main}"><authors><author>办理助手</author></authors><commentList>` +
      entries.map(([ref, m]) => commentXml(ref, m.notes)).join('') +
      '</commentList></comments>',
  );
  zip.file(vPart, VML_HEAD.replace('IDMAP', String(idmap)) + entries.map(([, m], i) => vmlShape(1024 * idmap + 1 + i, m.row, m.col)).join('') + '</xml>');
  const cId = nextRelId(rels);
  rels = rels.replace('</Relationships>', `<Relationship Id="${cId}" Type="${ns.rel}/comments" Target="${posix.relative(posix.dirname(sheetPart), cPart)}"/></Relationships>`);
  const vId = nextRelId(rels);
  rels = rels.replace('</Relationships>', `<Relationship Id="${vId}" Type="${ns.rel}/vmlDrawing" Target="${posix.relative(posix.dirname(sheetPart), vPart)}"/></Relationships>`);
  zip.file(relsName, rels);
  ct = addOverride(ct, cPart, CT_COMMENTS);
  if (!/Extension="vml"/i.test(ct)) ct = ct.replace('</Types>', `<Default Extension="vml" ContentType="${CT_VML}"/></Types>`);
  // legacyDrawing goes after drawing and before legacyDrawingHF, picture, oleObjects, controls, webPublishItems, tableParts, extLst.
  const { xml: declared, prefix } = relPrefix(sheetXml, 'worksheet', ns);
  let xml = declared;
  const tag = `<legacyDrawing ${prefix}:id="${vId}"/>`;
  const after = /<(legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
  xml = after ? xml.slice(0, after.index) + tag + xml.slice(after.index) : xml.replace('</worksheet>', `${tag}</worksheet>`);
  return { sheetXml: xml, ct };
}

function inlineCell(ref: string, value: string, quotedStyle: number): string {
  const g = guardFormula(fitCell(value));
  return `<c r="${ref}" t="inlineStr"${g.quoted ? ` s="${quotedStyle}"` : ''}><is><t xml:space="preserve">${escapeXml(g.text)}</t></is></c>`;
}

/** The 检查结果 sheet: a row per finding, with an internal link to its cell. */
function resultsSheet(findings: Finding[], quoted: number, ns: Ns): string {
  const head = ['序号', '严重程度', '问题类型', '单元格', '主办单位', '问题', '建议'];
  const rows: string[] = [];
  const links: string[] = [];
  const row = (r: number, values: string[]) =>
    `<row r="${r}">${values.map((v, i) => inlineCell(`${columnLetter(i + 1)}${r}`, v, quoted)).join('')}</row>`;
  rows.push(row(1, head));
  findings.forEach((f, i) => {
    const r = i + 2;
    rows.push(row(r, [String(i + 1), SEVERITY_TEXT[f.severity], ruleTitle(f.rule), f.cell ?? '（整表）', f.unit ?? '', f.message, f.suggestion ?? '']));
    if (f.cell && f.row !== null && f.col !== null) {
      const location = `'${f.sheet.replace(/'/g, "''")}'!${columnLetter(f.col)}${f.row}`;
      links.push(`<hyperlink ref="D${r}" location="${escapeXml(location)}" display="${escapeXml(f.cell)}"/>`);
    }
  });
  const widths = [6, 8, 26, 14, 18, 60, 40];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '</worksheet>'
  );
}

/** The custom-properties part the package's root relationships name, if any. */
async function customPart(zip: JSZip): Promise<{ part: string | null; rels: string | null }> {
  const rels = await text(zip, '_rels/.rels');
  const tag = rels ? [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => /\/custom-properties$|\/customProperties$/.test(attr(t, 'Type') ?? '')) : undefined;
  const target = tag ? attr(tag, 'Target') : null;
  return { part: target ? resolveTarget('', target) : null, rels };
}

/**
 * Marks the package as Banli's annotated copy: a custom document property (File → Properties → Custom in Excel),
 * added to the workbook's own custom properties if it has some.
 */
async function addMarker(zip: JSZip, ctIn: string): Promise<string> {
  let ct = ctIn;
  const { part, rels } = await customPart(zip);
  const value = `<vt:lpwstr xmlns:vt="${VT_NS}">办理助手标注副本</vt:lpwstr>`;
  const existing = part ? await text(zip, part) : null;
  if (part && existing !== null) {
    if (existing.includes(`name="${BANLI_MARKER}"`)) return ct;
    const pids = [...existing.matchAll(/\spid="(\d+)"/g)].map((m) => Number(m[1]));
    const close = /<\/((?:\w+:)?)Properties>\s*$/.exec(existing);
    const selfClosed = /<((?:\w+:)?)Properties\b([^>]*)\/>\s*$/.exec(existing);
    const prefix = (close ?? selfClosed)?.[1] ?? '';
    const prop = `<${prefix}property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${Math.max(1, ...pids) + 1}" name="${BANLI_MARKER}">${value}</${prefix}property>`;
    const xml = close
      ? existing.slice(0, close.index) + prop + existing.slice(close.index)
      : selfClosed
        ? existing.slice(0, selfClosed.index) + `<${prefix}Properties${selfClosed[2]}>${prop}</${prefix}Properties>`
        : null;
    if (xml) {
      zip.file(part, xml);
      return ct;
    }
  }
  const name = part && existing === null ? part : uniqueName(zip, (n) => (n === 1 ? 'docProps/custom.xml' : `docProps/custom${n}.xml`));
  zip.file(
    name,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${BANLI_MARKER}">${value}</property></Properties>`,
  );
  ct = addOverride(ct, name, CT_CUSTOM);
  if (!part) {
    const base = rels ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const close = /<\/((?:\w+:)?)Relationships>\s*$/.exec(base);
    const prefix = close?.[1] ?? '';
    const rel = `<${prefix}Relationship Id="${nextRelId(base)}" Type="${REL_CUSTOM}" Target="${name}"/>`;
    zip.file('_rels/.rels', close ? base.slice(0, close.index) + rel + base.slice(close.index) : base);
  }
  return ct;
}

/** One small part's text straight from the zip's bytes (null when absent or larger than a megabyte). */
function smallPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string): string | null {
  // Part names are case-insensitive: the reader keys them lower-cased.
  const entry = entries.get(name.toLowerCase()) ?? entries.get(name);
  if (!entry) return null;
  const chunks: Uint8Array[] = [];
  inflateEntry(bytes, entry, 1 << 20, (c) => chunks.push(c.slice()));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return strFromU8(all);
}

/**
 * Whether these bytes are an annotated copy Banli wrote (its custom property); false for anything unreadable.
 * Only the package relationships and the custom-properties part are inflated, so this costs little on any workbook.
 */
export async function isBanliAnnotated(bytes: Uint8Array): Promise<boolean> {
  try {
    const entries = readEntries(bytes);
    const rels = smallPart(bytes, entries, '_rels/.rels');
    const tag = rels ? [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => /\/custom-?[pP]roperties$/.test(attr(t, 'Type') ?? '')) : undefined;
    const target = tag ? attr(tag, 'Target') : null;
    const xml = smallPart(bytes, entries, target ? resolveTarget('', target) : 'docProps/custom.xml');
    return xml !== null && new RegExp(`<(?:\\w+:)?property\\b[^>]*\\sname="${BANLI_MARKER}"`).test(xml);
  } catch {
    return false;
  }
}

/** The annotated copy's file name: `<name>（已标注）.xlsx`, or .xlsm for a macro workbook (its content type is kept). */
export function annotatedFileName(name: string, n = 1): string {
  const ext = /\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx';
  const base = name.replace(/\.(xlsx|xlsm)$/i, '');
  return `${base}（已标注${n > 1 ? n : ''}）${ext}`;
}

/** Patches a copy of the workbook (the input bytes are not changed); returns the copy's bytes. */
export async function annotateBuffer(buf: Uint8Array, a: Analysis): Promise<Uint8Array> {
  // JSZip is loaded only when a copy is made: `banli check` without --annotate never pays for it.
  const { default: Zip } = await import('jszip');
  const zip = await Zip.loadAsync(buf);
  await unprefixParts(zip);
  const ns = ((await text(zip, 'xl/workbook.xml')) ?? '').includes(STRICT.main) ? STRICT : TRANSITIONAL;
  const parts = await sheetParts(zip);
  let ct = (await text(zip, '[Content_Types].xml')) ?? '';
  const stylesPart = 'xl/styles.xml';
  const styles = (await text(zip, stylesPart)) ?? '';
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const f of a.findings) {
    if (f.row === null || f.col === null) continue;
    const marks = bySheet.get(f.sheet) ?? new Map<string, CellMark>();
    const ref = `${columnLetter(f.col)}${f.row}`;
    const m = marks.get(ref) ?? { row: f.row, col: f.col, severity: f.severity, notes: [] };
    if (f.severity === 'error') m.severity = 'error';
    m.notes.push(findingNote(f));
    marks.set(ref, m);
    bySheet.set(f.sheet, marks);
  }
  // Which (style, severity) pairs are needed, from the cells' current styles.
  const sheetXmls = new Map<string, string>();
  const needed: Array<[number, Severity]> = [];
  for (const [sheet, marks] of bySheet) {
    const part = parts.get(sheet);
    if (!part) continue;
    const xml = (await text(zip, part))!;
    sheetXmls.set(sheet, xml);
    const styleOf = new Map<string, number>();
    for (const m of xml.matchAll(/<c\b[^>]*\sr="([A-Z]+\d+)"[^>]*>/g)) {
      if (marks.has(m[1])) styleOf.set(m[1], Number(/\ss="(\d+)"/.exec(m[0])?.[1] ?? 0));
    }
    for (const [ref, mark] of marks) needed.push([styleOf.get(ref) ?? 0, mark.severity]);
  }
  const patched = patchStyles(styles, needed);
  zip.file(stylesPart, patched.xml);
  let idmap = 100;
  for (const [sheet, marks] of bySheet) {
    const part = parts.get(sheet);
    if (!part) continue;
    let xml = patchSheetCells(sheetXmls.get(sheet)!, marks, (orig, sev) => patched.map.get(`${orig}:${sev}`) ?? patched.map.get(`0:${sev}`)!);
    const notes = await addNotes(zip, part, xml, marks, idmap++, ct, ns);
    xml = notes.sheetXml;
    ct = notes.ct;
    zip.file(part, xml);
  }
  // The 检查结果 sheet, last.
  const names = new Set(parts.keys());
  let name = '检查结果';
  for (let n = 2; names.has(name); n++) name = `检查结果（${n}）`;
  const sheetPart = uniqueName(zip, (n) => `xl/worksheets/sheet${n}.xml`);
  zip.file(sheetPart, resultsSheet(a.findings, patched.quoted, ns));
  ct = addOverride(ct, sheetPart, CT_SHEET);
  let wbRels = (await text(zip, 'xl/_rels/workbook.xml.rels'))!;
  const rid = nextRelId(wbRels);
  wbRels = wbRels.replace('</Relationships>', `<Relationship Id="${rid}" Type="${ns.rel}/worksheet" Target="${posix.relative('xl', sheetPart)}"/></Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  const declared = relPrefix((await text(zip, 'xl/workbook.xml'))!, 'workbook', ns);
  let wb = declared.xml;
  const ids = [...wb.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  wb = wb.replace('</sheets>', `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" ${declared.prefix}:id="${rid}"/></sheets>`);
  zip.file('xl/workbook.xml', wb);
  ct = await addMarker(zip, ct);
  zip.file('[Content_Types].xml', ct);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
