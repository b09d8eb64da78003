// @ts-check
/* global document, window, location, CSS, FormData, URL, clearInterval, setTimeout, btoa */
// The recruiter's page: three views over the HTTP API. Every number shown is a field of an API
// answer, printed as it came; the page only lays them out (a bar is a number drawn to its width).
// Untrusted text (résumés, postings) only ever reaches the DOM as text nodes.

import { allPostings, api, ApiError, getKey, onKeyNeeded, setKey } from './api.js';

/** @typedef {{ source: 'posting' | 'resume', span: { start: number, end: number }, text: string }} Evidence */
/** @typedef {{ id: string, kind: string, required: boolean, status: string, credit: number, weight: number, text: string, evidence: Evidence[], detail: string }} Req */
/** @typedef {{ score: number, gates: { passed: boolean, failed: string[] }, requirements: Req[], gaps: Array<{ requirementId: string, gain: number }>, ceiling: number, summary: string }} Match */

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

/**
 * An element with attributes and children; strings become text nodes.
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : String(c));
  return el;
}

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {string} msg */
function say(msg) {
  $('status').textContent = msg;
}

/** @param {unknown} e */
function showError(e) {
  const alert = $('alert');
  alert.hidden = false;
  alert.replaceChildren();
  if (e instanceof ApiError) {
    alert.append(h('strong', null, e.code), ': ', e.message, e.requestId ? h('span', { class: 'hint' }, ` (request ${e.requestId})`) : '');
  } else {
    alert.append(h('strong', null, 'Error'), ': ', e instanceof Error ? e.message : String(e));
  }
  say('');
}
function clearError() {
  $('alert').hidden = true;
}

/** "Strong fit (96.3/100): ..." -> "Strong fit": the verdict is the summary's own first words. @param {string} summary */
const verdictOf = (summary) => summary.split(' (')[0] ?? summary;

/** A score as the API gave it, with a bar drawn to that width. @param {number} score @param {string} [label] */
function scoreBar(score, label) {
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${score}%`;
  return h('span', { class: 'score' },
    h('span', { class: 'num' }, String(score)),
    h('span', { class: 'bar', role: 'img', 'aria-label': `${label ?? 'score'} ${score} of 100` }, fill));
}

/** @param {string} status */
const statusChip = (status) => h('span', { class: `chip ${status}` }, status);

/** @param {{ passed: boolean, failed: string[] }} gates @param {Req[]} [reqs] */
function gatesCell(gates, reqs) {
  if (gates.passed) return h('span', { class: 'gate pass' }, '✓ all must-haves met');
  const names = gates.failed.map((id) => reqs?.find((r) => r.id === id)?.text ?? id);
  return h('span', { class: 'gate fail', title: names.join('\n') }, `✗ failed: ${names.length === 1 ? names[0] : `${gates.failed.length} must-haves`}`);
}

/**
 * One bar per requirement kind, made of one segment per requirement of that kind, each filled to
 * the credit the API gave it (nothing is summed or averaged here).
 * @param {Req[]} reqs
 */
function kindBars(reqs) {
  /** @type {Map<string, Req[]>} */
  const byKind = new Map();
  for (const r of reqs) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const list = h('ul', { class: 'kinds' });
  for (const [kind, rs] of byKind) {
    const bar = h('span', { class: 'segments', role: 'img', 'aria-label': `${kind}: ${rs.map((r) => `${r.required ? 'must-have' : 'nice-to-have'} ${r.status}, credit ${r.credit}`).join('; ')}` });
    for (const r of rs) {
      const fill = h('span', { class: `fill ${r.status}` });
      fill.style.width = `${r.credit * 100}%`;
      bar.append(h('span', { class: `seg${r.required ? ' must' : ''}`, title: `${r.text} — ${r.status}, credit ${r.credit}` }, fill));
    }
    list.append(h('li', null, h('span', { class: 'kind' }, kind), bar));
  }
  return list;
}

/**
 * The text with the given spans marked; overlapping spans are split into pieces that carry every
 * requirement they belong to.
 * @param {string} text
 * @param {Array<{ start: number, end: number, key: string }>} spans
 */
function highlighted(text, spans) {
  const frag = document.createDocumentFragment();
  const cuts = new Set([0, text.length]);
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = /** @type {number} */ (points[i]);
    const b = /** @type {number} */ (points[i + 1]);
    const piece = text.slice(a, b);
    const keys = valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.key);
    frag.append(keys.length ? h('mark', { 'data-req': [...new Set(keys)].join(' ') }, piece) : piece);
  }
  return frag;
}

// ---------------------------------------------------------------------------------------------
// One Match, explained: requirements with status and credit, gaps with gains, the ceiling, and the
// evidence highlighted in the posting and (when its text is known) the résumé.

/**
 * @param {HTMLElement} into
 * @param {{ heading: string, match: Match, postingText: string, resumeText: string | null, loadResume?: () => Promise<string> }} o
 */
function renderMatch(into, o) {
  const { match } = o;
  const reqById = new Map(match.requirements.map((r) => [r.id, r]));
  const postingPane = h('div', { class: 'doc', tabindex: '0', 'aria-label': 'Posting text with evidence highlighted' });
  const resumePane = h('div', { class: 'doc', tabindex: '0', 'aria-label': 'Résumé text with evidence highlighted' });
  /** @param {'posting' | 'resume'} source */
  const spansOf = (source) => match.requirements.flatMap((r) => r.evidence.filter((e) => e.source === source).map((e) => ({ start: e.span.start, end: e.span.end, key: r.id })));
  postingPane.append(highlighted(o.postingText, spansOf('posting')));

  const resumeBox = h('div', { class: 'doc-col' }, h('h4', null, 'Résumé'));
  const fillResume = (/** @type {string} */ text) => {
    resumePane.replaceChildren(highlighted(text, spansOf('resume')));
    resumeBox.replaceChildren(h('h4', null, 'Résumé'), resumePane);
  };
  if (o.resumeText !== null) fillResume(o.resumeText);
  else {
    // A stored candidate's text holds their contact lines: shown only when asked for.
    const load = o.loadResume;
    resumeBox.append(h('p', { class: 'hint' }, 'The résumé evidence is listed with each requirement. The full text includes contact details.'),
      load ? h('button', { type: 'button', class: 'quiet', onclick: async () => {
        try {
          fillResume(await load());
        } catch (e) {
          showError(e);
        }
      } }, 'Show the résumé text') : '');
  }

  /** @param {string} id */
  const focusReq = (id) => {
    for (const m of into.querySelectorAll('mark.active')) m.classList.remove('active');
    for (const row of into.querySelectorAll('tr.active')) row.classList.remove('active');
    into.querySelector(`tr[data-req="${CSS.escape(id)}"]`)?.classList.add('active');
    const marks = [...into.querySelectorAll('mark')].filter((m) => (m.getAttribute('data-req') ?? '').split(' ').includes(id));
    for (const m of marks) m.classList.add('active');
    for (const pane of [postingPane, resumePane]) {
      const first = marks.find((m) => pane.contains(m));
      // The pane is the marks' offsetParent (position: relative), so offsetTop is within it.
      if (first) pane.scrollTop = Math.max(0, first.offsetTop - 40);
    }
    say(`${reqById.get(id)?.text ?? id}: ${marks.length} highlighted passage${marks.length === 1 ? '' : 's'}`);
  };

  const rows = match.requirements.map((r) => h('tr', { 'data-req': r.id },
    h('td', null, h('button', { type: 'button', class: 'link', onclick: () => focusReq(r.id), 'aria-label': `Show evidence for: ${r.text}` }, r.text),
      h('div', { class: 'detail' }, r.detail),
      o.resumeText === null ? h('ul', { class: 'snippets' }, ...r.evidence.filter((e) => e.source === 'resume').map((e) => h('li', null, h('mark', null, e.text)))) : null),
    h('td', null, r.kind, h('div', { class: 'hint' }, r.required ? 'must-have' : 'nice-to-have')),
    h('td', null, statusChip(r.status)),
    h('td', { class: 'n' }, String(r.credit)),
    h('td', { class: 'n' }, String(r.weight))));

  const gaps = match.gaps.length
    ? h('ol', { class: 'gaps' }, ...match.gaps.map((g) => h('li', null, h('button', { type: 'button', class: 'link', onclick: () => focusReq(g.requirementId) }, reqById.get(g.requirementId)?.text ?? g.requirementId), h('span', { class: 'gain' }, ` +${g.gain} points`))))
    : h('p', null, 'No gaps: every requirement is met.');

  into.replaceChildren(h('article', { class: 'card detail-card', 'aria-labelledby': 'detail-title' },
    h('h3', { id: 'detail-title', tabindex: '-1' }, o.heading),
    h('div', { class: 'headline' }, scoreBar(match.score), h('span', { class: 'verdict' }, verdictOf(match.summary)), gatesCell(match.gates, match.requirements)),
    h('p', { class: 'summary' }, match.summary),
    h('dl', { class: 'facts' }, h('dt', null, 'Ceiling'), h('dd', { class: 'ceiling' }, `${match.ceiling}`, h('span', { class: 'hint' }, ' — the best score reachable with every requirement met'))),
    h('h4', null, 'Gaps, with the points each would add'), gaps,
    // Wide screens: requirements on the left, both documents beside them (sticky), so selecting a
    // requirement shows its evidence without leaving the list.
    h('div', { class: 'detail-body' },
      h('section', { 'aria-labelledby': 'reqs-title' }, h('h4', { id: 'reqs-title' }, 'Requirements'),
        h('p', { class: 'hint' }, 'Select a requirement to highlight its evidence in both documents.'),
        h('div', { class: 'table-wrap' }, h('table', { class: 'reqs' },
          h('thead', null, h('tr', null, ...['Requirement', 'Kind', 'Status', 'Credit', 'Weight'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, ...rows)))),
      h('section', { class: 'docs', 'aria-label': 'Evidence' }, h('div', { class: 'doc-col' }, h('h4', null, 'Posting'), postingPane), resumeBox))));
  /** @type {HTMLElement} */ (into.querySelector('#detail-title')).focus();
}

// ---------------------------------------------------------------------------------------------
// Résumé -> roles

/** @type {{ results: any[], resumeText: string } | null} */
let rolesState = null;

async function rankRoles(/** @type {SubmitEvent} */ ev) {
  ev.preventDefault();
  clearError();
  const text = /** @type {HTMLTextAreaElement} */ ($('resume-text')).value;
  const file = /** @type {HTMLInputElement} */ ($('resume-file')).files?.[0];
  const top = Number(/** @type {HTMLInputElement} */ ($('roles-top')).value) || 10;
  const passingOnly = /** @type {HTMLInputElement} */ ($('roles-passing')).checked;
  if (!file && !text.trim()) {
    showError(new Error('Paste a résumé or choose a file first.'));
    return;
  }
  say('Reading the résumé and ranking the stored roles…');
  $('role-detail').replaceChildren();
  try {
    // The match and the text its spans point into (the extracted text, for PDF and DOCX) come
    // from the same document; the parse route returns that text.
    const asForm = (/** @type {Record<string, string>} */ fields) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      if (file) f.append('file', file, file.name);
      return f;
    };
    const options = { top: String(top), explain: 'full', ...(passingOnly ? { passingOnly: 'true' } : {}) };
    const [parsed, ranked] = file
      ? await Promise.all([api('POST', '/v1/resumes/parse', { form: asForm({}) }), api('POST', '/v1/match', { form: asForm(options) })])
      : await Promise.all([api('POST', '/v1/resumes/parse', { json: { text } }), api('POST', '/v1/match', { json: { text, top, explain: 'full', ...(passingOnly ? { passingOnly } : {}) } })]);
    rolesState = { results: ranked.results, resumeText: parsed.text };
    renderRoles(ranked);
    say(`${ranked.results.length} roles ranked (of ${ranked.stats.roles} stored; ${ranked.stats.scored} fully scored).`);
  } catch (e) {
    showError(e);
  }
}

/** @param {any} ranked */
function renderRoles(ranked) {
  const into = $('roles-results');
  if (!ranked.results.length) {
    into.replaceChildren(h('p', { class: 'card' }, 'No stored role fits these options.'));
    return;
  }
  const rows = ranked.results.map((/** @type {any} */ r, /** @type {number} */ i) => h('tr', null,
    h('td', { class: 'n' }, String(i + 1)),
    h('td', null, h('button', { type: 'button', class: 'link', onclick: () => openRole(r.postingId) }, r.title ?? r.postingId), h('div', { class: 'hint' }, r.postingId)),
    h('td', null, scoreBar(r.score, `${r.title ?? r.postingId} score`)),
    h('td', null, verdictOf(r.summary)),
    h('td', null, gatesCell(r.gates, r.match?.requirements)),
    h('td', null, r.match ? kindBars(r.match.requirements) : null)));
  into.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'roles-list-title' },
    h('h3', { id: 'roles-list-title', tabindex: '-1' }, 'Ranked roles'),
    h('p', { class: 'hint' }, `As of ${ranked.asOf}; scoring ${ranked.scoringVersion}, models ${ranked.modelsVersion}.`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'ranked' },
      h('thead', null, h('tr', null, ...['#', 'Role', 'Score', 'Verdict', 'Gates', 'By requirement kind'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, ...rows)))));
  /** @type {HTMLElement} */ (into.querySelector('h3')).focus();
}

/** @param {string} postingId */
async function openRole(postingId) {
  clearError();
  const r = rolesState?.results.find((x) => x.postingId === postingId);
  if (!r || !rolesState) return;
  say('Loading the posting…');
  try {
    const posting = await api('GET', `/v1/postings/${encodeURIComponent(postingId)}`, { query: { include: 'text' } });
    renderMatch($('role-detail'), { heading: r.title ?? postingId, match: r.match, postingText: posting.text, resumeText: rolesState.resumeText });
    say(`Opened ${r.title ?? postingId}. Select a requirement to highlight its evidence.`);
  } catch (e) {
    showError(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Posting -> candidates

/** @type {Array<{id: string, title: string | null, company: string | null, location: string | null}> | null} */
let postings = null;
async function loadPostings() {
  postings ??= await allPostings();
  return postings;
}

/** @type {{ postingId: string, postingText: string, results: any[], chosen: string[] } | null} */
let candState = null;

async function fillPostingSelect() {
  const select = /** @type {HTMLSelectElement} */ ($('cand-posting'));
  try {
    const list = await loadPostings();
    select.replaceChildren(h('option', { value: '' }, 'Choose a posting…'), ...list.map((p) => h('option', { value: p.id }, `${p.title ?? p.id}${p.company ? ` — ${p.company}` : ''}${p.location ? ` (${p.location})` : ''}`)));
  } catch (e) {
    select.replaceChildren(h('option', { value: '' }, 'Postings could not be loaded'));
    showError(e);
  }
}

async function rankCandidates(/** @type {SubmitEvent} */ ev) {
  ev.preventDefault();
  clearError();
  const postingId = /** @type {HTMLSelectElement} */ ($('cand-posting')).value;
  if (!postingId) {
    showError(new Error('Choose a posting first.'));
    return;
  }
  const min = /** @type {HTMLInputElement} */ ($('cand-min')).value;
  const top = Number(/** @type {HTMLInputElement} */ ($('cand-top')).value) || 20;
  const passingOnly = /** @type {HTMLInputElement} */ ($('cand-passing')).checked;
  say('Ranking the stored candidates…');
  $('cand-compare').replaceChildren();
  try {
    const body = { top, explain: 'full', ...(min !== '' ? { minScore: Number(min) } : {}), ...(passingOnly ? { passingOnly } : {}) };
    const [ranked, posting] = await Promise.all([
      api('POST', `/v1/postings/${encodeURIComponent(postingId)}/candidates`, { json: body }),
      api('GET', `/v1/postings/${encodeURIComponent(postingId)}`, { query: { include: 'text' } }),
    ]);
    candState = { postingId, postingText: posting.text, results: ranked.results, chosen: [] };
    renderCandidates(ranked, posting.title ?? postingId);
    say(`${ranked.results.length} candidates ranked (of ${ranked.stats.candidates} stored).`);
  } catch (e) {
    showError(e);
  }
}

/** @param {any} ranked @param {string} title */
function renderCandidates(ranked, title) {
  const into = $('cand-results');
  if (!ranked.results.length) {
    into.replaceChildren(h('p', { class: 'card' }, 'No stored candidate fits these options.'));
    return;
  }
  const rows = ranked.results.map((/** @type {any} */ r, /** @type {number} */ i) => {
    const contact = h('div', { class: 'contact', 'aria-live': 'polite' });
    return h('tr', null,
      h('td', { class: 'n' }, String(i + 1)),
      h('td', null, h('button', { type: 'button', class: 'link', onclick: () => openCandidate(r.candidateId) }, r.candidateId), contact),
      h('td', null, scoreBar(r.score, `${r.candidateId} score`)),
      h('td', null, verdictOf(r.summary)),
      h('td', null, gatesCell(r.gates, r.match?.requirements)),
      h('td', null, r.match ? kindBars(r.match.requirements) : null),
      h('td', null, h('input', { type: 'checkbox', id: `cmp-${i}`, 'aria-label': `Compare ${r.candidateId}`, onchange: (/** @type {Event} */ e) => choose(r.candidateId, /** @type {HTMLInputElement} */ (e.target).checked) })),
      h('td', null, h('button', { type: 'button', class: 'quiet', onclick: (/** @type {Event} */ e) => showContact(r.candidateId, contact, /** @type {HTMLButtonElement} */ (e.currentTarget)) }, 'Show contact')));
  });
  into.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'cand-list-title' },
    h('h3', { id: 'cand-list-title', tabindex: '-1' }, `Candidates for ${title}`),
    h('p', { class: 'hint' }, 'Contact details are not shown unless you ask. Tick two candidates to compare them requirement by requirement.'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'ranked' },
      h('thead', null, h('tr', null, ...['#', 'Candidate', 'Score', 'Verdict', 'Gates', 'By requirement kind', 'Compare', 'Contact'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, ...rows)))));
  /** @type {HTMLElement} */ (into.querySelector('h3')).focus();
}

/** @param {string} id @param {HTMLElement} into @param {HTMLButtonElement} button */
async function showContact(id, into, button) {
  try {
    const c = await api('GET', `/v1/candidates/${encodeURIComponent(id)}`, { query: { include: 'contact' } });
    const k = c.contact ?? {};
    into.replaceChildren(h('span', null, [k.name, k.email, k.phone, k.location].filter(Boolean).join(' · ') || 'No contact details found'));
    button.remove();
  } catch (e) {
    showError(e);
  }
}

/** @param {string} id @param {boolean} on */
function choose(id, on) {
  if (!candState) return;
  candState.chosen = candState.chosen.filter((x) => x !== id);
  if (on) candState.chosen.push(id);
  // Two at most: ticking a third unticks the earliest.
  while (candState.chosen.length > 2) candState.chosen.shift();
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ ($('cand-results').querySelectorAll('input[type=checkbox]'))) {
    const label = box.getAttribute('aria-label') ?? '';
    box.checked = candState.chosen.some((c) => label === `Compare ${c}`);
  }
  renderCompare();
}

function renderCompare() {
  const into = $('cand-compare');
  if (!candState || candState.chosen.length < 2) {
    into.replaceChildren(candState?.chosen.length === 1 ? h('p', { class: 'hint' }, 'Tick one more candidate to compare.') : '');
    return;
  }
  const [a, b] = candState.chosen.map((id) => candState?.results.find((r) => r.candidateId === id));
  if (!a?.match || !b?.match) return;
  const side = (/** @type {Req | undefined} */ r) => (r ? h('td', null, statusChip(r.status), h('span', { class: 'credit' }, ` credit ${r.credit}`), h('div', { class: 'detail' }, r.detail)) : h('td', null, '—'));
  const rows = a.match.requirements.map((/** @type {Req} */ r) => h('tr', null,
    h('th', { scope: 'row' }, r.text, h('div', { class: 'hint' }, `${r.kind}, ${r.required ? 'must-have' : 'nice-to-have'}`)),
    side(r), side(b.match.requirements.find((/** @type {Req} */ x) => x.id === r.id))));
  into.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'cmp-title' },
    h('h3', { id: 'cmp-title', tabindex: '-1' }, `${a.candidateId} and ${b.candidateId}, side by side`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'compare' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Requirement'),
        h('th', { scope: 'col' }, a.candidateId, ' ', scoreBar(a.score, `${a.candidateId} score`)),
        h('th', { scope: 'col' }, b.candidateId, ' ', scoreBar(b.score, `${b.candidateId} score`)))),
      h('tbody', null, ...rows),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, 'Summary'), h('td', null, a.summary), h('td', null, b.summary)))))));
}

/** @param {string} id */
function openCandidate(id) {
  if (!candState) return;
  const r = candState.results.find((x) => x.candidateId === id);
  if (!r?.match) return;
  renderMatch($('cand-compare'), {
    heading: `${id} for this posting`,
    match: r.match,
    postingText: candState.postingText,
    resumeText: null,
    loadResume: async () => (await api('GET', `/v1/candidates/${encodeURIComponent(id)}`, { query: { include: 'text' } })).text,
  });
}

// ---------------------------------------------------------------------------------------------
// Batch

async function fillBatchPostings() {
  const box = $('batch-postings');
  try {
    const list = await loadPostings();
    box.replaceChildren(...list.map((p, i) => h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: `bp-${i}`, value: p.id }),
      h('label', { for: `bp-${i}` }, p.title ?? p.id, p.location ? h('span', { class: 'hint' }, ` ${p.location}`) : null))));
  } catch (e) {
    box.replaceChildren(h('p', null, 'Postings could not be loaded.'));
    showError(e);
  }
}

/** @type {number | null} */
let batchTimer = null;

async function startBatch(/** @type {SubmitEvent} */ ev) {
  ev.preventDefault();
  clearError();
  const files = [...(/** @type {HTMLInputElement} */ ($('batch-files')).files ?? [])];
  if (!files.length) {
    showError(new Error('Choose one or more résumé files.'));
    return;
  }
  const postingIds = [...$('batch-postings').querySelectorAll('input:checked')].map((b) => /** @type {HTMLInputElement} */ (b).value);
  const top = Number(/** @type {HTMLInputElement} */ ($('batch-top')).value) || 5;
  try {
    // Files go as base64 résumés, so the batch reads each PDF or DOCX as the document it is; a file
    // it cannot read becomes that résumé's error row, and the others are scored.
    /** @type {Array<{ id: string, base64: string, filename: string }>} */
    const resumes = [];
    const used = new Set();
    for (const [i, f] of files.entries()) {
      say(`Reading file ${i + 1} of ${files.length}: ${f.name}…`);
      resumes.push({ id: batchId(f.name, used), base64: base64Of(new Uint8Array(await f.arrayBuffer())), filename: f.name });
    }
    const batch = await api('POST', '/v1/batches', { json: { ...(postingIds.length ? { postingIds } : {}), resumes, top } });
    say(`Batch ${batch.id} started.`);
    watchBatch(batch);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'ROUTE_NOT_FOUND') showError(new Error('This service has no batch API yet.'));
    else showError(e);
  }
}

/** Bytes as base64, a chunk at a time (String.fromCharCode takes a bounded argument list). @param {Uint8Array} bytes */
function base64Of(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A résumé's id in the batch results: its file name without the extension, in the characters
 * ids may use, made unique within the batch.
 * @param {string} name @param {Set<string>} used
 */
function batchId(name, used) {
  // Split at the last dot without a backtracking pattern: file names are the user's input.
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const base = (stem.replace(/[^\w.:-]+/g, '-').replace(/^[^\da-z]+/i, '') || 'resume').slice(0, 120);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** @param {{ id: string, status: string, progress: { done: number, total: number }, error?: string | null }} batch */
function watchBatch(batch) {
  const into = $('batch-run');
  const progress = /** @type {HTMLProgressElement} */ (h('progress', { id: 'batch-progress', max: String(batch.progress.total || 1), value: String(batch.progress.done), 'aria-label': 'Batch progress' }));
  const text = h('span', { class: 'progress-text' });
  const actions = h('div', { class: 'actions' });
  const cancel = h('button', { type: 'button', class: 'quiet', onclick: async () => {
    try {
      await api('DELETE', `/v1/batches/${encodeURIComponent(batch.id)}`);
      await poll();
    } catch (e) {
      showError(e);
    }
  } }, 'Cancel');
  into.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'batch-run-title' },
    h('h3', { id: 'batch-run-title' }, `Batch ${batch.id}`), progress, ' ', text, actions));
  const show = (/** @type {typeof batch} */ b) => {
    progress.max = b.progress.total || 1;
    progress.value = b.progress.done;
    text.textContent = `${b.status}: ${b.progress.done} of ${b.progress.total}${b.error ? ` (${b.error})` : ''}`;
    actions.replaceChildren();
    if (b.status === 'queued' || b.status === 'running') actions.append(cancel);
    if (b.status === 'done') {
      actions.append(h('button', { type: 'button', class: 'primary', onclick: () => download(b.id) }, 'Download CSV'));
      say(`Batch ${b.id} is done: ${b.progress.done} of ${b.progress.total}.`);
    }
  };
  const poll = async () => {
    const b = await api('GET', `/v1/batches/${encodeURIComponent(batch.id)}`);
    show(b);
    return b;
  };
  show(batch);
  if (batchTimer !== null) clearInterval(batchTimer);
  batchTimer = window.setInterval(async () => {
    try {
      const b = await poll();
      if (!['queued', 'running'].includes(b.status) && batchTimer !== null) clearInterval(batchTimer);
    } catch (e) {
      if (batchTimer !== null) clearInterval(batchTimer);
      showError(e);
    }
  }, 500);
}

/** The CSV needs the key header, so it is fetched and handed to the browser as a file. @param {string} id */
async function download(id) {
  try {
    const res = await api('GET', `/v1/batches/${encodeURIComponent(id)}/results`, { query: { format: 'csv' }, raw: true });
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: `rolefit-batch-${id}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    showError(e);
  }
}

// ---------------------------------------------------------------------------------------------
// The key dialog, views and start-up

function setupKeyDialog() {
  const dialog = /** @type {HTMLDialogElement} */ ($('key-dialog'));
  const input = /** @type {HTMLInputElement} */ ($('key-input'));
  // Requests refused at the same time all wait for the one dialog.
  /** @type {Array<(ok: boolean) => void>} */
  let waiting = [];
  const open = (/** @type {string} */ why) => {
    $('key-why').textContent = why;
    input.value = getKey();
    if (!dialog.open) dialog.showModal();
    input.focus();
  };
  dialog.addEventListener('close', () => {
    const choice = dialog.returnValue;
    if (choice === 'save' && input.value.trim()) setKey(input.value.trim());
    if (choice === 'forget') setKey('');
    $('key-button').textContent = getKey() ? 'API key ✓' : 'API key';
    const ok = choice === 'save' && Boolean(input.value.trim());
    for (const resolve of waiting) resolve(ok);
    waiting = [];
  });
  $('key-button').addEventListener('click', () => open('The key is kept for this browser tab only (session storage).'));
  $('key-button').textContent = getKey() ? 'API key ✓' : 'API key';
  onKeyNeeded((why) => new Promise((resolve) => {
    waiting.push(resolve);
    open(why);
  }));
}

const VIEWS = ['roles', 'candidates', 'batch'];
/** @type {Set<string>} */
const shown = new Set();

function route() {
  const name = VIEWS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'roles';
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== name;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('data-view') === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  clearError();
  if (!shown.has(name)) {
    shown.add(name);
    if (name === 'candidates') void fillPostingSelect();
    if (name === 'batch') void fillBatchPostings();
  }
  document.title = `rolefit: ${document.querySelector(`nav a[data-view="${name}"]`)?.textContent ?? ''}`;
}

setupKeyDialog();
$('roles-form').addEventListener('submit', rankRoles);
$('cand-form').addEventListener('submit', rankCandidates);
$('batch-form').addEventListener('submit', startBatch);
window.addEventListener('hashchange', () => {
  route();
  $('main').focus();
});
route();
// Ask for a key up front when the service wants one (a public route answers, a /v1 one says 401).
void api('GET', '/v1/postings', { query: { limit: 1 } }).catch(showError);
