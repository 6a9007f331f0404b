/** Day arithmetic shared by the rules. */
import { Day } from '../dates';

export { deadlineOf, baseDeadline, extensionOf } from '../deadlines';

export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}
