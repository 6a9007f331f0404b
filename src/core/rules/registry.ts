/**
 * Every rule, in the order findings are listed. Adding a rule: one module in this folder, one line here,
 * one test.
 */
import ledgerColumnMissing from './ledger-column-missing';
import ledgerDuplicateNumber from './ledger-duplicate-number';
import sourceUnknown from './source-unknown';
import assignUnitMissing from './assign-unit-missing';
import assignUnitUnknown from './assign-unit-unknown';
import assignDateMissing from './assign-date-missing';
import dateInvalid from './date-invalid';
import replyOverdue from './reply-overdue';
import replyLate from './reply-late';
import replyBeforeAssignment from './reply-before-assignment';
import replyAfterAsOf from './reply-after-as-of';
import replyCategoryMissing from './reply-category-missing';
import replyCategoryInvalid from './reply-category-invalid';
import feedbackMissing from './feedback-missing';
import feedbackInvalid from './feedback-invalid';
import feedbackOldForm from './feedback-old-form';
import feedbackDegreeMismatch from './feedback-degree-mismatch';
import keyLeaderMissing from './key-leader-missing';
import contactNoFaceToFace from './contact-no-face-to-face';
import unitNoReceptionDay from './unit-no-reception-day';
import replyDueSoon from './reply-due-soon';
import replyExtension from './reply-extension';
import feedbackSecondHandling from './feedback-second-handling';
import replyNotPublished from './reply-not-published';
import replyNumberMissing from './reply-number-missing';
import assignCoUnitLate from './assign-co-unit-late';

export const RULE_LIST = [
  ledgerColumnMissing,
  ledgerDuplicateNumber,
  sourceUnknown,
  assignUnitMissing,
  assignUnitUnknown,
  assignDateMissing,
  assignCoUnitLate,
  dateInvalid,
  replyOverdue,
  replyDueSoon,
  replyExtension,
  replyLate,
  replyBeforeAssignment,
  replyAfterAsOf,
  replyCategoryMissing,
  replyCategoryInvalid,
  replyNumberMissing,
  replyNotPublished,
  feedbackMissing,
  feedbackInvalid,
  feedbackOldForm,
  feedbackDegreeMismatch,
  feedbackSecondHandling,
  keyLeaderMissing,
  contactNoFaceToFace,
  unitNoReceptionDay,
] as const;

export type RuleId = (typeof RULE_LIST)[number]['id'];
