// Which stored postings a list, a ranking or a batch looks at. One type and one normalisation for
// the store's columns, the ranking index's metadata, the HTTP routes and the CLI, so the same
// filter finds the same postings everywhere ("Full-time", " berlin" and "onsite" included).

/** Equality filters on what a posting says of itself; an absent field does not filter. */
export interface PostingFilter {
  /** ISO 3166 alpha-2 code, any case. */
  country?: string;
  /** City name, any case and spacing. */
  city?: string;
  /** remote, hybrid, on-site ("onsite" and "On Site" read as on-site). */
  workMode?: string;
  /** full-time, part-time, contract, ... ("Full time" reads as full-time). */
  employmentType?: string;
}

export const FILTER_FIELDS = ['country', 'city', 'workMode', 'employmentType'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The comparable form of one filter or column value; null for a blank one. */
export function filterValue(field: FilterField, v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = v.trim().normalize('NFC');
  if (s === '') return null;
  switch (field) {
    case 'country':
      return s.toUpperCase();
    case 'city':
      return s.toLowerCase().replace(/\s+/g, ' ');
    case 'workMode': {
      const w = s.toLowerCase().replace(/[\s_]+/g, '-');
      return w === 'onsite' ? 'on-site' : w;
    }
    case 'employmentType':
      return s.toLowerCase().replace(/[\s_]+/g, '-');
  }
}

/** The filter with every field in its comparable form; blank fields are dropped. */
export function normalizeFilter(f: PostingFilter | undefined): PostingFilter {
  const out: PostingFilter = {};
  if (!f) return out;
  for (const field of FILTER_FIELDS) {
    const v = filterValue(field, f[field]);
    if (v !== null) out[field] = v;
  }
  return out;
}

/** The filter fields present in an object of request fields (query string, body, CLI options). */
export function filterFrom(o: Partial<Record<FilterField, unknown>>): PostingFilter {
  const f: PostingFilter = {};
  for (const field of FILTER_FIELDS) if (typeof o[field] === 'string') f[field] = o[field];
  return normalizeFilter(f);
}
