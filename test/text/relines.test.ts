import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from '../../src/text/normalize.ts';
import { relineText } from '../../src/text/relines.ts';
import { lineSpans } from '../../src/text/sentences.ts';

const lines = (input: string, protects?: (t: string, at: number) => boolean): string[] => {
  const n = relineText(normalizeText(input), { minGluedLine: 20, ...(protects ? { protects } : {}) });
  // Every line maps back to the same characters of the input.
  return lineSpans(n.text).map((l) => {
    const o = toOriginalSpan(n, l);
    expect(input.slice(o.start, o.end).replace(/\s+/g, ' ')).toBe(n.text.slice(l.start, l.end).replace(/\s+/g, ' '));
    return n.text.slice(l.start, l.end);
  });
};

describe('glued list items are split', () => {
  it.each([
    ['Strong organizational skillsWorked directly with clients on audits', ['Strong organizational skills', 'Worked directly with clients on audits']],
    ['QualificationsConfident in driving sales for personal training', ['Qualifications', 'Confident in driving sales for personal training']],
    ['Must have a valid licence.Must be able to lift 50 lbs', ['Must have a valid licence.', 'Must be able to lift 50 lbs']],
    ['High emphasis on teamwork,Experience with Concur is required', ['High emphasis on teamwork,', 'Experience with Concur is required']],
    ['Strong academic record (GPA 3.0)Ability to prioritize tasks', ['Strong academic record (GPA 3.0)', 'Ability to prioritize tasks']],
    ['Degree in Computer Science or related field2+ years of experience in AWS', ['Degree in Computer Science or related field', '2+ years of experience in AWS']],
  ])('%s', (input, expected) => {
    expect(lines(input)).toEqual(expected);
  });

  it.each([
    ['Experience with JavaScript, TypeScript and PowerPoint decks'],
    ['Knowledge of iOS, macOS and LinkedIn Recruiter tools'],
    ['Visit www.example.com/CareersPage for the full posting'],
  ])('no split: %s', (input) => {
    expect(lines(input, () => false)).toEqual([input]);
  });

  it('a CamelCase name the taxonomy knows is protected', () => {
    const input = 'Deep learning experience with TensorFlow and PyTorch models';
    expect(lines(input, (t, at) => t.slice(at - 6, at + 4) === 'TensorFlow')).toEqual([input]);
  });
});

describe('hard-wrapped items are joined', () => {
  it.each([
    ['- 5+ years of experience building distributed systems in\n  Go or Java\n- Kafka', ['5+ years of experience building distributed systems in Go or Java', 'Kafka']],
    ['- Experience with payment systems and card schemes, ideally\nwith PCI DSS audits behind you\n- SQL', ['Experience with payment systems and card schemes, ideally with PCI DSS audits behind you', 'SQL']],
  ])('%s', (input, expected) => {
    expect(lines(input)).toEqual(expected);
  });

  it.each([
    ['- Experience with Kubernetes and Terraform.\n- Python'],
    ['Requirements:\n- python'],
    ['- Strong communication skills in English\n- Docker'],
    ['Experience building web applications\nKafka and Spark'],
  ])('not joined: %s', (input) => {
    expect(lines(input)).toHaveLength(2);
  });
});

// LinkedIn exports glue items without a lower/upper-case boundary: ALL-CAPS items after a full
// stop, a bracket or a lower-case word, and items glued with only a space (split only in a line
// already shown to hold glued items). Names stay whole ("Visual Studio.NET", "PostgreSQL").
describe('glued items without a case boundary', () => {
  const taxonomyNames = (t: string, at: number): boolean => /Studio\.NET|PostgreSQL|Node\.JS/.test(t.slice(Math.max(0, at - 10), at + 10));
  it.each([
    ['Life and health licence (preferred).FINRA Series 7 or equivalent', ['Life and health licence (preferred).', 'FINRA Series 7 or equivalent']],
    ['Presents ideas clearly and persuasively.CRM Proficiency: experience with Salesforce', ['Presents ideas clearly and persuasively.', 'CRM Proficiency: experience with Salesforce']],
    ['Degree in accounting or financeCPA certification is a plus', ['Degree in accounting or finance', 'CPA certification is a plus']],
    ['Basic Life Support certification andBCLS within thirty days', ['Basic Life Support certification and', 'BCLS within thirty days']],
    ['Technical drafting experience is a HUGE BONUSRedacting documents in Adobe', ['Technical drafting experience is a HUGE BONUS', 'Redacting documents in Adobe']],
    ['Knowledge of GAAP (US GAAP)MRP Experience with ERP systems', ['Knowledge of GAAP (US GAAP)', 'MRP Experience with ERP systems']],
  ])('%s', (input, expected) => {
    expect(lines(input, taxonomyNames)).toEqual(expected);
  });

  it.each([
    ['Experience with ASP.NET, C#, HTML and Visual Studio.NET projects'],
    ['Strong PostgreSQL and MySQL tuning skills for our data team'],
    ['Understanding of U.S.GAAP and IFRS reporting standards today'],
    ['Experience with Node.JS services and REST APIs in production'],
  ])('no split: %s', (input) => {
    expect(lines(input, taxonomyNames)).toEqual([input]);
  });

  it('items glued with a space are split in a glued line', () => {
    const input = 'Prior sales leadership in a distributorPrior Oil & Gas Experience preferably in valve control Prior Industrial Tooling Experience a plus Well established book of businessKnowledge of supply chains';
    expect(lines(input)).toEqual([
      'Prior sales leadership in a distributor',
      'Prior Oil & Gas Experience preferably in valve control',
      'Prior Industrial Tooling Experience a plus',
      'Well established book of business',
      'Knowledge of supply chains',
    ]);
  });

  it.each([
    // one glue point only: no evidence that spaces separate items
    ['Experience in retail banking Strong communication skillsAbility to travel'],
    // a capitalised opener after a joining word or a capitalised word is part of the sentence
    ['Five years of Experience in Oil & Gas Experience sectorsKnowledge of Excel and Strong Python'],
  ])('no space split: %s', (input) => {
    expect(lines(input).length).toBeLessThanOrEqual(2);
  });
});

describe('more glue points without a case boundary', () => {
  it.each([
    ['At least 10 years of relevant experienceBS or equivalent in accounting', ['At least 10 years of relevant experience', 'BS or equivalent in accounting']],
    ['WHAT ARE WE LOOKING FOR?Three years of experience in relationship sales', ['WHAT ARE WE LOOKING FOR?', 'Three years of experience in relationship sales']],
    ['Microsoft Office Suite (Word, Excel, Outlook).Attention to detail in all tasks', ['Microsoft Office Suite (Word, Excel, Outlook).', 'Attention to detail in all tasks']],
  ])('%s', (input, expected) => {
    expect(lines(input, () => false)).toEqual(expected);
  });
  it.each([
    ['Built dashboards on macOS and iOS apps for the sales team'],
    ['Is this you? Then apply with your CV and a short letter'],
  ])('no split: %s', (input) => {
    expect(lines(input, () => false)).toEqual([input]);
  });
});
