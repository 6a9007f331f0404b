import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PAGE_HELP } from '../helpText';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '4px',
    padding: '8px 10px',
    maxWidth: '760px',
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  h: { margin: '6px 0 0', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  ul: { margin: 0, paddingLeft: '18px' },
});

/** 帮助 on the standalone page: how to use it, inside the page itself (no file beside it, no network). */
export function Help({ onClose }: { onClose: () => void }): React.JSX.Element {
  const s = useStyles();
  const heading = React.useRef<HTMLHeadingElement>(null);
  const id = React.useId();
  React.useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className={s.panel}
      aria-labelledby={id}
      data-testid="help"
      onKeyDown={(e) => {
        // Esc closes the help (back to 帮助), as it closes any panel opened over the page.
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={id} ref={heading} tabIndex={-1} className={s.title}>
        使用帮助
      </h2>
      {PAGE_HELP.map((x) => (
        <React.Fragment key={x.heading}>
          <h3 className={s.h}>{x.heading}</h3>
          <ul className={s.ul}>
            {x.lines.map((line) => (
              <li key={line}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
        </React.Fragment>
      ))}
      <div>
        <Button size="small" onClick={onClose}>
          关闭帮助
        </Button>
      </div>
    </section>
  );
}
