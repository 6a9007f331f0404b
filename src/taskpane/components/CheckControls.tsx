import * as React from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Select } from '@fluentui/react-components';
import { useLayout } from './Layout';
import { Progress } from './Progress';
import { DateField } from './DateField';
import { useAnnounce } from './Announcer';

/** Which sheet is the ledger (detected unless picked) and the day overdue is judged against. */
export function CheckControls({
  sheets,
  sheet,
  onSheet,
  detected,
  asOf,
  onAsOf,
}: {
  sheets: string[];
  sheet: string;
  onSheet: (s: string) => void;
  detected: string | undefined;
  asOf: string;
  onAsOf: (d: string) => void;
}): React.JSX.Element {
  const s = useLayout();
  return (
    <div className={s.row}>
      <Field label="台账工作表" size="small">
        <Select value={sheet} onChange={(_, d) => onSheet(d.value)} disabled={sheets.length === 0}>
          <option value="">自动识别{detected ? `（${detected}）` : ''}</option>
          {sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <DateField label="截至日期" value={asOf} onCommit={onAsOf} hint="以这一天判断是否超期" />
    </div>
  );
}

/** keepFocus: said, but the focus stays where the clerk is (a re-check after a date or a column was changed). */
export type StatusMessage = { intent: 'success' | 'warning' | 'error' | 'info'; text: string; keepFocus?: boolean };

/**
 * Messages already said. A message shown again — its tab opened again, the page's result under both tabs — is not
 * announced again and takes no focus: only a new result does.
 */
const said = new WeakSet<object>();

/** Marks a message as said elsewhere (its words were part of another message): shown, neither announced nor focused. */
export function markSaid<T extends object>(message: T): T {
  said.add(message);
  return message;
}

/** Whether the clerk is in a tab bar: moving between tabs never takes the focus away from it. */
function inTabList(el: Element | null): boolean {
  return !!el?.closest?.('[role="tablist"]');
}

/**
 * A result in words, where the action was: announced to screen readers and given focus (so it is scrolled into
 * view and read next). A new one replaces the old.
 */
export function Notice({ message, actions, focus = true }: { message: StatusMessage | null; actions?: React.ReactNode; focus?: boolean }): React.JSX.Element | null {
  const ref = React.useRef<HTMLDivElement>(null);
  const announce = useAnnounce();
  React.useEffect(() => {
    // a new message object is a new result, even with the same words
    if (!message || said.has(message)) return;
    said.add(message);
    announce(message.text);
    if (focus && !message.keepFocus && !inTabList(document.activeElement)) ref.current?.focus();
  }, [message, announce, focus]);
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} ref={ref} tabIndex={-1} layout="multiline" data-testid="notice">
      <MessageBarBody>{message.text}</MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}

/** Where the focus is lost: nowhere (the page itself), or on a button that has just been turned off. */
function focusLost(): boolean {
  const el = document.activeElement as (HTMLElement & { disabled?: boolean }) | null;
  return !el || el === document.body || el.disabled === true;
}

/**
 * Progress of the work under way (with a cancel button when it can be stopped), the last result, and a problem with
 * the ledger itself (a message: kept as the same object while the same problem stands, so it is said once).
 */
export function Status({
  busy,
  message,
  problem,
  onCancel,
}: {
  busy: { label: string; value?: number; cancellable?: boolean } | null;
  message: StatusMessage | null;
  problem?: string | StatusMessage | null;
  onCancel?: () => void;
}): React.JSX.Element {
  const problemText = typeof problem === 'string' ? problem : null;
  const fromText = React.useMemo(() => (problemText ? { intent: 'error' as const, text: problemText } : null), [problemText]);
  const problemMessage = typeof problem === 'string' ? fromText : (problem ?? null);
  const cancel = React.useRef<HTMLButtonElement>(null);
  const line = React.useRef<HTMLDivElement>(null);
  const cancellable = !!busy?.cancellable && !!onCancel;
  // The button that started the work is off while it runs: the focus goes to 取消 rather than to the page. When
  // reading ends and checking starts, 取消 goes: the focus goes to the progress line, not to the page.
  const was = React.useRef(false);
  React.useEffect(() => {
    const before = was.current;
    was.current = cancellable;
    if (cancellable && focusLost()) cancel.current?.focus();
    else if (!cancellable && before && focusLost()) line.current?.focus();
  }, [cancellable]);
  return (
    <>
      {busy && (
        <div ref={line} tabIndex={-1} data-testid="busy" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Progress label={busy.label} value={busy.value} />
          </div>
          {cancellable && (
            <Button size="small" onClick={onCancel} ref={cancel}>
              取消
            </Button>
          )}
        </div>
      )}
      <Notice message={message} />
      <Notice message={problemMessage} />
    </>
  );
}
