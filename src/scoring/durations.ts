// Months as words, for details (a leaf module: relevance.ts reads it while candidate.ts compiles).

/** "3 years 4 months", "1 year", "7 months". */
export function duration(months: number): string {
  const y = Math.floor(months / 12);
  const m = Math.round(months % 12);
  const ys = y ? `${y} year${y === 1 ? '' : 's'}` : '';
  const ms = m ? `${m} month${m === 1 ? '' : 's'}` : '';
  return [ys, ms].filter(Boolean).join(' ') || '0 months';
}
