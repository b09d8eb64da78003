// Requirement kinds: leadership semantics (which kinds of leadership show which), the
// overqualification hint, the weights that moved into scoring.yaml, and the registry's bounds
// (every class bound is at least what the scorer gives).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import type { ScoreContext } from '../../src/scoring/common.ts';
import { KIND_ORDER, KINDS } from '../../src/scoring/kinds.ts';
import { weightProblem } from '../../src/scoring/weights.ts';
import { rng, syntheticPosting, syntheticResume } from '../helpers/synthetic.ts';

const engine = createEngine();
const AS_OF = { asOf: '2026-11-01' };
const resume = (body: string): string => `Sam Lee\nsam@example.com\n\nEXPERIENCE\n${body}\n\nEDUCATION\nBSc Computer Science, University of Leeds, 2015`;
const posting = (lines: string): string => `Backend Engineer\n\nRequirements\n${lines}\n`;
const first = (r: string, p: string, weights = {}): { credit: number; detail: string; kind: string } => engine.score(r, p, { ...AS_OF, weights }).requirements[0]!;

const PEOPLE = {
  salesManager: 'Regional Sales Manager, Acme Ltd\tJan 2016 – Present\n- Managed a team of 12 account executives and hired 5 sales reps\n- Conducted performance reviews and one-on-ones',
  architect: 'Staff Engineer, Acme Ltd\tJan 2016 – Present\n- Led the architecture of the payments platform\n- Java services',
  techLead: 'Tech Lead, Acme Ltd\tJan 2016 – Present\n- Acted as tech lead for a team of 6 engineers building Java services',
  mentor: 'Software Engineer, Acme Ltd\tJan 2016 – Present\n- Mentored junior engineers and ran training sessions\n- Java services',
  electrician: 'Electrician, Acme Ltd\tJan 2016 – Present\n- Installed LED lighting and LED displays in offices',
  leadGen: 'Marketing Specialist, Acme Ltd\tJan 2016 – Present\n- Ran lead generation campaigns and lead scoring in HubSpot',
} as const;
const ASKS = {
  architecture: '- Lead the architecture of our backend systems',
  technical: '- Technical leadership experience',
  design: '- Design leadership',
  mentoring: '- Experience mentoring junior engineers',
  people: '- People management experience',
} as const;

describe('leadership: which kind of leadership shows which', () => {
  // [who, asked, must (credit 1) | half (0.5) | partial (0 < credit <= 0.25) | none (credit 0)]
  const rows: Array<[keyof typeof PEOPLE, keyof typeof ASKS, 'must' | 'half' | 'partial' | 'none']> = [
    // Must match: each kind shows itself.
    ['architect', 'architecture', 'must'],
    ['architect', 'design', 'must'],
    ['techLead', 'technical', 'must'],
    ['mentor', 'mentoring', 'must'],
    ['salesManager', 'people', 'must'],
    // Must not: managing people is no architecture, design or technical leadership.
    ['salesManager', 'architecture', 'none'],
    ['salesManager', 'design', 'none'],
    ['salesManager', 'technical', 'none'],
    // Must not: mentoring is no architecture; architecture is no people management or mentoring.
    ['mentor', 'architecture', 'none'],
    ['mentor', 'design', 'none'],
    ['architect', 'people', 'none'],
    ['architect', 'mentoring', 'none'],
    // Tech lead and architecture, both technical leadership, earn half of each other.
    ['techLead', 'architecture', 'half'],
    ['techLead', 'design', 'half'],
    ['architect', 'technical', 'half'],
    // Other related kinds earn a little.
    ['techLead', 'mentoring', 'partial'],
    ['mentor', 'technical', 'partial'],
    ['salesManager', 'mentoring', 'partial'],
    // Not leadership at all: "LED lighting", "lead generation".
    ['electrician', 'architecture', 'none'],
    ['electrician', 'technical', 'none'],
    ['electrician', 'people', 'none'],
    ['electrician', 'mentoring', 'none'],
    ['leadGen', 'technical', 'none'],
    ['leadGen', 'people', 'none'],
  ];
  it.each(rows)('%s for %s: %s', (who, asked, expected) => {
    const r = first(resume(PEOPLE[who]), posting(ASKS[asked]));
    expect(r.kind).toBe('leadership');
    if (expected === 'must') expect(r.credit).toBe(1);
    else if (expected === 'none') expect(r.credit).toBe(0);
    else if (expected === 'half') expect(r.credit).toBe(0.5);
    else {
      expect(r.credit).toBeGreaterThan(0);
      expect(r.credit).toBeLessThanOrEqual(0.25);
    }
  });

  it('says when the leadership found is of another kind', () => {
    expect(first(resume(PEOPLE.salesManager), posting(ASKS.architecture)).detail).toMatch(/only other leadership found.*people-management/);
    expect(first(resume(PEOPLE.techLead), posting(ASKS.architecture)).detail).toMatch(/related leadership found, partial credit/);
  });

  it('the partial credit across kinds is a weight (leadershipCredit)', () => {
    const r = resume(PEOPLE.salesManager);
    expect(first(r, posting(ASKS.architecture), { leadershipCredit: { architecture: { 'people-management': 0.5 } } }).credit).toBe(0.5);
    expect(first(resume(PEOPLE.techLead), posting(ASKS.architecture), { leadershipCredit: {} }).credit).toBe(0);
  });

  it('a team size asked and not stated earns teamSizeUnknownCredit', () => {
    const p = posting('- Experience leading a team of 5+ engineers');
    const r = resume('Tech Lead, Acme Ltd\tJan 2016 – Present\n- Acted as tech lead for Java services');
    expect(first(r, p).credit).toBeCloseTo(0.6, 3);
    expect(first(r, p, { teamSizeUnknownCredit: 0.9 }).credit).toBeCloseTo(0.9, 3);
  });
});

describe('overqualification', () => {
  const senior = resume('Senior Engineer, Acme Ltd\tJan 2012 – Present\n- Java services');
  const junior = resume('Engineer, Acme Ltd\tJan 2025 – Present\n- Java services');
  const p = posting('- 0-2 years of professional experience');

  it('well past the maximum years: the detail says so, and it costs nothing by default', () => {
    const r = first(senior, p);
    expect(r.credit).toBe(1);
    expect(r.detail).toMatch(/overqualified: well past the role's maximum of 2 years/);
    expect(first(junior, p).detail).not.toMatch(/overqualified/);
  });

  it('overqualificationPenalty makes it cost points', () => {
    const r = first(senior, p, { overqualificationPenalty: 0.3 });
    expect(r.credit).toBeCloseTo(0.7, 3);
    expect(r.detail).toMatch(/costs 30% of this line/);
    expect(first(junior, p, { overqualificationPenalty: 0.3 }).credit).toBe(1);
  });

  it('a degree well above the one asked is a hint too', () => {
    const phd = `Sam Lee\n\nEXPERIENCE\nEngineer, Acme Ltd\tJan 2020 – Present\n- Java services\n\nEDUCATION\nPhD in Computer Science, University of Leeds, 2019`;
    const r = first(phd, posting("- Bachelor's degree in Computer Science"));
    expect(r.credit).toBe(1);
    expect(r.detail).toMatch(/overqualified: Doctorate for a role asking Bachelor's/);
    expect(first(phd, posting("- Master's degree in Computer Science")).detail).not.toMatch(/overqualified/);
  });
});

describe('weights that moved into scoring.yaml', () => {
  it('every one is in the compiled model', () => {
    const w = engine.scoring.weights;
    for (const k of ['degreeBelowCredit', 'yearsCreditExponent', 'unrecognisedScopeCredit', 'languageUnstatedLevelCredit', 'languageLevelStepPenalty', 'teamSizeUnknownCredit', 'overqualifiedYears', 'overqualifiedDegreeLevels', 'overqualificationPenalty'] as const) {
      expect(typeof w[k], k).toBe('number');
    }
    expect(w.overqualificationPenalty).toBe(0);
    expect(w.leadershipCredit.architecture?.['people-management'] ?? 0).toBe(0);
  });

  it.each([
    ['degreeBelowCredit', "- Master's degree in Computer Science", 'Engineer, Acme Ltd\tJan 2010 – Present\n- Java services', 0.4, 0.2],
    ['yearsCreditExponent', '- 4+ years of experience with Python', 'Engineer, Acme Ltd\tJan 2024 – Dec 2025\n- Python services', Math.pow(0.5, 1.5), 0.5],
    ['unrecognisedScopeCredit', '- 3+ years of experience in beekeeping', 'Engineer, Acme Ltd\tJan 2010 – Present\n- Java services', 0.6, 0.3],
  ] as const)('%s changes the credit', (key, line, body, before, after) => {
    const value = key === 'yearsCreditExponent' ? 1 : after;
    expect(first(resume(body), posting(line)).credit).toBeCloseTo(before, 2);
    expect(first(resume(body), posting(line), { [key]: value }).credit).toBeCloseTo(after, 2);
  });

  it('languages: an unstated level and each step short of the level asked', () => {
    const r = `${resume('Engineer, Acme Ltd\tJan 2020 – Present')}\n\nLANGUAGES\nGerman (B1)\nSpanish`;
    expect(first(r, posting('- German at C1 level')).credit).toBeCloseTo(0.4, 2);
    expect(first(r, posting('- German at C1 level'), { languageLevelStepPenalty: 0.1 }).credit).toBeCloseTo(0.8, 2);
    expect(first(r, posting('- Spanish at C1 level')).credit).toBeCloseTo(0.75, 2);
    expect(first(r, posting('- Spanish at C1 level'), { languageUnstatedLevelCredit: 0.5 }).credit).toBeCloseTo(0.5, 2);
  });

  it('overrides are checked: ranges and the leadership table', () => {
    expect(weightProblem({ overqualificationPenalty: 0.2, leadershipCredit: { architecture: { 'tech-lead': 0.3 } } })).toBeNull();
    expect(weightProblem({ overqualificationPenalty: 2 })).toMatch(/from 0 to 1/);
    expect(weightProblem({ yearsCreditExponent: 0 })).toMatch(/yearsCreditExponent/);
    expect(weightProblem({ leadershipCredit: { architecture: { sales: 0.3 } } })).toMatch(/unknown weight "leadershipCredit.architecture.sales"/);
    expect(weightProblem({ leadershipCredit: { architecture: 0.3 } })).toMatch(/must be an object/);
  });
});

describe('the registry: each kind bounds its own score', () => {
  const r = rng(11);
  const samples = new URL('../../data/samples/', import.meta.url).pathname;
  const roles = [
    ...Array.from({ length: 40 }, () => engine.role(syntheticPosting(r))),
    ...readdirSync(join(samples, 'postings')).sort().map((f) => engine.role(readFileSync(join(samples, 'postings', f), 'utf8'))),
  ];
  const candidates = [
    ...Array.from({ length: 15 }, () => engine.candidate(syntheticResume(r), AS_OF)),
    ...readdirSync(join(samples, 'resumes')).sort().map((f) => engine.candidate(readFileSync(join(samples, 'resumes', f), 'utf8'), AS_OF)),
  ];

  it('every kind has a rule', () => {
    for (const k of KIND_ORDER) expect(KINDS[k], k).toBeDefined();
  });

  it('a class bound is never below the credit, and class and item lines are always known', () => {
    let classes = 0;
    for (const weights of [engine.scoring.weights, { ...engine.scoring.weights, overqualificationPenalty: 0.5, degreeBelowCredit: 0.9, yearsCreditExponent: 0.5 }]) {
      for (const role of roles) {
        for (const { requirement, any, all } of role.reqs) {
          const rule = KINDS[requirement.kind];
          const plan = rule.plan(requirement, any, all, engine.taxonomy);
          for (const candidate of candidates) {
            const ctx: ScoreContext = { tax: engine.taxonomy, weights, candidate, requirement, any, all, explain: false };
            const s = rule.score(ctx);
            if (plan.via === 'unknown') expect(s.status).toBe('unknown');
            if (plan.via === 'items' || plan.via === 'class') expect(s.status, requirement.text).not.toBe('unknown');
            if (plan.via === 'class') {
              classes++;
              expect(rule.classBound(candidate, weights, plan.key), requirement.text).toBeGreaterThanOrEqual(s.credit - 1e-9);
            }
          }
        }
      }
    }
    expect(classes).toBeGreaterThan(1000);
  });
});

describe('overrides of the scoring 2.0 aggregation weights', () => {
  it('are accepted in range and refused out of it', () => {
    expect(weightProblem({ gateShareWeight: 0.4, relevance: { floor: 0.5, weight: 0.1, months: 48 } })).toBeNull();
    expect(weightProblem({ gateShareWeight: 1.5 })).toMatch(/gateShareWeight/);
    expect(weightProblem({ relevance: { floor: 2 } })).toMatch(/relevance.floor/);
    expect(weightProblem({ relevance: { months: 0 } })).toMatch(/relevance.months/);
    expect(weightProblem({ relevance: { nope: 1 } })).toMatch(/unknown weight "relevance.nope"/);
  });
});
