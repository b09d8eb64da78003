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
