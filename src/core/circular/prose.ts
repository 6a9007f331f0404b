/**
 * The circular's default wording: Banli's own, with {placeholders} for computed figures and lists.
 * Every entry can be replaced by the user (options.prose); a placeholder that is unknown stays as written.
 */
export const DEFAULT_PROSE: Record<string, string> = {
  opening:
    '{year}年，市政府共承办省、市人大代表建议和政协委员提案{total}件。其中，省人大建议、省政协提案{provincial}件，' +
    '市人大建议{municipalNpc}件（含闭会期间建议{municipalNpcInterSession}件），市政协提案{municipalCppcc}件。' +
    '截至{asOf}，已答复{replied}件，其中按期答复{repliedOnTime}件。各承办单位把办理建议提案作为倾听民意、改进工作的重要抓手，' +
    '认真研究、积极落实，推动解决了一批群众普遍关心的问题。现将办理工作情况通报如下：',
  'part1.heading': '一、主要做法和成效',
  'part1.1.heading': '（一）领导重视，重点建议提案领办督办',
  'part1.1':
    '市政府把建议提案办理列入年度重点工作，主要领导多次作出安排部署。今年确定由市政府领导领办督办的重点人大建议{keyNpc}件、' +
    '重点政协提案{keyCppcc}件，各位领办领导通过听取汇报、现场调研、协调会商等方式推动办理，带动了整体办理质量的提升。',
  'part1.2.heading': '（二）主要领导接待代表委员，沟通更加充分',
  'part1.2':
    '各承办单位坚持开门办理，在电话沟通、登门走访的基础上，邀请代表委员到单位座谈、到现场察看。截至目前，已有{receptionYes}个单位' +
    '由主要领导落实了“代表委员接待日”制度，当面听取意见、介绍办理进展，代表委员的参与感和认同感明显增强。',
  'part1.3.heading': '（三）注重解决实际问题，办理成效明显',
  'part1.3':
    '各承办单位把解决问题作为办理工作的落脚点，对涉及群众切身利益的热点难点问题，制定具体措施，明确完成时限，能够当年解决的抓紧解决，' +
    '需要逐步解决的列入计划、持续推进。在已答复的{replied}件中，所提问题已经解决或基本解决的{categoryA}件，正在解决或已列入计划的' +
    '{categoryB}件，因条件限制留作参考的{categoryC}件；代表委员对答复满意和基本满意的{satisfied}件，占收回征询意见表的{satisfiedRate}。',
  'part1.4.heading': '（四）健全工作机制，督查督办有力',
  'part1.4':
    '多数承办单位明确了分管领导和具体经办人员，建立了台账管理、限时办结、跟踪问效等制度，形成了主要领导亲自抓、分管领导具体抓、' +
    '业务处室抓落实的工作格局，为按时高质量完成办理任务提供了保障。',
  'part2.heading': '二、办理较好的单位和存在的问题',
  'part2.1.heading': '（一）办理较好的单位',
  'part2.1':
    '市政府办公厅会同市人大常委会选任联工委、市政协提案委组成联合督查组，对建议提案办理情况开展了专项督查。从督查和台账核对情况看，' +
    '{praisedUnits}等单位办理工作扎实，答复及时规范，代表委员评价较高。',
  'part2.1.reception': '以下{receptionYes}个单位已落实主要领导“代表委员接待日”制度：{receptionYesUnits}。',
  'part2.1.receptionMissing': '尚未落实的{receptionNo}个单位（{receptionNoUnits}），务必于{receptionDeadline}前落实到位。',
  'part2.2.heading': '（二）存在的问题',
  'part2.2.intro': '从督查和台账核对情况看，办理工作中还存在以下问题：',
  'problem.reception': '{ordinal}是有{count}个单位未按要求落实主要领导“代表委员接待日”制度。',
  'problem.faceToFace': '{ordinal}是有{count}件建议提案未当面会商办理意见、当面答复代表委员，涉及{units}。',
  'problem.forms': '{ordinal}是征询意见表填写不规范：{parts}。',
  'problem.forms.old': '有{count}件仍使用旧的征询意见表，涉及{units}',
  'problem.forms.incomplete': '有{count}件填写不完整，涉及{units}',
  'problem.forms.degree': '有{count}件解决程度一栏与答复类别不符，涉及{units}',
  'problem.timeliness': '{ordinal}是办理不够及时：{parts}。',
  'problem.timeliness.overdue': '有{count}件超过办理期限仍未答复，涉及{units}',
  'problem.timeliness.late': '有{count}件超期答复，涉及{units}',
  'problem.none': '台账核对中未发现突出问题。',
  'part3.heading': '三、工作要求',
  'part3.1':
    '当前，建议提案办理工作已进入集中答复和落实的关键阶段。各承办单位要对照本通报指出的问题逐项整改：尚未答复的要抓紧答复，' +
    '已答复但问题尚未解决的要持续跟踪落实，征询意见表要使用新版并如实填写。',
  'part3.2':
    '各承办单位要进一步压实责任，坚持与代表委员当面沟通，把办理过程变成改进工作、推动发展的过程，以更加务实的作风，' +
    '向代表委员和人民群众交出满意的答卷。',
};

export interface Fill {
  text: string;
  computed: boolean;
}

/** Splits a template into literal and computed pieces; unknown placeholders stay as written. */
export function fillTemplate(template: string, values: Record<string, string | number>): Fill[] {
  const out: Fill[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([A-Za-z0-9_.]+)\}/g)) {
    const key = m[1];
    if (!(key in values)) continue;
    if (m.index! > last) out.push({ text: template.slice(last, m.index), computed: false });
    out.push({ text: String(values[key]), computed: true });
    last = m.index! + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last), computed: false });
  return out;
}
