/** banli report: the circular as a .docx (and optionally the flat-OPC package for insertOoxml). */
import {
  Analysis,
  BanliError,
  CircularOptions,
  SECTION_IDS,
  SectionId,
  composeCircular,
  circularWarnings,
  TEMPLATE_KEYS,
  checkTemplate,
  compositionNotes,
  defaultOptions,
  ledgerYear,
  flatOpc,
  nextWorkingDay,
  parseTemplate,
  resolveOptions,
} from '../core';
import { docxBytes } from '../docx/zip';
import JSZip from 'jszip';
import * as path from 'path';
import { writeFileAtomic } from './safeWrite';
import { addOptions } from './options';
import { readBytes } from './workbook';

// The circular's own options (README, “The circular”): the template, the wording switches, 印发日期, errors accepted.
addOptions([
  { name: 'template', value: true, commands: ['report'], path: { role: 'input', what: '通报模板' } },
  ...['issue-date', 'problem-units', 'signature'].map((name) => ({ name, value: true, commands: ['report' as const] })),
  ...['accept-errors', 'no-grade-shares', 'satisfaction-together', 'no-forms-returned', 'no-inter-session', 'attachment', 'no-seal'].map(
    (name) => ({ name, value: false, commands: ['report' as const] }),
  ),
]);

export interface ReportInput {
  analysis: Analysis;
  asOf: string;
  /** Raw user input for the options (validated here). */
  options: Partial<Record<keyof CircularOptions, unknown>>;
}

/** The year the circular reports on: --year, else the year most items were assigned in, else the as-of day's. */
function reportYear(input: ReportInput): number {
  const asOfYear = Number(input.asOf.slice(0, 4));
  if (input.options.year !== undefined) {
    const y = Number(input.options.year);
    return Number.isInteger(y) ? y : asOfYear;
  }
  return ledgerYear(input.analysis.ledger.items) ?? asOfYear;
}

export function circularOptions(input: ReportInput): CircularOptions {
  const year = reportYear(input);
  const base = defaultOptions(year, input.asOf);
  const resolved = resolveOptions(base, { ...input.options, year: input.options.year ?? year });
  // The default number follows the signing year and the issuing body (the title the year and the body: resolveOptions).
  if (input.options.docNumber === undefined) resolved.docNumber = defaultOptions(resolved.year, resolved.date, resolved.issuingBody).docNumber;
  if (input.options.printDate === undefined) resolved.printDate = nextWorkingDay(resolved.date);
  return resolved;
}

/** What the circular took from the defaults that a clerk must check (the reference's number, 主送, 抄送, 印发机关). */
export function defaultsUsed(input: ReportInput, o: CircularOptions = circularOptions(input)): string[] {
  const given = (k: keyof CircularOptions) => input.options[k] !== undefined;
  const out: string[] = [];
  if (!given('docNumber')) {
    out.push(
      /〔\d{4}〕\d+号$/.test(o.docNumber) && !/^〔/.test(o.docNumber)
        ? `发文字号用的是参考通报的“${o.docNumber}”：请用 --doc-number 写上这份通报的字号。`
        : `发文字号的机关代字和序号留空了（“${o.docNumber.trim()}”）：请用 --doc-number 写上，或在 Word 中填写。`,
    );
  }
  const reference = defaultOptions(o.year, o.date);
  const same = (['addressees', 'copyTo', 'printingOffice'] as const).filter((k) => !given(k) && JSON.stringify(o[k]) === JSON.stringify(reference[k]));
  if (same.length) {
    const names = { addressees: '主送（--addressees）', copyTo: '抄送（--copy-to）', printingOffice: '印发机关（--printing-office）' };
    out.push(`${same.map((k) => names[k]).join('、')}用的是参考通报（${reference.issuingBody}）的写法，请核对。`);
  }
  if (!given('year') && o.year !== Number(input.asOf.slice(0, 4))) out.push(`年度按台账的交办日期取为 ${o.year} 年（--year 可改）。`);
  if (o.printDate < o.date) out.push(`印发日期 ${o.printDate} 早于成文日期 ${o.date}，请核对（--issue-date、--date）。`);
  const numberYear = /〔(\d{4})〕/.exec(o.docNumber)?.[1];
  if (given('docNumber') && numberYear && numberYear !== o.date.slice(0, 4)) {
    out.push(`发文字号中的年份是 ${numberYear}，成文日期在 ${o.date.slice(0, 4)} 年，请核对（字号中写发文的年份）。`);
  }
  return out;
}

/** --prose wording checked as a template is: an unknown paragraph name or placeholder, or an unclosed [[. */
export function checkProse(prose: Record<string, string>, file: string): void {
  for (const [k, v] of Object.entries(prose)) {
    if (!(TEMPLATE_KEYS as readonly string[]).includes(k)) {
      throw new BanliError('bad-option', `--prose 文件 ${file} 中不认识的段落名“${k}”。可用的段落名：${TEMPLATE_KEYS.join('、')}。`);
    }
    checkTemplate(v, `--prose 文件 ${file} 的“${k}”`);
  }
}

/**
 * The clerk's wording: a plain-text template ([key] then the paragraph, see templates/通报模板.txt) or a .docx
 * whose paragraphs are the same lines. Unreadable files and unknown keys or placeholders are Chinese errors.
 */
export async function readTemplate(file: string): Promise<Record<string, string>> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await readBytes(file);
  } catch {
    throw new BanliError('bad-option', `模板文件“${name}”无法读取：请检查路径。`);
  }
  let text: string;
  if (/\.docx$/i.test(file)) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
        .map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
        .join('\n');
    } catch {
      throw new BanliError('bad-option', `模板文件“${name}”不是有效的 Word 文档（.docx）：请用 Word 或 WPS 另存为 .docx，或改用纯文本模板。`);
    }
  } else {
    text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) throw new BanliError('bad-option', `模板文件“${name}”不是 UTF-8 编码的文本：请另存为 UTF-8。`);
  }
  return parseTemplate(text, `模板文件“${name}”`);
}

/** What to tell the clerk with the document: error findings touching the figures, and praise withheld. */
export function reportNotes(input: ReportInput): { warnings: ReturnType<typeof circularWarnings>; praisedDropped: string[]; praisedUnknown: string[]; defaults: string[] } {
  const options = circularOptions(input);
  const notes = compositionNotes(input.analysis, options, input.asOf);
  return {
    warnings: circularWarnings(input.analysis),
    praisedDropped: notes.praisedDropped,
    praisedUnknown: notes.praisedUnknown,
    defaults: defaultsUsed(input, options),
  };
}

export async function writeCircular(input: ReportInput, docxPath: string): Promise<{ bytes: number }> {
  const options = circularOptions(input);
  const circular = composeCircular(input.analysis, options, input.asOf);
  const bytes = await docxBytes(circular, options.date);
  await writeFileAtomic(docxPath, bytes);
  return { bytes: bytes.length };
}

export function parseSections(text: string): SectionId[] {
  const ids = text.split(/[,，\s]+/).filter(Boolean);
  for (const id of ids) {
    if (!(SECTION_IDS as readonly string[]).includes(id)) {
      throw new BanliError('bad-option', `不认识的部分“${id}”。可选：${SECTION_IDS.join('、')}。`);
    }
  }
  return ids as SectionId[];
}

export async function writeFlatOpc(input: ReportInput, file: string, sections?: SectionId[]): Promise<void> {
  const circular = composeCircular(input.analysis, circularOptions(input), input.asOf);
  await writeFileAtomic(file, flatOpc(circular, sections));
}
