/** Chinese numerals for headings and enumerations (一、（一）一是), and widths in em for layout. */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** Width of a text in em: CJK and full-width forms 1, ASCII and half-width 0.5. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c < 0x2e80 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}
