/** The circular's options: the reference circular's header, addressees and colophon are the defaults. */
import { BanliError } from '../errors';
import { Day, parseDay } from '../dates';

export interface CircularOptions {
  year: number;
  /** 发文机关标志, e.g. 郑州市人民政府文件. */
  mark: string;
  /** 发文机关 in the title. */
  issuingBody: string;
  /** 发文字号, e.g. 郑政文〔2021〕84号. */
  docNumber: string;
  /** The title; lines may be given with \n, else it is split into a trapezoid or diamond. */
  title: string;
  addressees: string;
  /** 成文日期. */
  date: Day;
  /** 抄送 lines (without 抄送：). */
  copyTo: string[];
  printingOffice: string;
  printDate: Day;
  /** When units still to set up the reception day must do so, e.g. 9月底. */
  receptionDeadline: string;
  /** Units praised, overriding the documented rule (see selectPraisedUnits). */
  praisedUnits?: string[];
  /** At most this many praised units are named by the rule. */
  maxPraised: number;
  /** Prose paragraphs by key, overriding the default wording (see prose.ts). */
  prose: Record<string, string>;
  /** Problems name their units with counts ('named') or say 少数单位/个别单位 ('vague'). */
  problemUnits?: 'named' | 'vague';
  /** Grades with their share of the replies (A类876件，占64.0%). */
  gradeShares?: boolean;
  /** 满意 and 基本满意 given apart (else together). */
  satisfactionApart?: boolean;
  /** The number of feedback forms returned. */
  formsReturned?: boolean;
  /** Inter-session items: how many are replied and how many still open. */
  interSessionOpen?: boolean;
  /** 附件: the per-unit table after the body. */
  attachment?: boolean;
  /** 发文机关署名 (default: issuingBody). */
  signature?: string;
  /** With the seal layout (署名 and date centred on each other, room for the seal) or without (§7.3.5.2). */
  seal?: boolean;
}

/** The switches' defaults. */
export const SWITCH_DEFAULTS = {
  problemUnits: 'vague' as 'named' | 'vague',
  gradeShares: true,
  satisfactionApart: true,
  formsReturned: true,
  interSessionOpen: true,
  attachment: false,
  seal: true,
};

/** The next working day (Monday to Friday) after a day: the default 印发日期. Public holidays are not known. */
export function nextWorkingDay(day: Day): Day {
  const d = new Date(`${day}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

/** The title for an issuing body and a year, in the reference's three lines. */
export function defaultTitle(issuingBody: string, year: number): string {
  return `${issuingBody}\n关于${year}年度人大建议政协提案\n办理工作情况的通报`;
}

/** The issuing body of the reference circular, whose 版头, 主送 and 版记 are the defaults for it. */
export const REFERENCE_BODY = '郑州市人民政府';

/** The office that prints an issuing body's documents: itself when it is one, else its 办公室. */
export function printingOfficeOf(issuingBody: string): string {
  return /办公[室厅]$/.test(issuingBody) ? issuingBody : `${issuingBody}办公室`;
}

/**
 * The defaults for a year, a 成文日期 and an issuing body. For the reference's body, the reference's 版头, 主送 and
 * 版记 (its number too: the demo circular is the reference's); for another body nothing of the reference's: its own
 * office prints it, it goes to the handling units, no 抄送, and the 发文字号 keeps only the year of signing (the
 * 机关代字 and the number are left for the clerk). The 发文字号's year is the year it is signed, not the one reported on.
 */
export function defaultOptions(year: number, date: Day, issuingBody = REFERENCE_BODY): CircularOptions {
  const reference = issuingBody === REFERENCE_BODY;
  const signed = date.slice(0, 4);
  return {
    year,
    mark: `${issuingBody}文件`,
    issuingBody,
    docNumber: reference ? `郑政文〔${signed}〕84号` : `〔${signed}〕\u3000号`,
    title: defaultTitle(issuingBody, year),
    addressees: reference ? '各开发区管委会，各区县（市）人民政府，市人民政府各部门，各有关单位：' : '各承办单位：',
    date,
    copyTo: reference ? ['市委各部门，郑州警备区。', '市人大常委会办公厅，市政协办公厅，市法院，市检察院。'] : [],
    printingOffice: reference ? '郑州市人民政府办公厅' : printingOfficeOf(issuingBody),
    printDate: nextWorkingDay(date),
    receptionDeadline: '9月底',
    maxPraised: 10,
    prose: {},
  };
}

/** 发文字号: 机关代字 + 〔年份〕 in 六角括号 + 序号 without leading zero or 第 + 号. */
export function validateDocNumber(text: string): string | null {
  const t = text.trim();
  if (/[[(（【]\s*\d{4}\s*[\])）】]/.test(t) && !/〔\d{4}〕/.test(t)) return '年份要用六角括号〔〕括入，例如 郑政文〔2021〕84号。';
  const m = /^(\S+?)〔(\d{4})〕(第?)(\d+)号$/.exec(t);
  if (!m) return '发文字号的格式应为：机关代字〔年份〕序号号，例如 郑政文〔2021〕84号。';
  if (m[3]) return '发文字号的序号前不加“第”字，例如 郑政文〔2021〕84号。';
  if (/^0/.test(m[4])) return '发文字号的序号不编虚位（不写 01、001），例如 郑政文〔2021〕84号。';
  return null;
}

/** Options from user input, validated; messages in Chinese. */
export function resolveOptions(base: CircularOptions, input: Partial<Record<keyof CircularOptions, unknown>>): CircularOptions {
  const o: CircularOptions = { ...base };
  const str = (k: keyof CircularOptions) => (typeof input[k] === 'string' ? (input[k] as string).trim() : undefined);
  for (const k of ['mark', 'issuingBody', 'title', 'addressees', 'printingOffice', 'receptionDeadline'] as const) {
    const v = str(k);
    if (v !== undefined && v !== '') o[k] = v;
  }
  if (input.year !== undefined) {
    const y = Number(input.year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new BanliError('bad-option', `年度“${String(input.year)}”无效。`);
    o.year = y;
  }
  const num = str('docNumber');
  if (num !== undefined) {
    const err = validateDocNumber(num);
    if (err) throw new BanliError('bad-option', `发文字号“${num}”有误：${err}`);
    o.docNumber = num;
  }
  for (const k of ['date', 'printDate'] as const) {
    const v = input[k];
    if (v === undefined) continue;
    const d = parseDay(v);
    if (d.kind !== 'ok') throw new BanliError('bad-option', `${k === 'date' ? '成文日期' : '印发日期'}“${String(v)}”无效，请写成 2021-07-19 的形式。`);
    o[k] = d.day;
  }
  if (Array.isArray(input.copyTo)) o.copyTo = input.copyTo.map(String).filter((s) => s.trim() !== '');
  else if (typeof input.copyTo === 'string') o.copyTo = input.copyTo.split(/\n/).map((s) => s.trim()).filter(Boolean);
  // As GB/T 9704 writes them: 主送 ends with a full-width colon, each 抄送 line with a full stop (§7.3.3, §7.4.2).
  if (str('addressees')) o.addressees = o.addressees.replace(/[:：]*$/, '：');
  if (input.copyTo !== undefined) o.copyTo = o.copyTo.map((line) => line.trim().replace(/[，,；;、。.]*$/, '。'));
  for (const k of ['gradeShares', 'satisfactionApart', 'formsReturned', 'interSessionOpen', 'attachment', 'seal'] as const) {
    if (typeof input[k] === 'boolean') o[k] = input[k] as boolean;
  }
  if (input.problemUnits === 'named' || input.problemUnits === 'vague') o.problemUnits = input.problemUnits;
  else if (input.problemUnits !== undefined) throw new BanliError('bad-option', `问题中单位的写法“${String(input.problemUnits)}”无效：可选 named（点名）或 vague（少数/个别单位）。`);
  const sig = str('signature');
  if (sig) o.signature = sig;
  // A title not given follows the issuing body and the year given (a county's circular is titled by its own
  // government, 2022's by 2022); the mark too follows the issuing body.
  // A title or mark someone wrote stays as written.
  if (!str('title') && base.title === defaultTitle(base.issuingBody, base.year)) o.title = defaultTitle(o.issuingBody, o.year);
  if (!str('mark') && base.mark === `${base.issuingBody}文件`) o.mark = `${o.issuingBody}文件`;
  // Another issuing body: what was the base body's default (the reference's 主送, 抄送, 印发机关 and number) becomes
  // this body's default; anything written stays.
  if (o.issuingBody !== base.issuingBody) {
    const was = defaultOptions(base.year, base.date, base.issuingBody);
    const now = defaultOptions(o.year, o.date, o.issuingBody);
    for (const k of ['addressees', 'copyTo', 'printingOffice', 'docNumber'] as const) {
      if (input[k] === undefined && JSON.stringify(o[k]) === JSON.stringify(was[k])) (o as unknown as Record<string, unknown>)[k] = now[k];
    }
  }
  if (Array.isArray(input.praisedUnits)) o.praisedUnits = input.praisedUnits.map(String).filter((s) => s.trim() !== '');
  if (input.prose && typeof input.prose === 'object') o.prose = { ...o.prose, ...(input.prose as Record<string, string>) };
  return o;
}
