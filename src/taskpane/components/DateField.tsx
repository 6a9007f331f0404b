import * as React from 'react';
import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { dayInWords, parseDateInput } from '../../core';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px', maxWidth: '100%' },
  input: { width: '11em', maxWidth: '100%', minWidth: 0 },
  picker: { position: 'absolute', width: '1px', height: '1px', opacity: 0, pointerEvents: 'none', border: 0, padding: 0 },
  wrap: { position: 'relative' },
});

/**
 * A day, typed in any form a clerk writes one (2021-08-01, 2021/8/1, 2021年8月1日, 20210801) or picked from the
 * calendar. Nothing is committed while typing: on Enter or leaving the field the text is read, and the field says
 * back the day it understood (or what is wrong with the text, keeping the last good day).
 */
export function DateField({
  label,
  value,
  onCommit,
  hint,
  warning,
}: {
  label: string;
  value: string;
  onCommit: (day: string) => void;
  hint?: string;
  /** Something to check about the day (印发日期 before 成文日期): said at the field after the day in words. */
  warning?: string;
}): React.JSX.Element {
  const s = useStyles();
  const [text, setText] = React.useState(value);
  const [error, setError] = React.useState<string | null>(null);
  const picker = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    setText(value);
    setError(null);
  }, [value]);

  const commit = () => {
    const r = parseDateInput(text);
    if (r.kind === 'ok') {
      setError(null);
      setText(r.day);
      if (r.day !== value) onCommit(r.day);
    } else setError(r.kind === 'empty' ? `请填写${label}。` : r.message);
  };

  const pick = () => {
    const el = picker.current;
    if (!el) return;
    el.value = value;
    if (typeof el.showPicker === 'function') {
      try {
        el.showPicker();
        return;
      } catch {
        /* fall through: some browsers refuse without a visible input */
      }
    }
    el.click();
  };

  const good = parseDateInput(value);
  const inWords = good.kind === 'ok' ? `${dayInWords(good.day)}${hint ? `，${hint}` : ''}` : undefined;
  const said = error ?? (warning ? `${inWords ? `${inWords}。` : ''}${warning}` : inWords);
  return (
    <Field label={label} size="small" validationState={error ? 'error' : warning ? 'warning' : 'none'} validationMessage={said}>
      <div className={s.row}>
        <Input
          className={s.input}
          value={text}
          inputMode="numeric"
          placeholder="2021-08-01"
          aria-label={label}
          onChange={(_, d) => setText(d.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              setText(value);
              setError(null);
            }
          }}
        />
        <span className={s.wrap}>
          <Button size="small" onClick={pick} aria-label={`从日历选择${label}`}>
            日历
          </Button>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className={s.picker}
            onChange={(e) => {
              const d = e.currentTarget.value;
              if (d && d !== value) onCommit(d);
            }}
          />
        </span>
      </div>
    </Field>
  );
}
