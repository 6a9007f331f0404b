import * as React from 'react';
import { makeStyles } from '@fluentui/react-components';

/** Visually hidden but read by screen readers. */
export const useHidden = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

const Ctx = React.createContext<(text: string) => void>(() => undefined);

/** Screen readers hear what the page says happened: a ledger loaded, an error, a file made. */
export function useAnnounce(): (text: string) => void {
  return React.useContext(Ctx);
}

/**
 * One polite live region for the whole page (present from the start, so readers pick up every change). The same
 * text twice in a row is announced twice: the region is emptied first.
 */
export function Announcer({ children }: { children: React.ReactNode }): React.JSX.Element {
  const s = useHidden();
  const [text, setText] = React.useState('');
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = React.useCallback((t: string) => {
    setText('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setText(t), 50);
  }, []);
  React.useEffect(() => () => timer.current && clearTimeout(timer.current), []);
  return (
    <Ctx.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className={s.hidden} data-testid="announcer">
        {text}
      </div>
    </Ctx.Provider>
  );
}
