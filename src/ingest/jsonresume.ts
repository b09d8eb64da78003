// JSON Resume (jsonresume.org schema) -> résumé text with the headings and date lines the
// résumé parser reads, so structured and free-text résumés share one path and one kind of
// evidence span (into this text, which --include-text returns).

type Json = Record<string, unknown>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : [];
}

/** "2019-03-01" / "2019-03" / "2019" -> "Mar 2019" / "2019". */
function date(v: unknown): string {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(str(v));
  if (!m) return '';
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  return month ? `${month} ${m[1]}` : m[1]!;
}

export function isJsonResume(data: unknown): data is Json {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const o = data as Json;
  return typeof o.basics === 'object' || Array.isArray(o.work) || Array.isArray(o.education);
}

export function jsonResumeToText(r: Json): string {
  const out: string[] = [];
  const basics = (r.basics ?? {}) as Json;
  const loc = (basics.location ?? {}) as Json;
  if (str(basics.name)) out.push(str(basics.name));
  if (str(basics.label)) out.push(str(basics.label));
  const contact = [str(basics.email), str(basics.phone), str(basics.url), [str(loc.city), str(loc.region), str(loc.countryCode)].filter(Boolean).join(', ')].filter(Boolean);
  if (contact.length) out.push(contact.join(' | '));
  const profiles = list(basics.profiles).map((p) => str(p.url)).filter(Boolean);
  if (profiles.length) out.push(profiles.join(' | '));
  const section = (title: string, lines: string[]): void => {
    if (lines.length) out.push('', title, ...lines);
  };
  if (str(basics.summary)) section('SUMMARY', [str(basics.summary)]);
  const roles = (items: Json[], org: string): string[] => items.flatMap((w) => {
    const range = [date(w.startDate), w.endDate ? date(w.endDate) : 'Present'].filter(Boolean).join(' - ');
    return [
      '',
      `${[str(w.position), str(w[org] ?? w.name ?? w.company)].filter(Boolean).join(', ')}\t${range}`,
      ...(str(w.summary) ? [str(w.summary)] : []),
      ...(Array.isArray(w.highlights) ? w.highlights.map((h) => `- ${str(h)}`) : []),
    ];
  });
  section('EXPERIENCE', roles(list(r.work), 'name'));
  section('VOLUNTEERING', roles(list(r.volunteer), 'organization'));
  section('EDUCATION', list(r.education).map((e) => [
    [str(e.studyType), str(e.area)].filter(Boolean).join(' in '),
    str(e.institution),
    date(e.endDate) || date(e.startDate),
  ].filter(Boolean).join(', ')));
  section('SKILLS', list(r.skills).map((s) => {
    const kw = Array.isArray(s.keywords) ? s.keywords.map(str).filter(Boolean) : [];
    return [str(s.name), kw.join(', ')].filter(Boolean).join(': ');
  }));
  section('LANGUAGES', list(r.languages).map((l) => `${str(l.language)}${str(l.fluency) ? ` (${str(l.fluency)})` : ''}`));
  section('CERTIFICATIONS', list(r.certificates).map((c) => [str(c.name), str(c.issuer), date(c.date)].filter(Boolean).join(', ')));
  section('PROJECTS', list(r.projects).map((p) => [str(p.name), str(p.description)].filter(Boolean).join(': ')));
  return out.join('\n').trim();
}
