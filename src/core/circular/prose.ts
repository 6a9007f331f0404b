/**
 * The circular's wording: a template the clerk can edit. Plain text, one paragraph per key:
 *
 *   [opening]
 *   {{年度}}年，市政府共承办……{{总件数}}件……[[，另有{{来源待核实}}件来源待核实]]。
 *
 * `{{名称}}` is a computed figure or list (TEMPLATE_FIELDS); `[[…]]` is a part left out when a figure in it is
 * zero or empty (they nest). The structure — which paragraphs exist, the problems that occur and their order —
 * is the composer's; the words are the template's. Lines starting with # are comments.
 */
import { BanliError } from '../errors';

/** Every placeholder, with what it holds (documented in the README and checked when a template is read). */
export const TEMPLATE_FIELDS: Record<string, string> = {
  年度: 'the year',
  本级: 'the office’s own level as sources are written: 市 (a county office: 区)',
  上级: 'the level above: 省 (a county office: 市)',
  总件数: 'all items',
  承办范围: 'what was handled, naming only the levels and bodies with items: 省、市人大代表建议和政协委员提案',
  来源构成: 'the items by source, none with 0: 省人大建议、省政协提案81件，市人大建议468件（含闭会期间建议14件），市政协提案839件 (empty with one source)',
  省级件数: '省人大建议 + 省政协提案',
  省人大建议: '省人大建议',
  省政协提案: '省政协提案',
  市人大建议: '市人大建议 including 闭会建议',
  闭会建议: '闭会建议 (inside 市人大建议)',
  市政协提案: '市政协提案',
  来源待核实: 'items of another or unknown source (total − the three above)',
  重点人大建议: 'key NPC items',
  重点政协提案: 'key CPPCC items',
  重点已答复: 'key items replied',
  重点件构成: '的重点人大建议20件、重点政协提案8件 (none with 0)',
  重点答复情况: '，均已答复 / ，已答复N件 (empty when none is)',
  截至日期: 'the as-of day, 2021年7月19日',
  已答复: 'replied items',
  办复率: 'replied / all, 98.6%',
  按期答复: 'replied by the deadline',
  按期办复率: 'on time / replied',
  超期答复: 'replied after the deadline',
  期限待核实: 'replied, but the reply date or the deadline cannot be read',
  答复及时情况: 'after 办复率: ；其中按期答复1357件，超期答复10件，答复日期或办理期限待核实的2件 — or ，均按期答复 when every reply was on time',
  未答复: 'all − replied',
  超期未答复: 'not replied, deadline passed',
  期限内未答复: 'not replied, deadline not yet passed',
  未答复期限待核实: 'not replied, no deadline (no assignment date)',
  未答复构成: 'after 尚未答复N件: （超过办理期限的6件，尚在办理期限内的10件） or ，均在办理期限内',
  闭会建议答复情况: '闭会期间建议14件均已答复 / …中，已答复N件，M件正在办理 (empty when the switch is off or there are none)',
  闭会建议件数: 'inter-session items, for the sentence on them (empty when the switch is off)',
  闭会建议已答复: 'inter-session items replied',
  闭会建议未答复: 'inter-session items not yet replied',
  答复类别构成: '…A类876件，占64.0%；…B类… — every grade with items, shares by switch; sums to 已答复 with 类别待核实',
  A类: 'grade A', B类: 'grade B', C类: 'grade C', D类: 'grade D',
  A类占比: 'share of A in replied', B类占比: 'share of B', C类占比: 'share of C', D类占比: 'share of D',
  类别待核实: 'replied without a valid grade',
  收回意见表: 'replied items whose feedback form came back: a satisfaction written or a form version (empty when the switch is off)',
  未收回意见表: 'replied − forms returned',
  意见表未评价: 'forms returned without a readable satisfaction',
  填写满意度: 'forms with a readable satisfaction, the base of 满意率 (empty when every returned form has one)',
  满意度构成: '满意1198件、基本满意150件、不满意11件 (none with 0; or 满意和基本满意 together, by switch)',
  满意: '满意', 基本满意: '基本满意', 不满意: '不满意',
  满意率: '(满意 + 基本满意) / the forms with a readable satisfaction',
  面商: 'replied with face-to-face contact',
  面商率: 'face-to-face / replied',
  已落实接待日单位数: 'units with the reception day',
  已落实接待日单位: 'their names, master-list order',
  未落实接待日单位数: 'units without it',
  整改期限: 'the deadline for them, 9月底',
  办理较好单位: 'the praised units',
  办理较好单位称: 'the praised units as a subject: A、B等单位 (one: its name)',
  整改事项: 'what part three asks, only what the ledger shows: 尚未答复的N件要抓紧答复；…',
  序: 'in a problem: 一, 二, 三 … (the problem’s number)',
  未落实接待日单位称: 'in a problem: the units named, or 少数单位/个别单位 (switch)',
  未面商单位称: 'the units (with their counts), or 少数单位/个别单位',
  未面商件数: 'items replied without face-to-face contact',
  旧表单位称: '…', 旧表件数: 'items on the old form',
  意见表不全单位称: '…', 意见表不全件数: 'replied without a readable satisfaction (未收回意见表 + 意见表未评价)',
  意见表不全情形: 'what the forms lack: 未填写满意度或填写不规范 / 未收回征询意见表 / both',
  程度不符单位称: '…', 程度不符件数: 'degree contradicting the grade',
  超期未答复单位称: '…', 超期答复单位称: '…',
  附件名称: 'the attachment’s title',
};

export const TEMPLATE_KEYS = [
  'opening',
  'part1.heading',
  'part1.1.heading',
  'part1.1',
  'part1.2.heading',
  'part1.2',
  'part1.3.heading',
  'part1.3',
  'part2.heading',
  'part2.heading.problems',
  'part2.heading.reception',
  'part2.1.heading',
  'part2.1.heading.reception',
  'part2.1',
  'part2.1.reception',
  'part2.2.heading',
  'part2.2.intro',
  'problem.reception',
  'problem.faceToFace',
  'problem.forms',
  'problem.timeliness',
  'problem.none',
  'part3.heading',
  'part3.1',
  'part3.1.none',
  'part3.2',
  'attachment.note',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** The shipped wording: only what the ledger can show, every breakdown with its remainder, nothing said of a zero. */
export const DEFAULT_TEMPLATE_TEXT = `# 办理助手 · 通报模板（默认措辞）。[键] 下面一段文字；{{名称}} 为按台账计算的数字、名单或短语；
# [[……]] 中的文字在其中的数字为 0 或名单、短语为空时略去。以 # 开头的行是注释。

[opening]
{{年度}}年，{{本级}}政府共承办{{承办范围}}{{总件数}}件。[[其中，{{来源构成}}。]]截至{{截至日期}}，[[已答复{{已答复}}件，办复率{{办复率}}{{答复及时情况}}。]][[尚未答复{{未答复}}件{{未答复构成}}。]][[{{闭会建议答复情况}}。]]现将办理工作情况通报如下：

[part1.heading]
一、办理工作的基本情况

[part1.1.heading]
（一）重点建议提案领办督办

[part1.1]
[[{{年度}}年由{{本级}}政府领导领办督办{{重点件构成}}[[{{重点答复情况}}]]。]]

[part1.2.heading]
（二）与代表委员沟通

[part1.2]
[[承办单位与代表委员当面会商办理意见、当面答复的{{面商}}件，面商率{{面商率}}。]]

[part1.3.heading]
（三）答复和评价情况

[part1.3]
[[在已答复的{{已答复}}件中，{{答复类别构成}}[[，另有{{类别待核实}}件答复类别待核实]]。]][[收回征询意见表{{收回意见表}}件，]][[[[在填写满意度的{{填写满意度}}件中，]]代表委员{{满意度构成}}，满意和基本满意的占{{满意率}}]][[；另有{{意见表未评价}}件未填写满意度或填写不规范]][[；{{未收回意见表}}件未收回征询意见表]]。

[part2.heading]
二、办理较好的单位和存在的问题

[part2.heading.problems]
二、存在的问题

[part2.heading.reception]
二、落实接待日制度情况和存在的问题

[part2.1.heading]
（一）办理较好的单位

[part2.1.heading.reception]
（一）落实代表委员接待日制度的单位

[part2.1]
{{办理较好单位称}}答复及时、规范，台账核对中未发现问题。

[part2.1.reception]
已有{{已落实接待日单位数}}个单位的主要领导落实了“代表委员接待日”制度，分别是：{{已落实接待日单位}}。

[part2.2.heading]
（二）存在的问题

[part2.2.intro]
从台账核对情况看，办理工作中还存在以下问题：

[problem.reception]
{{序}}是{{未落实接待日单位称}}尚未落实主要领导“代表委员接待日”制度，请在{{整改期限}}前落实。

[problem.faceToFace]
{{序}}是{{未面商单位称}}有{{未面商件数}}件建议提案未与代表委员当面会商、当面答复。

[problem.forms]
{{序}}是征询意见表填写不规范：[[{{旧表单位称}}有{{旧表件数}}件使用的还是旧版征询意见表；]][[{{意见表不全单位称}}有{{意见表不全件数}}件{{意见表不全情形}}；]][[{{程度不符单位称}}有{{程度不符件数}}件解决程度一栏与答复类别不符。]]

[problem.timeliness]
{{序}}是办理不够及时：[[{{超期未答复单位称}}有{{超期未答复}}件超过办理期限仍未答复；]][[{{超期答复单位称}}有{{超期答复}}件超期答复。]]

[problem.none]
台账核对中未发现突出问题。

[part3.heading]
三、工作要求

[part3.1]
各承办单位要对照本通报指出的问题逐项整改[[，并做好以下工作：{{整改事项}}]]。

[part3.1.none]
希望各承办单位继续做好办理工作[[，并做好以下工作：{{整改事项}}]]。

[part3.2]
各承办单位要进一步压实责任，坚持与代表委员当面沟通，把办理过程变成改进工作、推动发展的过程，向代表委员和人民群众交出满意的答卷。

[attachment.note]
附件：{{附件名称}}
`;

/** Reads a template text: [key] sections, one paragraph each. Unknown keys or placeholders are errors. */
export function parseTemplate(text: string, file = '模板'): Record<string, string> {
  const out: Record<string, string> = {};
  let key: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (key !== null) out[key] = lines.join('').trim();
  };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line.startsWith('#')) return;
      const m = /^\[([A-Za-z0-9.]+)\]$/.exec(line);
      if (m) {
        flush();
        if (!(TEMPLATE_KEYS as readonly string[]).includes(m[1])) {
          throw new BanliError('bad-option', `${file} 第 ${i + 1} 行：不认识的段落名“${m[1]}”。可用的段落名：${TEMPLATE_KEYS.join('、')}。`);
        }
        key = m[1];
        lines = [];
        return;
      }
      if (line === '') return;
      if (key === null) throw new BanliError('bad-option', `${file} 第 ${i + 1} 行：文字前面应有段落名，如 [opening]。`);
      lines.push(line);
    });
  flush();
  for (const [k, v] of Object.entries(out)) checkTemplate(v, `${file} [${k}]`);
  return out;
}

/** Unknown placeholders and unbalanced [[ ]] are errors, named with where they are. */
export function checkTemplate(text: string, where: string): void {
  for (const m of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
    if (!(m[1] in TEMPLATE_FIELDS)) {
      throw new BanliError('bad-option', `${where}：不认识的占位符“{{${m[1]}}}”。可用的占位符见 README“通报的措辞”一节。`);
    }
  }
  let depth = 0;
  for (const m of text.matchAll(/\[\[|\]\]/g)) {
    depth += m[0] === '[[' ? 1 : -1;
    if (depth < 0) break;
  }
  if (depth !== 0) throw new BanliError('bad-option', `${where}：[[ 与 ]] 不成对。`);
}

export const DEFAULT_PROSE: Record<string, string> = parseTemplate(DEFAULT_TEMPLATE_TEXT, '默认模板');

export interface Fill {
  text: string;
  computed: boolean;
}

/** Placeholders of earlier versions ({total} …), still read in wording kept in documents and --prose files. */
export const LEGACY_FIELDS: Record<string, string> = {
  year: '年度', total: '总件数', provincial: '省级件数', provincialNpc: '省人大建议', provincialCppcc: '省政协提案',
  municipalNpc: '市人大建议', municipalNpcInterSession: '闭会建议', municipalCppcc: '市政协提案', keyNpc: '重点人大建议',
  keyCppcc: '重点政协提案', replied: '已答复', repliedOnTime: '按期答复', overdue: '超期未答复', asOf: '截至日期',
  categoryA: 'A类', categoryB: 'B类', categoryC: 'C类', satisfiedRate: '满意率', receptionYes: '已落实接待日单位数',
  receptionNo: '未落实接待日单位数', receptionYesUnits: '已落实接待日单位', receptionDeadline: '整改期限', praisedUnits: '办理较好单位',
};

/** A value is "empty" for [[…]] when it is '', 0 or '0'. */
const isEmpty = (v: string | number | undefined) => v === undefined || v === '' || v === 0 || v === '0';

type Node = { kind: 'text'; text: string } | { kind: 'field'; name: string } | { kind: 'optional'; nodes: Node[] };

function parseNodes(text: string): Node[] {
  const stack: Node[][] = [[]];
  const re = /\[\[|\]\]|\{\{([^{}]*)\}\}/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) stack[stack.length - 1].push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[0] === '[[') stack.push([]);
    else if (m[0] === ']]') {
      if (stack.length === 1) stack[0].push({ kind: 'text', text: ']]' });
      else {
        const nodes = stack.pop()!;
        stack[stack.length - 1].push({ kind: 'optional', nodes });
      }
    } else stack[stack.length - 1].push({ kind: 'field', name: m[1] });
  }
  if (last < text.length) stack[stack.length - 1].push({ kind: 'text', text: text.slice(last) });
  while (stack.length > 1) {
    const nodes = stack.pop()!;
    stack[stack.length - 1].push({ kind: 'text', text: '[[' }, ...nodes);
  }
  return stack[0];
}

function fieldsOf(nodes: Node[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'field' ? [n.name] : []));
}

function render(nodes: Node[], values: Record<string, string | number>, out: Fill[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') out.push({ text: n.text, computed: false });
    else if (n.kind === 'field') {
      if (n.name in values) out.push({ text: String(values[n.name]), computed: true });
      else out.push({ text: `{{${n.name}}}`, computed: false });
    } else if (!fieldsOf(n.nodes).some((f) => isEmpty(values[f]))) render(n.nodes, values, out);
  }
}

/**
 * Punctuation left over where optional parts were dropped: a separator before another mark or a closing one,
 * a separator right after an opening one, empty brackets.
 */
export function tidyPieces(pieces: Fill[]): Fill[] {
  // Work on the joined text, then cut it back into the same pieces (only literal text is ever changed).
  const out = pieces.map((p) => ({ ...p }));
  const lit = (i: number) => !out[i].computed;
  let changed = true;
  while (changed) {
    changed = false;
    const text = out.map((p) => p.text).join('');
    // What to delete: empty brackets; a separator before another mark; a separator or a second 。 after an opener
    // or a 。 (the first mark is kept: group 1 is what goes); a separator or 。 starting the text.
    const m0 = /（）|[，、；：](?=[，、；：。）])|[（：。]([，、；。])|^[，、；。]/.exec(text);
    if (!m0) break;
    const m = m0[1] ? { index: m0.index + 1, 0: m0[1] } : { index: m0.index, 0: m0[0] };
    // Find the literal piece holding the match and delete it there.
    let pos = 0;
    for (let i = 0; i < out.length; i++) {
      const end = pos + out[i].text.length;
      if (m.index >= pos && m.index + m[0].length <= end && lit(i)) {
        const at = m.index - pos;
        out[i].text = out[i].text.slice(0, at) + out[i].text.slice(at + m[0].length);
        changed = true;
        break;
      }
      pos = end;
    }
  }
  const kept = out.filter((p) => p.text !== '');
  // A sentence whose last optional parts were dropped ends on a separator: end it with 。
  const last = kept[kept.length - 1];
  if (last && !last.computed && /[，、；]$/.test(last.text)) last.text = last.text.slice(0, -1) + '。';
  return kept;
}

/** A template filled: literal and computed pieces; [[…]] dropped when a figure in it is empty; unknown names stay. */
export function fillTemplate(template: string, values: Record<string, string | number>): Fill[] {
  const out: Fill[] = [];
  const modern = template.replace(/\{\{[^{}]*\}\}|\{([A-Za-z]+)\}/g, (m, name: string | undefined) =>
    name !== undefined && name in LEGACY_FIELDS ? `{{${LEGACY_FIELDS[name]}}}` : m,
  );
  render(parseNodes(modern), values, out);
  // Adjacent literal pieces merged.
  const merged: Fill[] = [];
  for (const p of out) {
    const prev = merged[merged.length - 1];
    if (prev && !prev.computed && !p.computed) prev.text += p.text;
    else merged.push({ ...p });
  }
  return tidyPieces(merged);
}
