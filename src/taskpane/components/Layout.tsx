import * as React from 'react';
import { makeStyles, shorthands, tokens, Title3, Text } from '@fluentui/react-components';

export const useLayout = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    padding: '10px',
    minWidth: 0,
    width: '100%',
    maxWidth: '760px',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'flex-end' },
  drop: {
    ...shorthands.border('2px', 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    padding: '14px 8px',
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
});

export function Header({ subtitle }: { subtitle: string }): React.JSX.Element {
  const s = useLayout();
  return (
    <header>
      <Title3 as="h1">办理助手</Title3>
      <Text as="p" className={s.muted} block>
        {subtitle}
      </Text>
    </header>
  );
}
