import * as React from 'react';
import { Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { Grid } from '../../core';
import { sheetChoices } from '../model';
import { useLayout } from './Layout';
import { Progress } from './Progress';

/** Which sheet is the ledger (detected unless picked) and the day overdue is judged against. */
export function CheckControls({
  grids,
  sheet,
  onSheet,
  detected,
  asOf,
  onAsOf,
}: {
  grids: Grid[] | null;
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
        <Select value={sheet} onChange={(_, d) => onSheet(d.value)} aria-label="台账工作表">
          <option value="">自动识别{detected ? `（${detected}）` : ''}</option>
          {(grids ? sheetChoices(grids) : []).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="截至" size="small">
        <Input type="date" value={asOf} onChange={(_, d) => d.value && onAsOf(d.value)} aria-label="截至日期" />
      </Field>
    </div>
  );
}

export type StatusMessage = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

/** Progress of the work under way, the last result, and a problem with the ledger itself. */
export function Status({ busy, message, problem }: { busy: { label: string; value?: number } | null; message: StatusMessage | null; problem?: string | null }): React.JSX.Element {
  return (
    <>
      {busy && <Progress label={busy.label} value={busy.value} />}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
