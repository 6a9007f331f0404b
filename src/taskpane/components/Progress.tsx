import * as React from 'react';
import { Field, ProgressBar } from '@fluentui/react-components';

/** Progress on long work: a bar with words (rows and a percentage when known), determinate when the amount is known. */
export function Progress({ label, value }: { label: string; value?: number }): React.JSX.Element {
  return (
    <Field validationMessage={label} validationState="none" data-testid="progress">
      <ProgressBar value={value} aria-label={label} thickness="large" />
    </Field>
  );
}
