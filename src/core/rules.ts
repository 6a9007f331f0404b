/** The rules: each has a stable id, a severity, and produces Chinese messages with a suggested fix. */
import { Field, FIELD_LABELS, SOURCE_LABELS } from './vocabulary';
import { Item, Ledger, UnitRef, cellOf } from './ledger';
import { Day, addMonths, parseDay } from './dates';
import { cellAddress } from './grid';
import { compactKey, valueText } from './text';

export type Severity = 'error' | 'warning';

export const RULES = {
  'ledger.column-missing': { severity: 'error', title: '缺少必需的列' },
  'ledger.duplicate-number': { severity: 'error', title: '编号重复' },
  'source.unknown': { severity: 'error', title: '来源（类别）无法识别' },
  'assign.unit-missing': { severity: 'error', title: '没有主办单位' },
  'assign.unit-unknown': { severity: 'warning', title: '承办单位不在名单中' },
  'assign.date-missing': { severity: 'error', title: '没有交办日期' },
  'date.invalid': { severity: 'error', title: '日期无效' },
  'reply.overdue': { severity: 'error', title: '超期未答复' },
  'reply.late': { severity: 'warning', title: '超期答复' },
  'reply.before-assignment': { severity: 'error', title: '答复日期早于交办日期' },
  'reply.category-missing': { severity: 'error', title: '已答复但没有答复类别' },
  'reply.category-invalid': { severity: 'error', title: '答复类别不在规定范围内' },
  'feedback.missing': { severity: 'warning', title: '征询意见表未填写完整（没有满意度）' },
  'feedback.invalid': { severity: 'error', title: '满意度填写不规范' },
  'feedback.old-form': { severity: 'warning', title: '使用旧的征询意见表' },
  'feedback.degree-mismatch': { severity: 'error', title: '解决程度与答复类别不符' },
  'key.leader-missing': { severity: 'error', title: '重点督办件没有领办领导' },
  'contact.no-face-to-face': { severity: 'warning', title: '未当面会商答复' },
  'unit.no-reception-day': { severity: 'warning', title: '未落实代表委员接待日制度' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** Worksheet row (1-based), or null for a finding about the whole ledger. */
  row: number | null;
  /** 1-based worksheet column, or null. */
  col: number | null;
  /** The column's header as written in the file. */
  column: string | null;
  /** Sheet!A1 address, or null. */
  cell: string | null;
  value: string | null;
  message: string;
  suggestion: string | null;
  /** The lead unit the finding belongs to (canonical name), if any. */
  unit: string | null;
}

export interface CheckOptions {
  /** The day overdue is judged against (YYYY-MM-DD). */
  asOf: Day;
  /** The current form version; any other is old. Without it, a version containing 旧 is old. */
  formVersion?: string;
}

export interface RuleNotRun {
  rule: RuleId;
  reason: string;
}

export interface CheckResult {
  findings: Finding[];
  notRun: RuleNotRun[];
}

/** Which columns a rule reads; a rule whose column is absent does not run. */
const RULE_FIELDS: Partial<Record<RuleId, Field[]>> = {
  'ledger.duplicate-number': ['source', 'number'],
  'source.unknown': ['source'],
  'assign.unit-missing': ['leadUnit'],
  'assign.unit-unknown': ['leadUnit'],
  'assign.date-missing': ['assignDate'],
  'reply.overdue': ['replyDate'],
  'reply.late': ['replyDate'],
  'reply.before-assignment': ['replyDate', 'assignDate'],
  'reply.category-missing': ['replyDate', 'category'],
  'reply.category-invalid': ['category'],
  'feedback.missing': ['replyDate', 'satisfaction'],
  'feedback.invalid': ['satisfaction'],
  'feedback.old-form': ['formVersion'],
  'feedback.degree-mismatch': ['degree', 'category'],
  'key.leader-missing': ['key', 'leader'],
  'contact.no-face-to-face': ['replyDate', 'faceToFace'],
};

export const DATE_FIELDS: Field[] = ['assignDate', 'deadline', 'replyDate'];

/** The reply deadline: the ledger's own deadline column when readable, else assignment + N months. */
export function deadlineOf(item: Item, months: number): Day | null {
  if (item.deadline.kind === 'ok') return item.deadline.day;
  if (item.assignDate.kind === 'ok') return addMonths(item.assignDate.day, months);
  return null;
}

function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}

export function checkLedger(ledger: Ledger, options: CheckOptions): CheckResult {
  const { columns: cols, config } = ledger;
  const findings: Finding[] = [];
  const notRun: RuleNotRun[] = [];
  const runs = new Map<RuleId, boolean>();
  for (const rule of RULE_IDS) {
    const missing = (RULE_FIELDS[rule] ?? []).filter((f) => !cols[f]);
    runs.set(rule, missing.length === 0);
    if (missing.length) notRun.push({ rule, reason: `没有“${missing.map((f) => FIELD_LABELS[f]).join('”“')}”列` });
  }
  if (!ledger.directory) {
    runs.set('assign.unit-unknown', false);
    runs.set('unit.no-reception-day', false);
    notRun.push({ rule: 'assign.unit-unknown', reason: '没有承办单位名单（工作簿中的“承办单位”工作表或 --units 文件），无法核对单位名称' });
    notRun.push({ rule: 'unit.no-reception-day', reason: '没有承办单位名单，无法核对接待日落实情况' });
  } else if (ledger.units && ledger.units.receptionColumn === null) {
    runs.set('unit.no-reception-day', false);
    notRun.push({ rule: 'unit.no-reception-day', reason: '承办单位名单中没有“接待日”列' });
  }
  const on = (rule: RuleId): boolean => runs.get(rule) === true;

  const add = (
    rule: RuleId,
    item: Item | null,
    field: Field | null,
    message: string,
    suggestion: string | null = null,
    value?: string | null,
  ): void => {
    const col = field && cols[field] ? cols[field]!.col : null;
    const row = item ? item.row : null;
    findings.push({
      rule,
      severity: RULES[rule].severity,
      sheet: ledger.sheet,
      row,
      col,
      column: field && cols[field] ? cols[field]!.header : null,
      cell: row !== null && col !== null ? cellAddress(ledger.sheet, row, col) : null,
      value: value !== undefined ? value : field && item ? valueText(cellOf(ledger, item, field)) || null : null,
      message,
      suggestion,
      unit: item?.leadUnit?.name ?? null,
    });
  };

  for (const f of config.requiredFields) {
    if (!cols[f]) {
      add(
        'ledger.column-missing',
        null,
        null,
        `缺少必需的列“${FIELD_LABELS[f]}”（可写作：${config.headers[f].join('、')}），依赖它的检查没有进行。`,
        `在表头中加入“${FIELD_LABELS[f]}”列`,
        null,
      );
    }
  }

  const seen = new Map<string, number>();
  const categoriesText = config.categories.join('、');
  for (const item of ledger.items) {
    // Duplicates: same source and number.
    if (on('ledger.duplicate-number') && item.number !== '') {
      const src = item.source.def ? `${item.source.def.kind}${item.source.interSession ? '/闭会' : ''}` : compactKey(item.source.raw);
      const key = `${src}#${compactKey(item.number)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        add('ledger.duplicate-number', item, 'number', `${item.source.raw || '同一来源'}编号“${item.number}”与第 ${first} 行重复。`, '核对编号；同一件建议提案只保留一行');
      } else seen.set(key, item.row);
    }
    if (on('source.unknown') && !item.source.def) {
      const known = Object.keys(config.sources).filter((s) => Object.values(SOURCE_LABELS).includes(s) || s.includes('闭会'));
      add(
        'source.unknown',
        item,
        'source',
        item.source.raw === '' ? '没有填写来源（类别）。' : `来源“${item.source.raw}”无法识别。`,
        `写作：${known.join('、')}`,
      );
    }
    if (on('assign.unit-missing') && !item.leadUnit) {
      add('assign.unit-missing', item, 'leadUnit', '没有主办单位，这件建议提案尚未交办或漏填。', '填写主办单位');
    }
    if (on('assign.unit-unknown')) {
      const refs: Array<[UnitRef, Field, string]> = [];
      if (item.leadUnit) refs.push([item.leadUnit, 'leadUnit', '主办单位']);
      for (const u of item.coUnits) refs.push([u, 'coUnits', '协办单位']);
      for (const [u, field, role] of refs) {
        if (u.known !== false) continue;
        const near = ledger.directory!.nearest(u.name);
        add(
          'assign.unit-unknown',
          item,
          field,
          `${role}“${u.name}”不在承办单位名单中。`,
          near ? `是否应为“${near}”？` : '核对单位名称，或把它加入承办单位名单',
          u.raw,
        );
      }
    }
    if (on('assign.date-missing') && item.assignDate.kind === 'empty') {
      add('assign.date-missing', item, 'assignDate', '没有交办日期，无法计算办理期限。', '填写交办日期');
    }
    for (const f of DATE_FIELDS) {
      const d = item[f as 'assignDate' | 'deadline' | 'replyDate'];
      if (cols[f] && d.kind === 'invalid') {
        if (d.formula) add('date.invalid', item, f, `${FIELD_LABELS[f]}是公式“${d.formula}”，但文件里没有它的计算结果（保存文件的程序没有计算公式）。`, '在 Excel 或 WPS 中打开台账、保存一次，再检查');
        else add('date.invalid', item, f, `${FIELD_LABELS[f]}“${d.text}”不是有效的日期。`, '写成 2021-05-31 或 2021年5月31日 的形式');
      }
    }

    const deadline = deadlineOf(item, config.deadlineMonths);
    const reply = item.replyDate;
    const replied = reply.kind !== 'empty';
    if (on('reply.overdue') && reply.kind === 'empty' && deadline && deadline < options.asOf) {
      add(
        'reply.overdue',
        item,
        'replyDate',
        `办理期限 ${deadline} 已过，截至 ${options.asOf} 仍未答复（超期 ${daysBetween(deadline, options.asOf)} 天）。`,
        '督促主办单位尽快答复；确实难以解决的，向代表委员说明情况',
        null,
      );
    }
    if (on('reply.late') && reply.kind === 'ok' && deadline && reply.day > deadline) {
      add('reply.late', item, 'replyDate', `答复日期 ${reply.day} 晚于办理期限 ${deadline}（超期 ${daysBetween(deadline, reply.day)} 天）。`, '核实答复日期；超期答复的应说明原因');
    }
    if (
      on('reply.before-assignment') &&
      reply.kind === 'ok' &&
      item.assignDate.kind === 'ok' &&
      reply.day < item.assignDate.day
    ) {
      add('reply.before-assignment', item, 'replyDate', `答复日期 ${reply.day} 早于交办日期 ${item.assignDate.day}。`, '核对答复日期和交办日期');
    }
    if (on('reply.category-missing') && replied && item.category === null) {
      add('reply.category-missing', item, 'category', '已答复，但没有填写答复类别。', `填写 ${categoriesText} 类之一`);
    }
    const category = item.category;
    const categoryValid = typeof category === 'string' && config.categories.includes(category);
    if (on('reply.category-invalid') && category !== null && !categoryValid) {
      add(
        'reply.category-invalid',
        item,
        'category',
        `答复类别“${valueText(cellOf(ledger, item, 'category'))}”不在规定的 ${categoriesText} 类之内。`,
        `写作 ${categoriesText} 之一`,
      );
    }
    if (on('feedback.missing') && replied && item.satisfaction === null) {
      add('feedback.missing', item, 'satisfaction', '已答复，但征询意见表没有填写代表委员的满意度（填写不完整）。', '收回征询意见表，填写满意、基本满意或不满意');
    }
    if (on('feedback.invalid') && item.satisfaction === undefined) {
      add('feedback.invalid', item, 'satisfaction', `满意度“${valueText(cellOf(ledger, item, 'satisfaction'))}”不是满意、基本满意、不满意之一。`, '写作满意、基本满意或不满意');
    }
    if (on('feedback.old-form') && item.formVersion !== '') {
      const old = options.formVersion
        ? compactKey(item.formVersion) !== compactKey(options.formVersion)
        : item.formVersion.includes('旧');
      if (old) {
        add(
          'feedback.old-form',
          item,
          'formVersion',
          `征询意见表版本为“${item.formVersion}”，仍在使用旧的征询意见表。`,
          options.formVersion ? `改用“${options.formVersion}”征询意见表` : '改用新版征询意见表',
        );
      }
    }
    if (on('feedback.degree-mismatch') && categoryValid && item.degree !== '') {
      const degree = compactKey(item.degree);
      const expected = config.degreeByCategory[category as string] ?? [];
      const agrees = expected.some((w) => degree.includes(w));
      const other = Object.entries(config.degreeByCategory).find(
        ([cat, words]) => cat !== category && words.some((w) => degree.includes(w)),
      );
      if (!agrees && other) {
        add(
          'feedback.degree-mismatch',
          item,
          'degree',
          `解决程度“${item.degree}”与答复类别 ${category} 类不符（${category} 类对应：${expected.join('、')}）。`,
          `按实际情况改正解决程度或答复类别（“${item.degree}”对应 ${other[0]} 类）`,
        );
      }
    }
    if (on('key.leader-missing') && item.key && item.leader === '') {
      add('key.leader-missing', item, 'leader', '重点督办件没有填写领办市领导。', '填写领办的市领导');
    }
    if (on('contact.no-face-to-face') && replied && !item.faceToFace) {
      add('contact.no-face-to-face', item, 'faceToFace', '已答复，但没有当面会商办理意见、当面答复代表委员。', '与代表委员当面沟通后再答复');
    }
  }

  if (on('unit.no-reception-day') && ledger.units && ledger.directory) {
    for (const u of ledger.units.units) {
      if (u.receptionDay === true) continue;
      const col = ledger.units.receptionColumn!;
      findings.push({
        rule: 'unit.no-reception-day',
        severity: RULES['unit.no-reception-day'].severity,
        sheet: ledger.units.sheet,
        row: u.row,
        col,
        column: ledger.units.receptionHeader,
        cell: cellAddress(ledger.units.sheet, u.row, col),
        value: u.receptionText || null,
        message: `${u.name}尚未落实主要领导“代表委员接待日”制度。`,
        suggestion: '由单位主要领导落实接待日，并在名单中填写日期',
        unit: u.name,
      });
    }
  }
  return { findings, notRun };
}

export function parseAsOf(text: string): Day | null {
  const d = parseDay(text);
  return d.kind === 'ok' ? d.day : null;
}
