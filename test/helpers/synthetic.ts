// Varied synthetic postings and résumés from a seed, for the retrieval property test and the
// service benchmarks (10,000 and 100,000 stored postings). Deterministic: same seed, same text.

export type Rng = () => number;

/** mulberry32: a small, fast, seedable generator. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function some<T>(r: Rng, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]!);
  return out;
}

interface Family {
  titles: string[];
  skills: string[];
  duties: string[];
}

const FAMILIES: Family[] = [
  { titles: ['Backend Engineer', 'Software Engineer', 'Java Developer', 'Platform Engineer'], skills: ['Java', 'Spring Boot', 'Kotlin', 'PostgreSQL', 'MySQL', 'Kafka', 'Redis', 'Docker', 'Kubernetes', 'AWS', 'REST APIs', 'microservices', 'Go', 'gRPC', 'Terraform'], duties: ['Design and build backend services', 'Own services in production', 'Improve reliability and latency'] },
  { titles: ['Frontend Engineer', 'Web Developer', 'Full Stack Developer'], skills: ['JavaScript', 'TypeScript', 'React', 'Vue.js', 'Angular', 'Node.js', 'HTML', 'CSS', 'GraphQL', 'Jest', 'webpack', 'Next.js'], duties: ['Build user interfaces', 'Work with designers on new features', 'Keep the web app fast and accessible'] },
  { titles: ['Data Scientist', 'Machine Learning Engineer', 'Data Engineer'], skills: ['Python', 'R', 'SQL', 'pandas', 'scikit-learn', 'PyTorch', 'TensorFlow', 'Spark', 'Airflow', 'statistics', 'machine learning', 'Snowflake', 'dbt', 'Tableau'], duties: ['Build models that predict demand', 'Own data pipelines', 'Present findings to stakeholders'] },
  { titles: ['DevOps Engineer', 'Site Reliability Engineer', 'Cloud Engineer'], skills: ['Linux', 'Bash', 'Terraform', 'Ansible', 'Kubernetes', 'Docker', 'AWS', 'Azure', 'GCP', 'Prometheus', 'Grafana', 'Jenkins', 'CI/CD', 'Python'], duties: ['Run our cloud infrastructure', 'Automate deployments', 'Be part of the on-call rotation'] },
  { titles: ['Mobile Developer', 'iOS Engineer', 'Android Engineer'], skills: ['Swift', 'Kotlin', 'Objective-C', 'Java', 'Flutter', 'Dart', 'React Native', 'Xcode', 'Android Studio', 'Firebase'], duties: ['Ship features in our mobile apps', 'Keep crash rates low'] },
  { titles: ['Financial Analyst', 'Accountant', 'Controller'], skills: ['Excel', 'financial modeling', 'SAP', 'forecasting', 'budgeting', 'GAAP', 'IFRS', 'SQL', 'Power BI', 'accounts payable', 'financial reporting'], duties: ['Prepare monthly financial reports', 'Own the budgeting process'] },
  { titles: ['Account Executive', 'Sales Manager', 'Business Development Representative'], skills: ['Salesforce', 'CRM', 'B2B sales', 'negotiation', 'lead generation', 'account management', 'HubSpot', 'cold calling', 'pipeline management'], duties: ['Grow a book of enterprise accounts', 'Close new business'] },
  { titles: ['Product Designer', 'UX Designer', 'UI Designer'], skills: ['Figma', 'Sketch', 'user research', 'prototyping', 'wireframing', 'usability testing', 'Adobe Illustrator', 'design systems'], duties: ['Design flows from research to release', 'Run usability tests'] },
  { titles: ['Project Manager', 'Program Manager', 'Scrum Master'], skills: ['Agile', 'Scrum', 'Jira', 'Confluence', 'risk management', 'stakeholder management', 'Kanban', 'MS Project', 'budgeting'], duties: ['Run delivery for several teams', 'Report progress to leadership'] },
  { titles: ['Marketing Manager', 'Digital Marketing Specialist', 'SEO Specialist'], skills: ['SEO', 'Google Analytics', 'Google Ads', 'content marketing', 'email marketing', 'HubSpot', 'social media marketing', 'copywriting', 'A/B testing'], duties: ['Plan and run campaigns', 'Own the marketing funnel'] },
];

const LEVELS = ['Junior', '', '', 'Senior', 'Senior', 'Lead', 'Staff', 'Principal'];
const PLACES: Array<[string, string]> = [['Berlin', 'Germany'], ['Munich', 'Germany'], ['Barcelona', 'Spain'], ['Madrid', 'Spain'], ['London', 'United Kingdom'], ['Paris', 'France'], ['Amsterdam', 'Netherlands'], ['New York, NY', 'United States'], ['Austin, TX', 'United States'], ['Toronto', 'Canada'], ['Warsaw', 'Poland'], ['Dublin', 'Ireland']];
const MODES = ['', 'Remote', 'Hybrid', 'On-site'];
const DEGREES = ["Bachelor's degree in Computer Science or equivalent experience", "BS/MS in a quantitative field", "Master's degree in Finance, Economics or a related field", "Bachelor's degree in Marketing or Business"];
const LANGS = ['Fluent English', 'Fluent in English and German', 'Spanish is a plus', 'Business-level French', 'Professional English; Polish is a plus'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Vandelay', 'Soylent', 'Cyberdyne'];
const FIRST = ['Alex', 'Sam', 'Maria', 'Chen', 'Fatima', 'Jonas', 'Priya', 'Lucas', 'Aisha', 'Tomás'];
const LAST = ['Kim', 'Garcia', 'Müller', 'Nowak', 'Okafor', 'Rossi', 'Singh', 'Dubois', 'Silva', 'Jensen'];

/** A posting in plain text with a title, a location, required and nice-to-have lines. */
export function syntheticPosting(r: Rng): string {
  const f = pick(r, FAMILIES);
  const level = pick(r, LEVELS);
  const title = `${level ? `${level} ` : ''}${pick(r, f.titles)}`;
  const [city, country] = pick(r, PLACES);
  const mode = pick(r, MODES);
  const skills = some(r, f.skills, int(r, 3, 9));
  const must: string[] = [];
  const years = int(r, 1, 10);
  must.push(`${years}+ years of experience with ${skills[0]}`);
  if (skills.length > 3 && r() < 0.6) must.push(`Experience with ${skills[1]}, ${skills[2]} or ${skills[3]}`);
  else if (skills[1]) must.push(`Strong ${skills[1]} skills`);
  for (const s of skills.slice(4, 6)) must.push(`Hands-on experience with ${s}`);
  if (r() < 0.6) must.push(pick(r, DEGREES));
  if (r() < 0.4) must.push(pick(r, LANGS));
  if (r() < 0.3) must.push('Experience mentoring engineers or leading a team');
  const nice = skills.slice(6).map((s) => `Experience with ${s}`);
  if (r() < 0.3) nice.push(pick(r, LANGS));
  const lines = [
    title,
    `${pick(r, COMPANIES)} · ${city}, ${country}${mode ? ` (${mode})` : ''}`,
    '',
    'About the role',
    `${pick(r, f.duties)}. ${pick(r, f.duties)}.`,
    '',
    'Requirements',
    ...must.map((m) => `- ${m}`),
  ];
  if (nice.length) lines.push('', 'Nice to have', ...nice.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/** A résumé in plain text: a name, positions with dates and skills, education, languages. */
export function syntheticResume(r: Rng): string {
  const f = pick(r, FAMILIES);
  const skills = some(r, [...f.skills, ...pick(r, FAMILIES).skills], int(r, 3, 12));
  const lines = [`${pick(r, FIRST)} ${pick(r, LAST)}`, `${pick(r, PLACES)[0]}`, '', 'Experience'];
  let year = 2025;
  const jobs = int(r, 1, 4);
  for (let j = 0; j < jobs; j++) {
    const start = year - int(r, 1, 5);
    lines.push(`${pick(r, f.titles)}, ${pick(r, COMPANIES)}`, `${start} - ${j === 0 ? 'Present' : year}`);
    for (const s of some(r, skills, int(r, 1, 4))) lines.push(`- Built and ran systems with ${s}`);
    if (r() < 0.2) lines.push('- Led a team of 5 engineers');
    year = start - int(r, 0, 1);
  }
  lines.push('', 'Skills', skills.join(', '), '', 'Education', pick(r, ['BSc Computer Science, TU Berlin, 2012', 'MBA, INSEAD, 2015', 'BA Economics, University of Warsaw, 2010', 'MSc Statistics, ETH Zurich, 2016']));
  if (r() < 0.5) lines.push('', 'Languages', pick(r, ['English (fluent), German (native)', 'English C1, Spanish native', 'French, English']));
  return `${lines.join('\n')}\n`;
}
