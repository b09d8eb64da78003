// Whether a short phrase is a job title: a known title, a phrase ending in a role noun
// ("Engineering Intern", "Brand Director"), or a rank of a function ("VP of Sales").

import type { Lexicons } from '../taxonomy/lexicons.ts';

const ROLE_WORD = /\b(?:engineer|developer|programmer|manager|director|analyst|consultant|designer|specialist|assistant|associate|officer|representative|coordinator|administrator|technician|teacher|nurse|intern|trainee|architect|scientist|researcher|accountant|lead|head|president|founder|owner|partner|executive|advisor|editor|writer|recruiter|agent|operator|supervisor|clerk|apprentice|fellow)s?$/i;
const RANK_OF = /^(?:(?:senior|associate|assistant|deputy|group|global|regional)\s+)?(?:head|director|vice president|vp|svp|evp|chief|manager|lead|dean|principal)(?:\s+of\b|,\s|\s[–-]\s)/i;

export function isJobTitle(lex: Lexicons, s: string): boolean {
  // "Career Level: Director" is a labelled field, not a title line.
  // "**Reports to:** Finance Director" (markdown) is one too.
  const plain = s.replace(/[*_]{1,3}/g, '').trim();
  if (/^[\p{L} ]{2,30}:\s/u.test(plain) && !/^(?:job )?(?:title|position|role)\s*:/i.test(plain)) return false;
  // "Frontend Engineering Intern (Vue.js)": the bracketed part does not decide.
  const raw = s.trim();
  const t = raw.endsWith(')') && raw.lastIndexOf('(') > 0 ? raw.slice(0, raw.lastIndexOf('(')).trim() : raw;
  return ROLE_WORD.test(t) || RANK_OF.test(t) || lex.titles.find(s).some((m) => m.value.kind === 'title');
}
