// Linear-time trimming of arbitrary characters (an anchored /[...]+$/ regex is quadratic on
// long runs, and this code runs on untrusted text).

export function trimChars(s: string, chars: string, side: 'both' | 'start' | 'end' = 'both'): string {
  let a = 0;
  let b = s.length;
  if (side !== 'end') while (a < b && chars.includes(s[a]!)) a++;
  if (side !== 'start') while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

export const SPACES = ' \t\n\r\f\v\u00a0';
