/**
 * The domain's vocabulary in one place: sources, header synonyms, categories, yes/no words, deadlines.
 * Everything here is a default; callers pass a partial Config to change it.
 */

export type Field =
  | 'seq'
  | 'source'
  | 'interSession'
  | 'number'
  | 'title'
  | 'proposer'
  | 'leadUnit'
  | 'coUnits'
  | 'assignDate'
  | 'deadline'
  | 'key'
  | 'leader'
  | 'replyDate'
  | 'category'
  | 'faceToFace'
  | 'satisfaction'
  | 'formVersion'
  | 'degree'
  | 'remarks'
  | 'replyNumber'
  | 'delegation'
  | 'sector'
  | 'topic'
  | 'published'
  | 'extension'
  | 'secondReply'
  | 'coUnitOpinion';

import type { Place, SourceDef } from './sources';
export type { SourceDef } from './sources';

export type Satisfaction = '满意' | '基本满意' | '不满意';
export const SATISFACTIONS: readonly Satisfaction[] = ['满意', '基本满意', '不满意'];

export interface Config {
  headers: Record<Field, string[]>;
  /** Fields without which the check cannot do its job (ledger.column-missing). */
  requiredFields: Field[];
  /**
   * Source labels the office writes that are not read from their prefix (全国/省/市/区/县 + 人大建议/政协提案),
   * or that mean something else here (compared after removing spaces and full-width forms).
   */
  sources: Record<string, SourceDef>;
  /** The office's own level; by default the level most of the ledger's labels name. */
  officeLevel?: Place;
  /** Allowed reply categories. */
  categories: string[];
  /** Words that name a category, checked in order (the first contained wins). */
  categoryWords: Array<[string, string[]]>;
  /** 解决程度 wording that agrees with each category. */
  degreeByCategory: Record<string, string[]>;
  /** Reply deadline in calendar months after assignment. */
  deadlineMonths: number;
  /** Months per source label (政协提案: 5), instead of deadlineMonths. */
  deadlineMonthsBySource?: Record<string, number>;
  /** A fixed deadline per source label (YYYY-MM-DD), used when the ledger has no deadline column value. */
  fixedDeadlines?: Record<string, string>;
  /** Longest deadline with an approved extension, in months after assignment. */
  maxExtensionMonths: number;
  /** The 催办 list: unanswered items due within this many days. */
  dueSoonDays: number;
  /** Units named in the circular as handling well, instead of the documented selection. */
  praisedUnits?: string[];
  /** Words that mean "no" in a yes/no column; an empty cell is no too, anything else is yes. */
  noWords: string[];
  /** Words in a total row's first cells. */
  totalRowWords: string[];
  /** Names of the unit master-list sheet. */
  unitSheetNames: string[];
  unitHeaders: { name: string[]; aliases: string[]; receptionDay: string[] };
  /**
   * The office's own correction of the guessed column mapping (列对应): field → the header to read it from, '' for
   * a field the ledger has no column for. A header a sheet does not have leaves that field as guessed.
   */
  columns?: Partial<Record<Field, string>>;
}

export const FIELD_LABELS: Record<Field, string> = {
  seq: '序号',
  source: '类别',
  interSession: '闭会建议',
  number: '编号',
  title: '标题',
  proposer: '领衔代表/提案人',
  leadUnit: '主办单位',
  coUnits: '协办单位',
  assignDate: '交办日期',
  deadline: '办理期限',
  key: '是否重点督办',
  leader: '领办市领导',
  replyDate: '答复日期',
  category: '答复类别',
  faceToFace: '是否面商',
  satisfaction: '代表委员意见',
  formVersion: '征询意见表版本',
  degree: '解决程度',
  remarks: '备注',
  replyNumber: '答复文号',
  delegation: '代表团',
  sector: '界别',
  topic: '内容分类',
  published: '是否公开',
  extension: '延期至',
  secondReply: '再次答复日期',
  coUnitOpinion: '协办意见日期',
};

export const DEFAULT_CONFIG: Config = {
  headers: {
    seq: ['序号'],
    source: ['类别', '来源', '建议提案类别', '建议提案来源', '类型'],
    interSession: ['闭会建议', '是否闭会建议', '闭会'],
    number: ['建议号', '提案号', '编号', '案号', '建议编号', '提案编号', '建议提案编号', '建议提案号'],
    title: ['标题', '题目', '案由', '建议提案标题'],
    proposer: ['领衔代表', '提案人', '第一提案人', '代表委员', '提出人', '领衔代表提案人', '代表委员姓名', '领衔人', '提案者', '建议人'],
    leadUnit: ['主办单位', '承办单位', '办理单位', '主办', '分办单位', '牵头单位'],
    coUnits: ['协办单位', '会办单位', '协办', '会办', '配合单位'],
    assignDate: ['交办日期', '交办时间'],
    deadline: ['办理期限', '答复期限', '要求办结日期', '办结期限', '要求结办日期', '办理时限', '要求答复日期', '要求办结时间'],
    key: ['是否重点督办', '重点督办', '是否重点', '重点'],
    leader: ['领办市领导', '领办领导', '督办领导', '领办副市长', '牵头领导'],
    replyDate: ['答复日期', '答复时间', '办复日期', '办复时间', '办结时间', '办结日期', '回复日期', '复函日期'],
    category: ['答复类别', '办理结果', '办理结果类别', '答复类型', '办复类别', '落实情况分类'],
    faceToFace: ['是否面商', '是否见面', '当面答复', '是否当面答复', '面商', '见面情况'],
    satisfaction: ['代表委员意见', '满意度', '征询意见', '评价意见', '代表委员评价', '满意程度', '代表意见', '委员意见', '反馈意见'],
    formVersion: ['征询意见表版本', '意见表版本'],
    degree: ['解决程度'],
    remarks: ['备注'],
    replyNumber: ['答复文号', '回复文号', '复函文号', '答复函号'],
    delegation: ['代表团'],
    sector: ['界别'],
    topic: ['内容分类', '内容类别', '所属领域'],
    published: ['是否公开', '公开情况', '公开日期', '公开时间'],
    extension: ['延期至', '延期', '延期日期', '延期办理', '是否延期', '延期期限'],
    secondReply: ['再次答复日期', '再次答复', '二次答复日期', '二次答复'],
    coUnitOpinion: ['协办意见日期', '协办意见', '协办意见时间', '协办答复日期'],
  },
  requiredFields: ['source', 'number', 'leadUnit', 'assignDate', 'replyDate', 'category', 'satisfaction'],
  sources: {},
  categories: ['A', 'B', 'C'],
  categoryWords: [
    ['A', ['已经解决', '已解决', '基本解决', '已采纳', '采纳']],
    ['B', ['正在解决', '列入计划', '逐步解决']],
    ['C', ['以后解决', '留作参考', '暂不能解决', '条件限制']],
  ],
  degreeByCategory: {
    A: ['已解决', '基本解决', '已采纳'],
    B: ['正在解决', '列入计划'],
    C: ['留作参考', '暂不能解决'],
  },
  deadlineMonths: 3,
  maxExtensionMonths: 6,
  dueSoonDays: 15,
  noWords: ['否', '不', '无', '没有', '未', 'N', 'NO', 'F', 'FALSE', '0', '×', '✗', '✘', 'X', '-', '—', '/'],
  totalRowWords: ['合计', '总计', '小计'],
  unitSheetNames: ['承办单位', '承办单位名单', '单位名单', '单位'],
  unitHeaders: {
    name: ['单位名称', '承办单位', '名称', '单位'],
    aliases: ['别名', '简称', '其他名称', '别称'],
    receptionDay: ['接待日', '代表委员接待日', '是否落实接待日', '接待日制度', '落实接待日'],
  },
};

export type ConfigOverrides = Partial<Omit<Config, 'headers'>> & { headers?: Partial<Record<Field, string[]>> };

export function makeConfig(overrides: ConfigOverrides = {}): Config {
  return {
    ...DEFAULT_CONFIG,
    ...overrides,
    headers: { ...DEFAULT_CONFIG.headers, ...(overrides.headers ?? {}) },
  };
}
