// @ts-check
/* global document, location, customElements, HTMLElement, HTMLScriptElement, CustomEvent, URL, fetch, queueMicrotask */
// <rolefit-match>: one candidate against one role, scored by a rolefit service, for recruiter
// tools to embed with one script tag:
//
//   <script src="https://rolefit.example.com/embed/rolefit-match.js"></script>
//   <rolefit-match posting-id="a01-senior-java-backend" candidate-id="marta" api-key="..."></rolefit-match>
//
// Documents by id (posting-id, candidate-id) or as text (posting-text, resume-text attributes, or
// the postingText / resumeText properties). The service is the one that served this script unless
// api-base says otherwise; its ROLEFIT_CORS_ORIGINS must name the embedding page's origin. Styled
// through CSS custom properties (--rolefit-*) and ::part(). A classic script on purpose: it loads
// in any page without CORS on the script itself. The score and every figure are the API's.
(() => {
  if (customElements.get('rolefit-match')) return;
  const script = document.currentScript;
  const DEFAULT_BASE = script instanceof HTMLScriptElement && script.src ? new URL(script.src).origin : location.origin;

  const CSS = `
    :host { display: block; font-family: var(--rolefit-font, system-ui, sans-serif); color: var(--rolefit-fg, #1b1f24);
      background: var(--rolefit-bg, #fff); border: 1px solid var(--rolefit-border, #d5dae1); border-radius: var(--rolefit-radius, 8px);
      padding: var(--rolefit-padding, .8rem 1rem); font-size: var(--rolefit-font-size, 14px); line-height: 1.4; }
    :host([hidden]) { display: none; }
    .head { display: flex; align-items: baseline; gap: .6rem; flex-wrap: wrap; }
    .score { font-size: 1.8em; font-weight: 700; color: var(--rolefit-accent, #1f5fbf); font-variant-numeric: tabular-nums; }
    .of { color: var(--rolefit-muted, #4f5866); }
    .verdict { font-weight: 600; }
    .gates { margin-left: auto; font-weight: 600; }
    .gates.pass { color: var(--rolefit-met, #1d7a3a); }
    .gates.fail { color: var(--rolefit-unmet, #b3261e); }
    .bar { height: 6px; background: var(--rolefit-track, #e3e7ed); border-radius: 3px; overflow: hidden; margin: .3rem 0 .6rem; }
    .bar > span { display: block; height: 100%; background: var(--rolefit-accent, #1f5fbf); }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .25rem; }
    li { display: grid; grid-template-columns: 5.2rem 1fr auto; gap: .5rem; align-items: baseline; }
    .status { font-size: .8em; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
    .met { color: var(--rolefit-met, #1d7a3a); }
    .partial { color: var(--rolefit-partial, #8a5a00); }
    .unmet { color: var(--rolefit-unmet, #b3261e); }
    .unknown { color: var(--rolefit-muted, #4f5866); }
    .credit { font-variant-numeric: tabular-nums; color: var(--rolefit-muted, #4f5866); font-size: .9em; }
    .must { font-size: .75em; color: var(--rolefit-muted, #4f5866); }
    .foot { margin-top: .5rem; color: var(--rolefit-muted, #4f5866); font-size: .9em; }
    .error { color: var(--rolefit-unmet, #b3261e); }
  `;

  class RolefitMatch extends HTMLElement {
    static get observedAttributes() {
      return ['posting-id', 'candidate-id', 'posting-text', 'resume-text', 'api-key', 'api-base'];
    }

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = CSS;
      this.body = document.createElement('div');
      this.body.setAttribute('part', 'body');
      this.body.setAttribute('aria-live', 'polite');
      this.root.append(style, this.body);
      /** @type {string | null} */ this._postingText = null;
      /** @type {string | null} */ this._resumeText = null;
      this._seq = 0;
      this._queued = false;
      /** The last Match shown (read-only for the host page). @type {any} */
      this.match = null;
    }

    get postingText() { return this._postingText ?? this.getAttribute('posting-text'); }
    set postingText(v) { this._postingText = v; this._schedule(); }
    get resumeText() { return this._resumeText ?? this.getAttribute('resume-text'); }
    set resumeText(v) { this._resumeText = v; this._schedule(); }

    connectedCallback() { this._schedule(); }
    attributeChangedCallback() { this._schedule(); }

    // Several attributes set in a row make one request.
    _schedule() {
      if (this._queued || !this.isConnected) return;
      this._queued = true;
      queueMicrotask(() => {
        this._queued = false;
        void this._load();
      });
    }

    async _load() {
      const posting = this.getAttribute('posting-id') ? { id: this.getAttribute('posting-id') } : this.postingText ? { text: this.postingText } : null;
      const resume = this.getAttribute('candidate-id') ? { id: this.getAttribute('candidate-id') } : this.resumeText ? { text: this.resumeText } : null;
      if (!posting || !resume) return;
      const seq = ++this._seq;
      this.setAttribute('aria-busy', 'true');
      this._render([el('p', { part: 'loading' }, 'Scoring…')]);
      const base = (this.getAttribute('api-base') || DEFAULT_BASE).replace(/\/$/, '');
      /** @type {Record<string, string>} */
      const headers = { 'content-type': 'application/json' };
      const key = this.getAttribute('api-key');
      if (key) headers.authorization = `Bearer ${key}`;
      try {
        const res = await fetch(`${base}/v1/score`, { method: 'POST', headers, body: JSON.stringify({ resume, posting }) });
        const body = await res.json().catch(() => null);
        if (seq !== this._seq) return;
        if (!res.ok) throw Object.assign(new Error(body?.error?.message ?? `HTTP ${res.status}`), { code: body?.error?.code ?? 'UNEXPECTED_RESPONSE' });
        this.match = body;
        this._show(body);
        this.dispatchEvent(new CustomEvent('rolefit-score', { detail: body, bubbles: true, composed: true }));
      } catch (e) {
        if (seq !== this._seq) return;
        const err = /** @type {Error & { code?: string }} */ (e);
        // A refused CORS request or an unreachable service is a TypeError from fetch.
        const code = err.code ?? 'NETWORK';
        this.match = null;
        this._render([el('p', { class: 'error', part: 'error', role: 'alert' }, code === 'NETWORK' ? `The rolefit service at ${base} could not be reached (or does not allow this page's origin).` : `${code}: ${err.message}`)]);
        this.dispatchEvent(new CustomEvent('rolefit-error', { detail: { code, message: err.message }, bubbles: true, composed: true }));
      } finally {
        if (seq === this._seq) this.removeAttribute('aria-busy');
      }
    }

    /** @param {any} m */
    _show(m) {
      const verdict = String(m.summary).split(' (')[0];
      const fill = el('span');
      fill.style.width = `${m.score}%`;
      const items = m.requirements.map((/** @type {any} */ r) => el('li', { part: 'requirement' },
        el('span', { class: `status ${r.status}` }, r.status),
        el('span', null, r.text, r.required ? el('span', { class: 'must' }, ' must-have') : null),
        el('span', { class: 'credit', title: 'credit' }, String(r.credit))));
      this._render([
        el('div', { class: 'head', part: 'head' },
          el('span', { class: 'score', part: 'score' }, String(m.score)), el('span', { class: 'of' }, '/ 100'),
          el('span', { class: 'verdict', part: 'verdict' }, verdict),
          el('span', { class: `gates ${m.gates.passed ? 'pass' : 'fail'}`, part: 'gates' }, m.gates.passed ? 'all must-haves met' : `${m.gates.failed.length} must-have(s) not met`)),
        el('div', { class: 'bar', part: 'bar', role: 'img', 'aria-label': `score ${m.score} of 100` }, fill),
        el('ul', { part: 'requirements', 'aria-label': 'Requirements' }, ...items),
        el('p', { class: 'foot', part: 'footer' }, `Ceiling ${m.ceiling}`, m.gaps.length ? ` · biggest gain +${m.gaps[0].gain}` : '', ` · scoring ${m.scoringVersion}`),
      ]);
    }

    /** @param {Node[]} nodes */
    _render(nodes) {
      this.body.replaceChildren(...nodes);
    }
  }

  /**
   * @param {string} tag @param {Record<string, string> | null} [attrs]
   * @param {...(Node | string | null)} children
   */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
    for (const c of children) if (c !== null) e.append(c);
    return e;
  }

  customElements.define('rolefit-match', RolefitMatch);
})();
