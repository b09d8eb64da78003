// Spoken-language levels in order (CEFR, then native), shared by the scorer and the compact candidate.

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];

/** A level's place in the order; -1 when none is stated or it is not one of them. */
export function levelRank(level: string | null | undefined): number {
  return level ? LEVELS.indexOf(level) : -1;
}
