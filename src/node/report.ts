/** banli report: the circular as a .docx (and optionally the flat-OPC package for insertOoxml). */
import {
  Analysis,
  BanliError,
  CircularOptions,
  SECTION_IDS,
  SectionId,
  composeCircular,
  defaultOptions,
  flatOpc,
  resolveOptions,
} from '../core';
import { docxBytes } from '../docx/zip';
import { writeFileAtomic } from './safeWrite';

export interface ReportInput {
  analysis: Analysis;
  asOf: string;
  /** Raw user input for the options (validated here). */
  options: Partial<Record<keyof CircularOptions, unknown>>;
}

export function circularOptions(input: ReportInput): CircularOptions {
  const year = input.options.year !== undefined ? Number(input.options.year) : Number(input.asOf.slice(0, 4));
  const base = defaultOptions(Number.isInteger(year) ? year : Number(input.asOf.slice(0, 4)), input.asOf);
  const resolved = resolveOptions(base, input.options);
  // The default title and number follow the year.
  if (input.options.title === undefined) resolved.title = defaultOptions(resolved.year, resolved.date).title;
  if (input.options.docNumber === undefined) resolved.docNumber = defaultOptions(resolved.year, resolved.date).docNumber;
  if (input.options.printDate === undefined) resolved.printDate = resolved.date;
  return resolved;
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
