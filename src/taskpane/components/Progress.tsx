import * as React from 'react';
import { Field, ProgressBar } from '@fluentui/react-components';
import { useHidden } from './Announcer';

/** At most one spoken progress line in this many milliseconds, and only when a quarter more is done. */
export const PROGRESS_SAY_GAP_MS = 3000;

/**
 * Progress on long work: a bar with words (rows and a percentage when known), determinate when the amount is known.
 * The words on screen change with every step; screen readers hear them politely and seldom: when the work starts,
 * then each time another quarter is done (not more often than every few seconds).
 */
export function Progress({ label, value, sayGap = PROGRESS_SAY_GAP_MS }: { label: string; value?: number; sayGap?: number }): React.JSX.Element {
  const s = useHidden();
  const percent = value === undefined ? null : Math.min(100, Math.floor(value * 100));
  const quarter = percent === null ? -1 : Math.floor(percent / 25);
  const [spoken, setSpoken] = React.useState('');
  const latest = React.useRef(label);
  latest.current = label;
  const last = React.useRef({ at: Date.now(), quarter });
  // The live region is on the page before its first words, so they are read.
  React.useEffect(() => {
    const t = setTimeout(() => setSpoken(latest.current), 100);
    return () => clearTimeout(t);
  }, []);
  React.useEffect(() => {
    const now = Date.now();
    if (quarter > last.current.quarter && now - last.current.at >= sayGap) {
      last.current = { at: now, quarter };
      setSpoken(label);
    }
  }, [label, quarter, sayGap]);
  return (
    <>
      <Field validationMessage={<Figures label={label} />} validationState="none" data-testid="progress">
        <ProgressBar value={value} aria-label="进度" aria-valuetext={percent === null ? undefined : `${percent}%`} thickness="large" />
      </Field>
      <span role="status" aria-live="polite" aria-atomic="true" className={s.hidden} data-testid="progress-spoken">
        {spoken}
      </span>
    </>
  );
}

/** The words with each bracketed figure (（12,288 / 20,002 行）, （45%）) kept on one line: a narrow page breaks around it. */
function Figures({ label }: { label: string }): React.JSX.Element {
  const parts = label.split(/(（[^（）]*）)/);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} style={{ whiteSpace: 'nowrap' }} data-figures="">
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}
