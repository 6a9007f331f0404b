import * as React from 'react';
import { Textarea, TextareaProps } from '@fluentui/react-components';

/**
 * A text box as tall as its lines: at 320 px a line of 抄送 wraps, and the box grows with it instead of showing half
 * a line (it follows the text and the window's width; the clerk can still make it taller).
 */
export function AutoTextarea(props: TextareaProps): React.JSX.Element {
  const ref = React.useRef<HTMLTextAreaElement>(null);
  const fit = React.useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    if (el.scrollHeight > 0) el.style.height = `${el.scrollHeight}px`;
  }, []);
  React.useLayoutEffect(fit, [fit, props.value]);
  // The pane made narrower or wider (the window, the zoom) re-wraps the text.
  React.useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    let width = el.clientWidth;
    const onResize = () => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fit();
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [fit]);
  return <Textarea resize="vertical" {...props} ref={ref} />;
}
