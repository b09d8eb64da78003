// Per-request weight overrides: which keys exist and the ranges that keep scores in 0..100 and
// keep the ranking index's upper bounds valid (every credit factor is at most 1).

const RANGES: Record<string, [number, number]> = {
  preferredFactor: [0, 10],
  gateThreshold: [0, 1],
  gateCap: [0, 100],
  similarityWeight: [0, 1],
  relatedCredit: [0, 1],
  childCredit: [0, 1],
  listedOnlyCredit: [0, 1],
  listedWithoutPositionsCredit: [0, 1],
  staleCredit: [0, 1],
  relatedFieldCredit: [0, 1],
  otherFieldCredit: [0, 1],
  degreeBelowCredit: [0, 1],
  // Above 0, so credit never falls as years grow (the ranking index relies on it).
  yearsCreditExponent: [0.1, 5],
  unrecognisedScopeCredit: [0, 1],
  languageUnstatedLevelCredit: [0, 1],
  languageLevelStepPenalty: [0, 1],
  teamSizeUnknownCredit: [0, 1],
  overqualifiedYears: [0, 50],
  overqualifiedDegreeLevels: [0, 4],
  overqualificationPenalty: [0, 1],
  gateShareWeight: [0, 1],
  textWeight: [0, 1],
  textFullShare: [0.01, 1],
};
const LEADERSHIP_KINDS = new Set(['mentoring', 'tech-lead', 'people-management', 'architecture', 'project-leadership', 'executive']);
const MAPS: Record<string, { keys: ReadonlySet<string> | null; range: [number, number]; nested?: boolean }> = {
  kinds: { keys: new Set(['skill', 'experience', 'education', 'language', 'leadership', 'certification', 'other']), range: [0, 100] },
  equivalentYears: { keys: null, range: [0, 50] },
  // Asked kind -> shown kind -> credit.
  leadershipCredit: { keys: LEADERSHIP_KINDS, range: [0, 1], nested: true },
  // Role relevance shares and floor (months: checked apart).
  relevance: { keys: new Set(['floor', 'weight', 'unknown', 'recentWeight', 'shareWeight', 'monthsWeight', 'months']), range: [0, 1] },
};
/** Keys of a map with their own range. */
const MAP_RANGES: Record<string, [number, number]> = { 'relevance.months': [1, 600] };

/** Why these overrides are not acceptable, or null when they are. */
export function weightProblem(o: unknown): string | null {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'weights must be a JSON object';
  const num = (v: unknown, where: string, [lo, hi]: [number, number]): string | null =>
    typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? null : `weight ${where} must be a number from ${lo} to ${hi}`;
  for (const [k, v] of Object.entries(o)) {
    const range = RANGES[k];
    if (range) {
      const p = num(v, k, range);
      if (p) return p;
      continue;
    }
    const map = MAPS[k];
    if (!map) return `unknown weight "${k}"`;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `weight ${k} must be an object`;
    for (const [kk, vv] of Object.entries(v)) {
      if (map.keys && !map.keys.has(kk)) return `unknown weight "${k}.${kk}"`;
      if (map.nested) {
        if (typeof vv !== 'object' || vv === null || Array.isArray(vv)) return `weight ${k}.${kk} must be an object`;
        for (const [k3, v3] of Object.entries(vv)) {
          if (map.keys && !map.keys.has(k3)) return `unknown weight "${k}.${kk}.${k3}"`;
          const p = num(v3, `${k}.${kk}.${k3}`, map.range);
          if (p) return p;
        }
        continue;
      }
      const p = num(vv, `${k}.${kk}`, MAP_RANGES[`${k}.${kk}`] ?? map.range);
      if (p) return p;
    }
  }
  return null;
}
