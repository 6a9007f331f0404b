import * as React from 'react';
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', columnGap: '4px', ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke2), padding: '0 6px' },
  tab: {
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    background: 'transparent',
    ...shorthands.border('0'),
    borderBottom: '3px solid transparent',
    padding: '8px 10px 5px',
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
});

/**
 * Tabs as the ARIA pattern has them (arrow keys move between tabs, one tab stop). A small component of our own:
 * Fluent's TabList adds focus sentinels that are focusable yet aria-hidden, which screen-reader checks flag.
 */
export function Tabs<T extends string>({ label, tabs, value, onChange, panelId }: { label: string; tabs: Array<[T, string]>; value: T; onChange: (v: T) => void; panelId: string }): React.JSX.Element {
  const s = useStyles();
  const refs = React.useRef<Array<HTMLButtonElement | null>>([]);
  const move = (i: number) => {
    const n = (i + tabs.length) % tabs.length;
    onChange(tabs[n][0]);
    refs.current[n]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={s.list}>
      {tabs.map(([v, text], i) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${panelId}-tab-${v}`}
          aria-selected={v === value}
          aria-controls={panelId}
          tabIndex={v === value ? 0 : -1}
          className={mergeClasses(s.tab, v === value && s.selected)}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(i + 1);
            else if (e.key === 'ArrowLeft') move(i - 1);
            else if (e.key === 'Home') move(0);
            else if (e.key === 'End') move(tabs.length - 1);
            else return;
            e.preventDefault();
          }}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
