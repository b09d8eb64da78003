// What one document may produce. Postings and résumés are untrusted and may be megabytes of
// repeated lines; without caps a 10 MB upload becomes a profile of hundreds of thousands of
// requirements or positions that every later step (storage, indexing, scoring, explanation)
// pays for. The numbers are far above what real documents reach (real postings have fewer than
// 60 requirements and 30 sections; real résumés fewer than 40 positions, 150 skills and 10
// degrees), so they never change the result for a real document. When a cap is hit the profile
// keeps the first items (in document order) and says so in `warnings[]`.

export const LIMITS = {
  /** Requirements per posting. */
  requirements: 500,
  /** Positions per résumé. */
  positions: 500,
  /** Distinct skills per posting or résumé (the taxonomy has a few thousand). */
  skills: 1000,
  /** Mentions kept per skill (the rest still count for months of use and flags). */
  mentionsPerSkill: 100,
  /** Degrees read from a résumé. */
  education: 100,
  /** Leadership evidence lines kept per résumé (all still count for months and team size). */
  leadershipEvidence: 200,
  /** Sections listed in a profile. */
  sections: 500,
} as const;

export type LimitName = keyof typeof LIMITS;

const WHAT: Record<LimitName, string> = {
  requirements: 'requirements',
  positions: 'dated positions',
  skills: 'distinct skills',
  mentionsPerSkill: 'mentions of one skill',
  education: 'degrees',
  leadershipEvidence: 'leadership evidence lines',
  sections: 'sections',
};

const CODE: Record<LimitName, string> = {
  requirements: 'TOO_MANY_REQUIREMENTS',
  positions: 'TOO_MANY_POSITIONS',
  skills: 'TOO_MANY_SKILLS',
  mentionsPerSkill: 'TOO_MANY_MENTIONS',
  education: 'TOO_MANY_DEGREES',
  leadershipEvidence: 'TOO_MANY_LEADERSHIP_LINES',
  sections: 'TOO_MANY_SECTIONS',
};

/** The warning for a cap that was hit: `found` items, of which the first LIMITS[name] were kept. */
export function capWarning(name: LimitName, found: number, detail = ''): { code: string; message: string } {
  return { code: CODE[name], message: `The document has ${found} ${WHAT[name]}${detail}; only the first ${LIMITS[name]} were kept.` };
}

/** One warning for every skill with more than LIMITS.mentionsPerSkill mentions (the most mentioned named), or null. */
export function mentionCapWarning(counts: ReadonlyMap<string, number>, nameOf: (id: string) => string): { code: string; message: string } | null {
  let capped = 0;
  let top: [string, number] | null = null;
  for (const [id, n] of counts) {
    if (n <= LIMITS.mentionsPerSkill) continue;
    capped++;
    if (!top || n > top[1]) top = [id, n];
  }
  if (!top) return null;
  const others = capped > 1 ? ` (and ${capped - 1} other skill${capped > 2 ? 's' : ''} more than ${LIMITS.mentionsPerSkill} times)` : '';
  return { code: 'TOO_MANY_MENTIONS', message: `${nameOf(top[0])} is mentioned ${top[1]} times${others}; only the first ${LIMITS.mentionsPerSkill} mentions of a skill were kept.` };
}

/** The first LIMITS.sections sections, with a warning when there were more. */
export function listedSections<T>(sections: readonly T[], warnings: Array<{ code: string; message: string }>): readonly T[] {
  if (sections.length <= LIMITS.sections) return sections;
  warnings.push(capWarning('sections', sections.length));
  return sections.slice(0, LIMITS.sections);
}
