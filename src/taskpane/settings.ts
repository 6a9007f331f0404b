/**
 * The circular's settings as the clerk types them: one form for the whole page (both tabs, and the download in
 * 检查台账). Fields the clerk has not typed in follow the ledger's year and the as-of day. An empty required field
 * is an error on that field, never silently replaced by a default.
 */
import { CircularOptions, CompositionNotes, Day, dayInWords, defaultOptions, parseDateInput, resolveOptions, validateDocNumber } from '../core';

export interface OptionsForm {
  year: string;
  mark: string;
  issuingBody: string;
  docNumber: string;
  title: string;
  addressees: string;
  date: string;
  copyTo: string;
  printingOffice: string;
  printDate: string;
}

export const FIELD_NAMES: Record<keyof OptionsForm, string> = {
  year: '年度',
  mark: '发文机关标志',
  issuingBody: '发文机关',
  docNumber: '发文字号',
  title: '标题',
  addressees: '主送机关',
  date: '成文日期',
  copyTo: '抄送',
  printingOffice: '印发机关',
  printDate: '印发日期',
};

export function formFrom(o: CircularOptions): OptionsForm {
  return {
    year: String(o.year),
    mark: o.mark,
    issuingBody: o.issuingBody,
    docNumber: o.docNumber,
    title: o.title,
    addressees: o.addressees,
    date: o.date,
    copyTo: o.copyTo.join('\n'),
    printingOffice: o.printingOffice,
    printDate: o.printDate,
  };
}

/**
 * The defaults for a year (the one typed in 年度, else the ledger's, else the as-of day's), the as-of day and the
 * issuing body and 成文日期 typed (another body than the reference's has its own 印发机关, 主送 and no 抄送 or number).
 */
export function defaultsFor(year: number | null, asOf: Day, issuingBody?: string, date?: Day): OptionsForm {
  // A 成文日期 typed: the 发文字号's year and the 印发日期 follow it.
  return formFrom(defaultOptions(year ?? Number(asOf.slice(0, 4)), date ?? asOf, issuingBody || undefined));
}

/** Untouched fields take the new defaults; typed ones stay. */
export function follow(form: OptionsForm, touched: ReadonlySet<keyof OptionsForm>, defaults: OptionsForm): OptionsForm {
  const next = { ...form };
  for (const k of Object.keys(defaults) as Array<keyof OptionsForm>) if (!touched.has(k)) next[k] = defaults[k];
  return next;
}

/** What is wrong with each field, in the clerk's words; empty when the form can be used. */
export function formErrors(form: OptionsForm): Partial<Record<keyof OptionsForm, string>> {
  const out: Partial<Record<keyof OptionsForm, string>> = {};
  for (const k of Object.keys(FIELD_NAMES) as Array<keyof OptionsForm>) {
    if (k !== 'copyTo' && form[k].trim() === '') out[k] = `请填写${FIELD_NAMES[k]}。`;
  }
  if (!out.year) {
    const t = form.year.trim();
    if (!/^\d{4}$/.test(t)) out.year = '年度写四位数字，例如 2021。';
    else if (yearOf(form) === null) out.year = `年度应在 ${YEARS.from} 到 ${YEARS.to} 之间，现在是 ${t}。`;
  }
  if (!out.docNumber) {
    const e = validateDocNumber(form.docNumber);
    if (e) out.docNumber = e;
  }
  for (const k of ['date', 'printDate'] as const) {
    if (out[k]) continue;
    const d = parseDateInput(form[k]);
    if (d.kind === 'invalid') out[k] = d.message;
  }
  return out;
}

/** The years a circular may be for (as the core accepts them). */
export const YEARS = { from: 2000, to: 2100 };

/** The year typed, when it is one the circular can be for; else null. */
export function yearOf(form: Pick<OptionsForm, 'year'>): number | null {
  const t = form.year.trim();
  const y = Number(t);
  return /^\d{4}$/.test(t) && y >= YEARS.from && y <= YEARS.to ? y : null;
}

/** The year written in a title (关于2021年度…) or a 发文字号 (郑政文〔2021〕84号), or null. */
function yearIn(text: string, k: 'title' | 'docNumber'): number | null {
  const m = k === 'title' ? /((?:19|20|21)\d{2})\s*年/.exec(text) : /〔\s*(\d{4})\s*〕/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * What may be wrong though the circular can be made: a year in the title or the 发文字号 (typed by hand) other than
 * 年度, a 成文日期 before the as-of day (the circular would be dated before the day its figures are as of), a 印发日期
 * before the 成文日期. Said at the field; nothing is refused for it.
 */
export function formWarnings(form: OptionsForm, asOf?: Day): Partial<Record<keyof OptionsForm, string>> {
  const out: Partial<Record<keyof OptionsForm, string>> = {};
  const year = yearOf(form);
  if (year !== null) {
    const inTitle = yearIn(form.title, 'title');
    if (inTitle !== null && inTitle !== year) out.title = `标题中写的是 ${inTitle} 年，年度是 ${year} 年，请核对。`;
  }
  const date = parseDateInput(form.date);
  // The 发文字号's year is the year it is signed (成文日期), whatever year the circular reports on.
  const inNumber = yearIn(form.docNumber, 'docNumber');
  const signed = date.kind === 'ok' ? Number(date.day.slice(0, 4)) : null;
  if (inNumber !== null && signed !== null && inNumber !== signed) out.docNumber = `发文字号中的年份是 ${inNumber}，成文日期在 ${signed} 年，请核对（字号中写发文的年份）。`;
  if (asOf && date.kind === 'ok' && date.day < asOf) out.date = `成文日期早于截至日期（${dayInWords(asOf)}），通报中的数字截至那一天，请核对。`;
  const print = parseDateInput(form.printDate);
  if (date.kind === 'ok' && print.kind === 'ok' && print.day < date.day) out.printDate = `印发日期早于成文日期（${dayInWords(date.day)}），请核对。`;
  return out;
}

/** The form as options; throws nothing: callers check formErrors first. */
export function optionsFrom(form: OptionsForm): CircularOptions {
  const day = (t: string) => {
    const d = parseDateInput(t);
    return d.kind === 'ok' ? d.day : t;
  };
  const base = defaultOptions(Number(form.year), day(form.date));
  return resolveOptions(base, { ...form, date: day(form.date), printDate: day(form.printDate) });
}

/** The first error as one sentence naming its field, for a message beside a button. */
export function firstError(errors: Partial<Record<keyof OptionsForm, string>>): string | null {
  const k = (Object.keys(FIELD_NAMES) as Array<keyof OptionsForm>).find((x) => errors[x]);
  return k ? `通报设置中“${FIELD_NAMES[k]}”有误：${errors[k]}` : null;
}

/**
 * What the circular made of the 表扬单位 given in 设置, for the message after it is made: the units left out because
 * the ledger's check found problems with them, the names that are no unit of the ledger or its list (a typo), and
 * that the whole sentence on 办理较好的单位 is left out when none is left. Empty when nothing was left out.
 */
export function praiseText(notes: Pick<CompositionNotes, 'praised' | 'praisedDropped' | 'praisedUnknown'>): string {
  const { praised, praisedDropped: dropped, praisedUnknown: unknown } = notes;
  if (!dropped.length && !unknown.length) return '';
  const parts: string[] = [];
  if (dropped.length) parts.push(`设置中的表扬单位${dropped.join('、')}有台账核对发现的问题，没有列入办理较好的单位。`);
  if (unknown.length) parts.push(`${unknown.map((u) => `“${u}”`).join('、')}不是台账或承办单位名单中的单位（是否写错了？），没有列入。`);
  if (!praised.length) parts.push('设置中的表扬单位都没有列入，通报中没有“办理较好的单位”这句话。');
  return parts.join('');
}
