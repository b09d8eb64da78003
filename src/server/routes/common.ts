// Small pieces the routes share: the ranking options of a body, read through the app layer's
// one parser of each option.

import { filterFrom, type FilterField } from '../../domain/filter.ts';
import { REQUEST, weightsOption, type RankQuery } from '../../app/index.ts';

export interface RankingFields extends Partial<Record<FilterField, string>> {
  top?: number;
  minScore?: number;
  passingOnly?: boolean;
  weights?: unknown;
  explain?: 'summary' | 'full';
}

export function rankQuery(b: RankingFields): RankQuery {
  const weights = weightsOption(b.weights, REQUEST);
  return {
    top: b.top ?? 10,
    filter: filterFrom(b),
    ...(b.minScore !== undefined ? { minScore: b.minScore } : {}),
    ...(b.passingOnly !== undefined ? { passingOnly: b.passingOnly } : {}),
    ...(weights ? { weights } : {}),
    explain: b.explain ?? 'summary',
  };
}
