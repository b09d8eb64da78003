// What each requirement line ASKS: clusters of related topics vs OR-groups vs lists asking for each,
// years with no minimum, spoken languages after adverbs and levels and as alternatives, and one
// requirement kind for "communication in English". Table-driven through the posting parser, with
// rows that must match and rows that must not. The wording imitates real postings; none is copied.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';
import type { Requirement } from '../../src/domain/posting.ts';

const engine = createEngine();
const read = (line: string, heading = 'Requirements'): Requirement[] => engine.parsePosting(`Data Analyst\n\n${heading}\n- ${line}\n`).requirements;
const ids = (xs?: Array<{ id: string }>): string[] => (xs ?? []).map((x) => x.id);

describe('clusters: a comma list of related topics is credited by the share shown', () => {
  it.each([
    ['Must know: statistics, regression, forecasting and time series analysis', ['statistics', 'forecasting', 'time-series-analysis'], 0.5],
    ['Hands-on with PostgreSQL, Redis, GCP, Azure', ['postgresql', 'redis', 'gcp', 'azure'], 0.5],
    ['Kafka, Spark and Flink experience in production', ['apache-kafka', 'apache-spark', 'apache-flink'], 0.5],
    ['Experience with Python, Spark and Airflow', ['python', 'apache-spark', 'apache-airflow'], 0.5],
    ['Proficiency in SQL, Tableau, and Excel', ['sql', 'tableau', 'microsoft-excel'], 0.5],
    ['Experience in data modelling, ETL, SQL, Power BI and stakeholder management', ['data-modeling', 'etl', 'sql', 'power-bi', 'stakeholder-management'], 0.5],
    // a list that spells out the skill before it is one cluster with it
    ['Solid networking knowledge (DNS, TCP/IP, load balancing, TLS)', ['networking', 'dns', 'tcp-ip', 'load-balancing', 'tls'], 0.5],
    ['Knowledge of the full software development life cycle, including code reviews, source control and testing', ['software-development', 'code-review', 'version-control', 'testing'], 0.5],
    // "at least two of" four asks for half; a topic the taxonomy does not know still counts in the list
    ['At least two of the following: Python, R, SQL, Scala', ['python', 'r', 'sql', 'scala'], 0.5],
    ['Any three of: Docker, Kubernetes, Terraform, Ansible, Jenkins, Helm', ['docker', 'kubernetes', 'terraform', 'ansible', 'jenkins', 'helm'], 0.5],
  ])('%s', (line, allOf, minShare) => {
    const rs = read(line).filter((r) => r.kind === 'skill' || r.kind === 'experience');
    expect(rs).toHaveLength(1);
    expect(ids(rs[0]!.allOf)).toEqual(allOf);
    expect(rs[0]!.minShare).toBe(minShare);
    expect(rs[0]!.anyOf).toBeUndefined();
  });

  it('years over a cluster keep the years and the share', () => {
    const [r] = read('5+ years of experience with Java, Spring, Hibernate and Kafka');
    expect(r).toMatchObject({ kind: 'experience', minYears: 5, minShare: 0.5 });
    expect(ids(r!.allOf)).toEqual(['java', 'spring-framework', 'hibernate', 'apache-kafka']);
  });

  it('a skill named apart from the list counts in full: one line, one requirement', () => {
    const rs = read('Proficient in Python, with a strong grasp of software architecture, design patterns, and clean code');
    expect(rs).toHaveLength(1);
    expect(ids(rs[0]!.allOf)).toEqual(['python', 'software-architecture', 'design-patterns', 'clean-code']);
    // Python in full (1) and the three listed topics by half (0.5 x 3), of 4.
    expect(rs[0]!.minShare).toBe(0.625);
  });

  it.each([
    // true alternatives stay OR-groups
    ['Java, C++, or C#', ['java', 'cpp', 'csharp']],
    ['Experience in Python, R, SAS or SPSS', ['python', 'r', 'sas', 'spss']],
    ['One of Java, Kotlin or Scala', ['java', 'kotlin', 'scala']],
    ['A cloud platform such as AWS, GCP, Azure', ['aws', 'gcp', 'azure']],
    ['Databricks, Delta Lake, or Apache Iceberg experience', ['databricks', 'apache-iceberg']],
  ])('an OR-group, not a cluster: %s', (line, anyOf) => {
    const r = read(line).find((x) => x.kind === 'skill');
    expect(ids(r!.anyOf)).toEqual(anyOf);
    expect(r!.minShare).toBeUndefined();
  });

  it.each([
    // few must-haves, or wording that demands each, stay AND-lists
    ['Strong knowledge of SQL and Python', ['sql', 'python']],
    ['Experience with both Docker and Kubernetes', ['docker', 'kubernetes']],
    ['Experience with all of Python, SQL and Spark', ['python', 'sql', 'apache-spark']],
    ['Experience with Docker, Kubernetes', ['docker', 'kubernetes']],
  ])('each is needed, not a cluster: %s', (line, allOf) => {
    const [r] = read(line);
    expect(ids(r!.allOf)).toEqual(allOf);
    expect(r!.minShare).toBeUndefined();
  });
});

describe('years that ask for no minimum never gate someone with no experience', () => {
  it.each([
    ['0-2 years of experience in audit or accounting', { minYears: 0, maxYears: 2 }],
    ['Up to 2 years of relevant work experience', { minYears: 0, maxYears: 2 }],
    ['Max. 3 years of professional experience after graduating', { minYears: 0, maxYears: 3 }],
    ['No prior work experience required', { minYears: 0 }],
    ['2-4 years of experience in inside sales, freshers are welcome too', { minYears: 0 }],
    ['A degree with 0-2 years of experience or a diploma with 2-4 years of experience', { minYears: 0, maxYears: 2 }],
  ])('%s', (line, expected) => {
    const r = read(line).find((x) => x.kind === 'experience');
    expect(r).toMatchObject(expected);
  });

  it.each([
    ['5-7 years of backend development experience', { minYears: 5, maxYears: 7 }],
    ['At least five years of payroll experience', { minYears: 5 }],
    ['Minimum of 3 yrs in a similar role', { minYears: 3 }],
    ['3 to 5 years of experience as a buyer', { minYears: 3, maxYears: 5 }],
    ['2.5 years of experience in customer support', { minYears: 2.5 }],
    ['Two or more years of experience in retail', { minYears: 2 }],
  ])('a minimum: %s', (line, expected) => {
    expect(read(line).find((x) => x.kind === 'experience')).toMatchObject(expected);
  });

  it.each([['Recent graduates are welcome to apply'], ['Freshers welcome!'], ['Mentor freshers joining the team']])('alone, no requirement of its own: %s', (line) => {
    expect(read(line).some((r) => r.kind === 'experience')).toBe(false);
  });
});

describe('spoken languages: adverbs, levels, alternatives', () => {
  it.each([
    ['You speak English fluently', [{ code: 'en', level: 'C1' }], false],
    ['Dutch at C1 level', [{ code: 'nl', level: 'C1' }], false],
    ['Fluent in German and English', [{ code: 'de', level: 'C1' }, { code: 'en', level: 'C1' }], false],
    ['Business-level Japanese', [{ code: 'ja', level: 'B2' }], false],
    ['Native or bilingual Spanish', [{ code: 'es', level: 'native' }], false],
    ['You speak Polish or Czech', [{ code: 'pl' }, { code: 'cs' }], true],
    ['Either Polish or Czech is needed', [{ code: 'pl' }, { code: 'cs' }], true],
    ['Fluency in Dutch or German', [{ code: 'nl', level: 'C1' }, { code: 'de', level: 'C1' }], true],
    ['English and/or Dutch at B2 level', [{ code: 'en' }, { code: 'nl' }], true],
    ['You write Welsh fluently', [{ code: 'cy', level: 'C1' }], false],
  ])('%s', (line, languages, any) => {
    const rs = read(line).filter((r) => r.kind === 'language');
    expect(rs).toHaveLength(1);
    expect(rs[0]!.languages).toMatchObject(languages);
    expect(rs[0]!.anyLanguage === true).toBe(any);
  });

  it('"English and either Dutch or German" asks two things', () => {
    const rs = read('Fluent English and either Dutch or German').filter((r) => r.kind === 'language');
    expect(rs.map((r) => [r.languages!.map((l) => l.code), r.anyLanguage === true])).toEqual([[['en'], false], [['nl', 'de'], true]]);
  });

  it.each([
    ['Experience with German customers'],
    ['A passion for French cuisine'],
    ['Irish market experience is a plus'],
    ['Polish your presentation skills'],
    ['Knowledge of Latin American markets'],
    ['Spanish-style tapas menu experience'],
  ])('not a language requirement: %s', (line) => {
    expect(read(line).some((r) => r.kind === 'language')).toBe(false);
  });

  it.each([
    ['Good communication in English'],
    ['Excellent English communication skills'],
    ['Strong written and verbal communication skills in English'],
    ['Communication skills (written and spoken) in both Dutch and English'],
    ['You possess excellent communication and presentation skills in English'],
    ['Advanced English in both written and verbal communication'],
    ['Excellent verbal and written communication (Dutch and English)'],
  ])('one line, one requirement kind: %s', (line) => {
    const rs = read(line);
    expect(rs.map((r) => r.kind)).toEqual(['language']);
  });

  it('a soft skill asked apart from the language stays', () => {
    expect(read('Excellent communication skills and fluent English').map((r) => r.kind).sort()).toEqual(['language', 'skill']);
  });
});
