/** samples/README.md, written from the same constants the generator uses, so it always tells the truth. */
import { RuleId } from '../../core/rules';
import { ALIAS_ROWS, PLANTED, SAMPLE_AS_OF, SAMPLE_COUNTS } from './generate';

export function sampleReadme(): string {
  const c = SAMPLE_COUNTS;
  const lines = [
    '# 示例台账 · The sample ledger',
    '',
    '`ledger-2021.xlsx` is written by `npm run sample` (`src/node/sample/generate.ts`), seeded, the same bytes',
    'every run; a test regenerates it and compares. Names, titles and proposers are invented; the figures',
    'reproduce the 2021 reference circular.',
    '',
    '## Layout',
    '- Sheet `台账`: a merged title row (row 1), the header on row 2, 1388 items on rows 3–1390, a blank row and a',
    '  `合计` row. Dates are mostly date cells; about one row in 25 writes them as text (`2021年5月31日`,',
    '  `2021/5/31`, `2021.5.31`, `2021-05-31`). The 答复类别 column carries a dropdown (data validation).',
    '- Sheet `承办单位`: 40 units with aliases and the reception day (a date, `否`, or empty). The first 24 have',
    '  the reception day in place, in the order the circular names them.',
    '',
    '## Figures',
    '| | items |',
    '|---|---|',
    `| 省人大建议 | ${c.provincialNpc} |`,
    `| 省政协提案 | ${c.provincialCppcc} |`,
    `| provincial together | ${c.provincialNpc + c.provincialCppcc} |`,
    `| 市人大建议 (incl. 闭会建议) | ${c.municipalNpc + c.municipalNpcInterSession} (${c.municipalNpcInterSession}) |`,
    `| 市政协提案 | ${c.municipalCppcc} |`,
    `| total | ${c.provincialNpc + c.provincialCppcc + c.municipalNpc + c.municipalNpcInterSession + c.municipalCppcc} |`,
    `| 重点督办 | ${c.keyNpc} NPC + ${c.keyCppcc} CPPCC |`,
    '',
    'Provincial items were assigned on 2021-03-10, municipal ones on 2021-03-26 (deadline 2021-06-26), the',
    'inter-session ones on 2021-06-08 (4 replied, 10 not yet due on 2021-07-19).',
    '',
    `## Planted defects (as of ${SAMPLE_AS_OF})`,
    '| rule | findings | what was planted |',
    '|---|---|---|',
    ...Object.entries(PLANTED).map(([rule, n]) => `| \`${rule}\` | ${n} | ${PLANT_NOTES[rule as RuleId] ?? ''} |`),
    '',
    `Besides: ${ALIAS_ROWS} rows write their lead unit by an alias (郑州市城市管理局 for 市城管局 …); the master list`,
    'resolves them, so they raise no finding and count under the canonical name.',
    '',
    'The nine units the circular praises (市农委, 市卫健委, 市工信局, 市交通局, 郑东新区管委会, 市教育局, 市城管局,',
    '市城建局, 市资源规划局) have no finding on any of their items; every other unit has at least one. Three of',
    'the nine (市农委, 市工信局, 郑东新区管委会) have not put the reception day in place, as in the circular.',
    '',
  ];
  return lines.join('\n');
}

const PLANT_NOTES: Partial<Record<RuleId, string>> = {
  'assign.unit-missing': 'three 市政协提案 not yet assigned (备注 待交办)',
  'assign.date-missing': 'the same three: no assignment date',
  'assign.unit-unknown': 'lead unit 市水利水务局 (suggests 市水利局); co-unit 市财攻局 (suggests 市财政局)',
  'date.invalid': 'reply dates 2021-06-31 and 2021年6月31日',
  'reply.overdue': 'no reply, deadline 2021-06-26 passed',
  'reply.late': 'replied 2 to 20 days after the deadline',
  'reply.before-assignment': 'reply six days before assignment',
  'reply.category-missing': 'replied, 答复类别 empty',
  'reply.category-invalid': 'category D',
  'feedback.missing': 'replied, 代表委员意见 empty (incomplete form)',
  'feedback.invalid': '比较满意',
  'feedback.old-form': '旧表 / 旧版',
  'feedback.degree-mismatch': 'A with 列入计划, C with 已解决',
  'key.leader-missing': 'a 重点督办 item without its vice-mayor',
  'contact.no-face-to-face': '是否面商 否 or empty',
  'unit.no-reception-day': 'the 16 units after the first 24 on the 承办单位 sheet',
};
