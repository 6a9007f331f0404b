/**
 * The sample ledger: a deterministic (seeded) 2021 ledger of 1388 items that reproduces the reference
 * circular's figures, with planted defects whose counts are listed in PLANTED. Same bytes every run.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addDays, addMonths, Day, dayParts, parseDay } from '../../core/dates';
import { RuleId } from '../../core/rules';
import { PRAISED_UNITS, SAMPLE_UNITS } from './units';

export const SAMPLE_AS_OF: Day = '2021-07-19';
export const SAMPLE_SEED = 20210719;

/** Findings the sample is built to produce as of SAMPLE_AS_OF, by rule. Rules not named: none. */
export const PLANTED: Partial<Record<RuleId, number>> = {
  'assign.unit-missing': 3,
  'assign.date-missing': 3,
  'assign.unit-unknown': 2,
  'date.invalid': 2,
  'reply.overdue': 6,
  'reply.late': 10,
  'reply.before-assignment': 1,
  'reply.category-missing': 2,
  'reply.category-invalid': 1,
  'feedback.missing': 9,
  'feedback.invalid': 1,
  'feedback.old-form': 12,
  'feedback.degree-mismatch': 7,
  'key.leader-missing': 1,
  'contact.no-face-to-face': 15,
  'unit.no-reception-day': 16,
};
/** Rows whose unit is written by an alias (resolved through the master list; no finding). */
export const ALIAS_ROWS = 25;

export const SAMPLE_COUNTS = {
  provincialNpc: 45,
  provincialCppcc: 36,
  municipalNpc: 454,
  municipalNpcInterSession: 14,
  municipalCppcc: 839,
  keyNpc: 20,
  keyCppcc: 8,
};

export const HEADERS = [
  '序号', '类别', '编号', '标题', '领衔代表（提案人）', '主办单位', '协办单位', '交办日期', '是否重点督办',
  '领办市领导', '答复日期', '答复类别', '是否面商', '代表委员意见', '征询意见表版本', '解决程度', '备注',
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'pnpc' | 'pcppcc' | 'mnpc' | 'inter' | 'mcppcc';
const SOURCE_TEXT: Record<Kind, string> = {
  pnpc: '省人大建议',
  pcppcc: '省政协提案',
  mnpc: '市人大建议',
  inter: '市人大闭会建议',
  mcppcc: '市政协提案',
};

interface Row {
  kind: Kind;
  number: number;
  title: string;
  proposer: string;
  lead: string;
  co: string[];
  assign: Day | null;
  key: boolean;
  leader: string;
  reply: Day | string | null;
  category: string;
  f2f: string;
  satisfaction: string;
  formVersion: string;
  degree: string;
  remarks: string;
  planted: boolean;
  /** Write dates of this row as text, in this form. */
  textDates: number;
}

const TOPICS = [
  '加快老旧小区改造', '优化城市公交线路', '加强校园周边交通安全', '推进垃圾分类', '增加社区养老服务设施',
  '规范道路停车管理', '提升背街小巷环境', '建设口袋公园', '完善农村饮水工程', '加强食品安全监管',
  '推进新生儿出生证件一站式办理', '扩大普惠性幼儿园供给', '治理城市内涝', '发展夜间经济', '保护历史文化街区',
  '提升政务服务便利度', '支持中小企业融资', '加强河道生态治理', '完善全民健身设施', '推进智慧医疗建设',
  '解决停车难问题', '加强物业管理', '推进城乡公交一体化', '规范电动自行车管理', '加强农产品品牌建设',
  '完善城市无障碍设施', '加快充电桩建设', '提升基层医疗服务能力', '推进文旅融合发展', '加强安全生产监管',
  '优化营商环境', '推动数字乡村建设', '完善社区卫生服务网络', '加强黄河流域生态保护', '推进职业教育发展',
];
const PLACES = ['', '', '', '我市', '城区', '县（市）', '郑东新区', '中心城区', '农村地区', '各区'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志新海波宁晓东立红春梅兰玉林成浩宇辉鹏飞云峰琳雪亮';
const GROUPS = ['民革郑州市委会', '民盟郑州市委会', '民建郑州市委会', '民进郑州市委会', '农工党郑州市委会', '九三学社郑州市委会', '市工商联'];
const LEADERS = ['陈志远', '刘建华', '王晓东', '赵明远', '孙立新', '周海涛', '吴文静'];
const DEGREES: Record<string, string[]> = { A: ['已解决', '基本解决', '已采纳'], B: ['正在解决', '列入计划'], C: ['留作参考', '暂不能解决'] };

export interface SampleLedger {
  rows: Row[];
}

/** Builds the sample's rows. Exported for tests of the generator itself. */
export function buildSampleRows(): Row[] {
  const rng = mulberry32(SAMPLE_SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const name = (): string => pick([...SURNAMES]) + pick([...GIVEN]) + (rng() < 0.6 ? pick([...GIVEN]) : '');

  const kinds: Kind[] = [
    ...Array<Kind>(SAMPLE_COUNTS.provincialNpc).fill('pnpc'),
    ...Array<Kind>(SAMPLE_COUNTS.provincialCppcc).fill('pcppcc'),
    ...Array<Kind>(SAMPLE_COUNTS.municipalNpc).fill('mnpc'),
    ...Array<Kind>(SAMPLE_COUNTS.municipalNpcInterSession).fill('inter'),
    ...Array<Kind>(SAMPLE_COUNTS.municipalCppcc).fill('mcppcc'),
  ];
  const numbers: Record<Kind, number> = { pnpc: 0, pcppcc: 0, mnpc: 0, inter: 0, mcppcc: 0 };
  const assignDay: Record<Kind, Day> = {
    pnpc: '2021-03-10',
    pcppcc: '2021-03-10',
    mnpc: '2021-03-26',
    inter: '2021-06-08',
    mcppcc: '2021-03-26',
  };

  const rows: Row[] = kinds.map((kind) => {
    const npc = kind === 'pnpc' || kind === 'mnpc' || kind === 'inter';
    const title = `关于${pick(PLACES)}${pick(TOPICS)}的${npc ? '建议' : '提案'}`;
    const proposer = !npc && rng() < 0.06 ? pick(GROUPS) : name();
    return {
      kind,
      number: ++numbers[kind],
      title,
      proposer,
      lead: '',
      co: [],
      assign: assignDay[kind],
      key: false,
      leader: '',
      reply: null,
      category: '',
      f2f: '',
      satisfaction: '',
      formVersion: '',
      degree: '',
      remarks: '',
      planted: false,
      textDates: 0,
    };
  });

  // Special rows: three unassigned CPPCC items, one item assigned to a unit not on the list.
  const municipal = rows.map((r, i) => i).filter((i) => rows[i].kind === 'mcppcc' || rows[i].kind === 'mnpc');
  const specials = shuffle([...municipal]).slice(0, 4);
  const unassigned = specials.slice(0, 3);
  const unknownLead = specials[3];

  // Units: the praised nine get fixed counts (so their order by size is the circular's), the others share the rest.
  const praisedCounts = [62, 58, 55, 52, 49, 46, 43, 40, 37];
  const others = SAMPLE_UNITS.map((u) => u.name).filter((n) => !PRAISED_UNITS.includes(n));
  const regularSlots = rows.length - specials.length - praisedCounts.reduce((a, b) => a + b, 0);
  const weights = others.map(() => 0.5 + rng());
  const wsum = weights.reduce((a, b) => a + b, 0);
  const otherCounts = weights.map((w) => Math.floor((regularSlots * w) / wsum));
  for (let k = 0; otherCounts.reduce((a, b) => a + b, 0) < regularSlots; k++) otherCounts[k % others.length]++;
  const slots: string[] = [];
  PRAISED_UNITS.forEach((u, k) => slots.push(...Array<string>(praisedCounts[k]).fill(u)));
  others.forEach((u, k) => slots.push(...Array<string>(otherCounts[k]).fill(u)));
  shuffle(slots);
  let s = 0;
  rows.forEach((r, i) => {
    if (unassigned.includes(i)) return;
    r.lead = i === unknownLead ? '市水利水务局' : slots[s++];
  });

  // Co-handling units for about one item in five.
  const allNames = SAMPLE_UNITS.map((u) => u.name);
  for (const r of rows) {
    if (!r.lead || rng() >= 0.2) continue;
    const n = rng() < 0.7 ? 1 : 2;
    while (r.co.length < n) {
      const u = pick(allNames);
      if (u !== r.lead && !r.co.includes(u)) r.co.push(u);
    }
  }

  // Key items supervised by vice-mayors: 20 municipal NPC suggestions and 8 municipal CPPCC proposals.
  const eligible = (k: Kind) => rows.map((r, i) => i).filter((i) => rows[i].kind === k && !specials.includes(i));
  const keyIdx = [...shuffle(eligible('mnpc')).slice(0, SAMPLE_COUNTS.keyNpc), ...shuffle(eligible('mcppcc')).slice(0, SAMPLE_COUNTS.keyCppcc)];
  for (const i of keyIdx) {
    rows[i].key = true;
    rows[i].leader = pick(LEADERS);
  }

  // Clean values: replied on time, with category, consistent degree, satisfaction, face to face, current form.
  rows.forEach((r, i) => {
    if (unassigned.includes(i)) {
      r.assign = null;
      r.remarks = '待交办';
      return;
    }
    const deadline = addMonths(r.assign!, 3);
    if (r.kind === 'inter') {
      if (r.number > 4) return; // inter-session items assigned in June: most not yet due
      r.reply = addDays('2021-07-01', r.number * 3);
    } else {
      const reply = addDays(r.assign!, 35 + Math.floor(rng() * 55));
      r.reply = reply > deadline ? addDays(deadline, -1) : reply;
    }
    const x = rng();
    r.category = x < 0.62 ? 'A' : x < 0.92 ? 'B' : 'C';
    r.degree = pick(DEGREES[r.category]);
    const y = rng();
    r.satisfaction = y < 0.86 ? '满意' : y < 0.99 ? '基本满意' : '不满意';
    r.f2f = '是';
    r.formVersion = '2021年版';
    if (rng() < 0.04) r.textDates = 1 + Math.floor(rng() * 4);
  });

  // Planted defects, spread over the units the circular does not praise (round robin, so each has some).
  const pools = new Map<string, number[]>();
  for (const u of others) pools.set(u, []);
  rows.forEach((r, i) => {
    if (r.kind !== 'mnpc' && r.kind !== 'mcppcc') return;
    if (r.key || specials.includes(i) || !pools.has(r.lead)) return;
    pools.get(r.lead)!.push(i);
  });
  let turn = 0;
  const take = (): Row => {
    for (let tries = 0; tries < others.length; tries++) {
      const pool = pools.get(others[turn++ % others.length])!;
      const i = pool.shift();
      if (i !== undefined) {
        rows[i].planted = true;
        rows[i].textDates = 0;
        return rows[i];
      }
    }
    throw new Error('sample generator: no item left to plant a defect in');
  };
  const times = (n: number, f: (r: Row, k: number) => void) => {
    for (let k = 0; k < n; k++) f(take(), k);
  };
  const p = PLANTED;
  times(p['feedback.old-form']!, (r, k) => (r.formVersion = k % 3 === 0 ? '旧版' : '旧表'));
  times(p['feedback.missing']!, (r) => (r.satisfaction = ''));
  times(p['feedback.degree-mismatch']!, (r, k) => {
    r.category = k % 2 === 0 ? 'A' : 'C';
    r.degree = k % 2 === 0 ? '列入计划' : '已解决';
  });
  times(p['contact.no-face-to-face']!, (r, k) => (r.f2f = k % 4 === 3 ? '' : '否'));
  times(p['reply.late']!, (r, k) => (r.reply = addDays(addMonths(r.assign!, 3), 2 + k * 2)));
  times(p['reply.overdue']!, (r) => {
    r.reply = null;
    r.category = r.degree = r.satisfaction = r.f2f = r.formVersion = '';
  });
  times(p['date.invalid']!, (r, k) => (r.reply = k === 0 ? '2021-06-31' : '2021年6月31日'));
  times(p['reply.category-invalid']!, (r) => {
    r.category = 'D';
    r.degree = '留作参考';
  });
  times(p['feedback.invalid']!, (r) => (r.satisfaction = '比较满意'));
  times(p['reply.category-missing']!, (r) => {
    r.category = '';
    r.degree = '';
  });
  times(p['reply.before-assignment']!, (r) => (r.reply = addDays(r.assign!, -6)));
  // The co-unit written wrongly sits on a clean item of a unit the circular does not praise.
  times(1, (r) => (r.co = ['市财攻局']));
  // One key item without its leading official, on a unit the circular does not praise.
  const keyOther = keyIdx.find((i) => others.includes(rows[i].lead) && !rows[i].planted);
  if (keyOther === undefined) throw new Error('sample generator: no key item to plant key.leader-missing');
  rows[keyOther].leader = '';
  rows[keyOther].planted = true;

  // Units written by an alias: resolved through the master list, no finding.
  const aliasCandidates = shuffle(rows.map((r, i) => i).filter((i) => rows[i].lead && rows[i].lead !== '市水利水务局'));
  for (const i of aliasCandidates.slice(0, ALIAS_ROWS)) {
    const u = SAMPLE_UNITS.find((x) => x.name === rows[i].lead)!;
    rows[i].lead = u.aliases[0];
  }
  return rows;
}

function dateCell(day: Day, form: number): Date | string {
  const { y, m, d } = dayParts(day);
  switch (form) {
    case 1:
      return `${y}年${m}月${d}日`;
    case 2:
      return `${y}/${m}/${d}`;
    case 3:
      return `${y}.${m}.${d}`;
    case 4:
      return day;
    default:
      return new Date(Date.UTC(y, m - 1, d));
  }
}

const FIXED_DATE = new Date(Date.UTC(2021, 6, 19, 8, 0, 0));

/** Rewrites a zip with fixed timestamps so the same content always gives the same bytes. */
export async function normaliseZip(buf: Buffer | ArrayBuffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(buf);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name];
    if (f.dir) continue;
    out.file(name, await f.async('nodebuffer'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

export async function buildSampleWorkbook(): Promise<Buffer> {
  const rows = buildSampleRows();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banli 办理助手（示例数据）';
  wb.lastModifiedBy = 'Banli';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, HEADERS.length);
  const title = ws.getCell(1, 1);
  title.value = '2021年度人大建议、政协提案办理工作台账（示例数据，人名、标题均为虚构）';
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
  const header = ws.getRow(2);
  header.values = HEADERS;
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const widths = [6, 14, 7, 44, 14, 18, 20, 12, 8, 10, 12, 8, 8, 10, 12, 10, 10];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  [8, 11].forEach((c) => (ws.getColumn(c).numFmt = 'yyyy-mm-dd'));

  rows.forEach((r, i) => {
    // Real days become date cells (or text in one of the hand-typed forms); anything else is written as is.
    const dates = (d: Day | string | null): Date | string | null =>
      d === null ? null : parseDay(d).kind === 'ok' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? dateCell(d, r.textDates) : d;
    ws.getRow(i + 3).values = [
      i + 1,
      SOURCE_TEXT[r.kind],
      r.number,
      r.title,
      r.proposer,
      r.lead || null,
      r.co.join('、') || null,
      dates(r.assign),
      r.key ? '是' : '否',
      r.leader || null,
      dates(r.reply),
      r.category || null,
      r.f2f || null,
      r.satisfaction || null,
      r.formVersion || null,
      r.degree || null,
      r.remarks || null,
    ];
  });
  const last = rows.length + 2;
  const total = ws.getRow(last + 2);
  total.values = ['合计', null, `${rows.length}件`];
  total.font = { bold: true };
  // A dropdown on the category column, as office templates have.
  for (let r = 3; r <= last; r++) {
    ws.getCell(r, 12).dataValidation = { type: 'list', allowBlank: true, formulae: ['"A,B,C"'] };
  }

  const us = wb.addWorksheet('承办单位');
  us.getRow(1).values = ['序号', '单位名称', '别名', '代表委员接待日'];
  us.getRow(1).font = { bold: true };
  [6, 20, 40, 16].forEach((w, i) => (us.getColumn(i + 1).width = w));
  us.getColumn(4).numFmt = 'yyyy-mm-dd';
  SAMPLE_UNITS.forEach((u, i) => {
    const blank = u.name === '市园林局' || u.name === '中牟县人民政府';
    us.getRow(i + 2).values = [i + 1, u.name, u.aliases.join('、'), u.reception ? dateCell(u.reception, 0) : blank ? null : '否'];
  });

  const raw = await wb.xlsx.writeBuffer();
  return normaliseZip(raw as ArrayBuffer);
}
