// The recruiter page and the <rolefit-match> component in a real browser: Debian's chromium driven
// by playwright-core, against a real listening server (temporary SQLite file, the 60 sample
// postings, stored candidates, an API key, CORS for the test's "recruiter tool" origin). Every
// number the page shows is checked against the API's own answer for the same request; axe-core
// runs in the page and fails the test on serious or critical violations. Screenshots go to
// test/web/screenshots/ (gitignored). Without /usr/bin/chromium the suite reports itself skipped.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RolefitClient } from '../../src/client/index.ts';
import { loadConfig } from '../../src/config/load.ts';
import { createEngine } from '../../src/engine.ts';
import { startServer, type Started } from '../../src/server/start.ts';
import { makeDocx } from '../helpers/documents.ts';
import { AS_OF, sampleResume } from '../server/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const BATCHES = existsSync(new URL('../../src/server/routes/batches.ts', import.meta.url));
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const KEY = 'browser-test-key';
const JAVA = sampleResume('r01-java-backend-senior');
const CANDIDATES = { marta: 'r01-java-backend-senior', devops: 'r06-devops-sre-staff', frontend: 'r02-frontend-react', data: 'r03-data-engineer' } as const;

/** Runs axe-core in the page; returns the serious and critical violations (id: nodes). */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } };
    const r = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** expect.poll with room for a busy machine (a DOCX parse, a first request while code warms up). */
const poll = <T>(fn: () => Promise<T> | T, o: { timeout?: number } = {}) => expect.poll(fn, { timeout: 20_000, interval: 100, ...o });

interface Marked { text: string; pieces: Array<{ start: number; end: number; reqs: string[] }> }
/** A document pane's whole text and its marked pieces, as offsets into that text. */
function marked(page: Page, selector: string, index: number): Promise<Marked> {
  return page.locator(selector).nth(index).evaluate((pane) => {
    let at = 0;
    const pieces: Array<{ start: number; end: number; reqs: string[] }> = [];
    for (const node of Array.from((pane as unknown as { childNodes: ArrayLike<{ textContent: string | null; nodeName: string; getAttribute?(n: string): string | null }> }).childNodes)) {
      const len = (node.textContent ?? '').length;
      if (node.nodeName === 'MARK') pieces.push({ start: at, end: at + len, reqs: (node.getAttribute?.('data-req') ?? '').split(' ') });
      at += len;
    }
    return { text: pane.textContent ?? '', pieces };
  });
}
/** Every character of the span lies in a piece marked for the requirement. */
function covered(m: Marked, span: { start: number; end: number }, req: string): boolean {
  for (let i = span.start; i < span.end; i++) if (!m.pieces.some((p) => p.start <= i && i < p.end && p.reqs.includes(req))) return false;
  return span.end > span.start;
}

// A busy 2-core machine running the whole suite can take a while per step: generous limits.
describe.skipIf(!HAVE_CHROMIUM)('the recruiter page and the component in chromium', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolefit-web-'));
  let server: Started;
  let tool: Server;
  let toolPort = 0;
  let context: BrowserContext;
  let page: Page;
  let api: RolefitClient;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // The "recruiter tool": another origin whose page embeds the component with one script tag.
    tool = createServer((req, res) => {
      const base = server?.address ?? '';
      const body = req.url === '/texts'
        ? `<!doctype html><html lang="en"><head><title>ATS</title><script src="${base}/embed/rolefit-match.js"></script></head><body><main><h1>Pasted documents</h1><rolefit-match id="m" api-key="${KEY}"></rolefit-match></main></body></html>`
        : `<!doctype html><html lang="en"><head><title>ATS</title><script src="${base}/embed/rolefit-match.js"></script>
           <style>body{font-family:sans-serif;margin:2rem;max-width:40rem} .brand{--rolefit-accent:#7a1fa2;--rolefit-radius:0;--rolefit-bg:#faf5ff}</style></head>
           <body><main><h1>Candidate: Marta</h1>
           <rolefit-match id="plain" posting-id="a01-senior-java-backend" candidate-id="marta" api-key="${KEY}"></rolefit-match>
           <h2>Styled</h2><rolefit-match id="styled" class="brand" posting-id="a02-go-backend-engineer" candidate-id="marta" api-key="${KEY}"></rolefit-match>
           </main></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => tool.listen(0, '127.0.0.1', r));
    toolPort = (tool.address() as AddressInfo).port;
    const config = loadConfig({}, { port: 0, db: join(dir, 'rolefit.db'), rateLimitPerMinute: 0, logLevel: 'silent', apiKeys: [KEY], corsOrigins: [`http://127.0.0.1:${toolPort}`] });
    server = await startServer(config, { seed: true, version: 'test', signals: false, engine: createEngine() });
    api = createClient({ baseUrl: server.address, apiKey: KEY });
    for (const [id, file] of Object.entries(CANDIDATES)) await api.putCandidate(id, { text: sampleResume(file), asOf: AS_OF });

    mkdirSync(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1366, height: 860 },
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      // A 401 before the key is entered is logged by the browser as a failed resource: expected.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await new Promise((r) => tool?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the API key once and keeps it for the browser session', async () => {
    await page.goto(`${server.address}/`);
    const dialog = page.locator('#key-dialog');
    await poll(() => dialog.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    await page.screenshot({ path: `${SHOTS}01-api-key.png` });
    await page.locator('#key-input').fill(KEY);
    await page.locator('#key-input').press('Enter');
    await poll(() => dialog.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('rolefit.apiKey'))).toBe(KEY);
    // A reload in the same tab does not ask again.
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await dialog.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    expect(await page.locator('#key-button').textContent()).toMatch(/✓/);
  });

  it('résumé → roles: pasted text ranks the roles exactly as the API does, with gates and a bar per kind', async () => {
    const expected = await api.match({ text: JAVA, top: 10, explain: 'full' });
    await page.locator('#resume-text').fill(JAVA);
    await page.getByRole('button', { name: 'Rank roles' }).click();
    const rows = page.locator('#roles-results tbody tr');
    await poll(() => rows.count()).toBe(expected.results.length);
    for (const [i, r] of expected.results.entries()) {
      const row = rows.nth(i);
      // A posting whose title was not found is named by its id.
      expect(await row.locator('button.link').textContent()).toBe(r.title ?? r.postingId);
      expect(await row.locator('.score .num').textContent()).toBe(String(r.score));
      expect(await row.locator('td').nth(3).textContent()).toBe(r.summary.split(' (')[0]);
      expect(await row.locator('.gate').textContent()).toMatch(r.gates.passed ? /all must-haves met/ : /failed/);
      // One bar per requirement kind, one segment per requirement.
      const kinds = [...new Set(r.match!.requirements.map((q) => q.kind))];
      expect(await row.locator('.kinds .kind').allTextContents()).toEqual(kinds);
      expect(await row.locator('.kinds .seg').count()).toBe(r.match!.requirements.length);
    }
    expect(await page.locator('#status').textContent()).toContain(`of ${expected.stats.roles} stored`);
    await page.screenshot({ path: `${SHOTS}02-roles.png`, fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
  });

  it('opens a role by keyboard: every requirement, gaps with gains, the ceiling, evidence highlighted in both documents', async () => {
    const expected = (await api.match({ text: JAVA, top: 10, explain: 'full' })).results[0]!;
    const m = expected.match!;
    await page.locator('#roles-results tbody tr').first().locator('button.link').focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('#role-detail');
    await poll(() => detail.locator('#detail-title').textContent()).toBe(expected.title ?? expected.postingId);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('detail-title');
    expect(await detail.locator('.headline .num').textContent()).toBe(String(m.score));
    expect(await detail.locator('.ceiling').textContent()).toMatch(new RegExp(`^${m.ceiling}\\b`));
    expect(await detail.locator('.gaps .gain').allTextContents()).toEqual(m.gaps.map((g) => ` +${g.gain} points`));
    const rows = detail.locator('table.reqs tbody tr');
    expect(await rows.count()).toBe(m.requirements.length);
    for (const [i, r] of m.requirements.entries()) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells.slice(1)).toEqual([`${r.kind}${r.required ? 'must-have' : 'nice-to-have'}`, r.status, String(r.credit), String(r.weight)]);
    }

    // Evidence: every span the API returned is highlighted, in the posting and in the résumé text.
    const panes = detail.locator('.doc');
    const postingText = (await api.getPosting(expected.postingId, { include: 'text' })).text!;
    const docs = { posting: await marked(page, '#role-detail .doc', 0), resume: await marked(page, '#role-detail .doc', 1) };
    expect(docs.posting.text).toBe(postingText);
    expect(docs.resume.text).toBe(JAVA);
    let spans = 0;
    for (const r of m.requirements) {
      for (const e of r.evidence) {
        expect(covered(docs[e.source], e.span, r.id), `${r.id} ${e.source} ${e.span.start}-${e.span.end}`).toBe(true);
        spans++;
      }
    }
    expect(spans).toBeGreaterThan(m.requirements.length);
    // Nothing is marked that the API did not name.
    for (const p of [...docs.posting.pieces, ...docs.resume.pieces]) expect(m.requirements.some((r) => p.reqs.includes(r.id))).toBe(true);
    // Selecting a requirement marks its evidence as active in both documents.
    const spring = m.requirements.find((r) => r.evidence.some((e) => e.source === 'resume' && e.text === 'Spring Boot'))!;
    await detail.getByRole('button', { name: `Show evidence for: ${spring.text}` }).click();
    const active = await detail.locator('mark.active').allTextContents();
    expect(active.join('|')).toContain('Spring Boot');
    expect(await panes.nth(0).locator('mark.active').count()).toBeGreaterThan(0);
    expect(await panes.nth(1).locator('mark.active').count()).toBeGreaterThan(0);
    // ... and scrolls each document to it.
    for (const i of [0, 1]) {
      const pane = (await panes.nth(i).boundingBox())!;
      const mark = (await panes.nth(i).locator('mark.active').first().boundingBox())!;
      expect(mark.y, `pane ${i}`).toBeGreaterThanOrEqual(pane.y);
      expect(mark.y + mark.height, `pane ${i}`).toBeLessThanOrEqual(pane.y + pane.height);
    }
    await page.screenshot({ path: `${SHOTS}03-role-detail.png`, fullPage: true });
    // What a recruiter sees on a laptop screen after selecting the requirement.
    await detail.getByRole('button', { name: `Show evidence for: ${spring.text}` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}03b-evidence-on-screen.png` });
    expect(await axeProblems(page)).toEqual([]);
  });

  it('an uploaded DOCX is matched as the API matches it, and its evidence is highlighted in the extracted text', async () => {
    const docx = await makeDocx(JAVA);
    const expected = await api.match({ file: new Uint8Array(docx), filename: 'marta.docx', top: 10, explain: 'full' });
    const parsed = await api.parseResume({ file: new Uint8Array(docx), filename: 'marta.docx' });
    await page.locator('#resume-file').setInputFiles({ name: 'marta.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.getByRole('button', { name: 'Rank roles' }).click();
    await poll(() => page.locator('#status').textContent()).toContain('roles ranked');
    const scores = await page.locator('#roles-results tbody .score .num').allTextContents();
    expect(scores).toEqual(expected.results.map((r) => String(r.score)));
    await page.locator('#roles-results tbody tr').first().locator('button.link').click();
    const resumePane = page.locator('#role-detail .doc').nth(1);
    await poll(() => resumePane.textContent()).toBe(parsed.text);
    // The extracted text differs from the pasted one, and the spans index into it.
    expect(parsed.text).not.toBe(JAVA);
    const doc = await marked(page, '#role-detail .doc', 1);
    const best = expected.results[0]!.match!;
    const resumeEvidence = best.requirements.flatMap((r) => r.evidence.filter((e) => e.source === 'resume').map((e) => ({ r, e })));
    expect(resumeEvidence.length).toBeGreaterThan(3);
    for (const { r, e } of resumeEvidence) expect(covered(doc, e.span, r.id), `${r.id} ${e.span.start}-${e.span.end}`).toBe(true);
    await page.locator('#resume-file').setInputFiles([]);
  });

  it('posting → candidates: ranked as the API ranks them, filters sent to the API, contact only when asked, side-by-side comparison', async () => {
    await page.getByRole('link', { name: 'Posting → candidates' }).click();
    const select = page.locator('#cand-posting');
    await poll(() => select.locator('option').count()).toBe(61);
    await select.selectOption('a01-senior-java-backend');
    await page.getByRole('button', { name: 'Rank candidates' }).click();
    const expected = await api.rankCandidates('a01-senior-java-backend', { top: 20, explain: 'full' });
    const rows = page.locator('#cand-results tbody tr');
    await poll(() => rows.count()).toBe(4);
    expect(await rows.locator('button.link').allTextContents()).toEqual(expected.results.map((r) => r.candidateId));
    expect(await rows.locator('.score .num').allTextContents()).toEqual(expected.results.map((r) => String(r.score)));

    // No contact details until asked for one candidate.
    const marta = await api.getCandidate('marta', { include: 'contact' });
    const email = marta.contact!.email!;
    expect(await page.locator('#view-candidates').innerHTML()).not.toContain(email);
    await rows.filter({ hasText: 'marta' }).getByRole('button', { name: 'Show contact' }).click();
    await poll(() => rows.filter({ hasText: 'marta' }).locator('.contact').textContent()).toContain(email);

    // Compare the top two, requirement by requirement.
    const [a, b] = expected.results;
    await page.getByRole('checkbox', { name: `Compare ${a!.candidateId}` }).check();
    await page.getByRole('checkbox', { name: `Compare ${b!.candidateId}` }).check();
    const cmp = page.locator('#cand-compare table.compare');
    await poll(() => cmp.locator('tbody tr').count()).toBe(a!.match!.requirements.length);
    for (const [i, r] of a!.match!.requirements.entries()) {
      const other = b!.match!.requirements.find((x) => x.id === r.id)!;
      const cells = await cmp.locator('tbody tr').nth(i).locator('td').allTextContents();
      expect(cells[0]).toContain(`${r.status} credit ${r.credit}`);
      expect(cells[1]).toContain(`${other.status} credit ${other.credit}`);
    }
    await page.screenshot({ path: `${SHOTS}04-candidates-compare.png`, fullPage: true });
    expect(await axeProblems(page)).toEqual([]);

    // Filters go to the API: only those passing every gate, and a minimum score.
    await page.locator('#cand-passing').check();
    await page.getByRole('button', { name: 'Rank candidates' }).click();
    const passing = await api.rankCandidates('a01-senior-java-backend', { top: 20, passingOnly: true });
    await poll(() => rows.count()).toBe(passing.results.length);
    expect(await rows.locator('button.link').allTextContents()).toEqual(passing.results.map((r) => r.candidateId));
    await page.locator('#cand-passing').uncheck();
    const min = Math.floor(expected.results[1]!.score);
    await page.locator('#cand-min').fill(String(min));
    await page.getByRole('button', { name: 'Rank candidates' }).click();
    const above = await api.rankCandidates('a01-senior-java-backend', { top: 20, minScore: min });
    await poll(() => rows.count()).toBe(above.results.length);
    expect(above.results.length).toBeLessThan(expected.results.length);

    // A candidate's evidence, without their résumé text (and its contact lines) until asked.
    await rows.first().locator('button.link').click();
    const detail = page.locator('#cand-compare');
    await poll(() => detail.locator('#detail-title').textContent()).toContain(expected.results[0]!.candidateId);
    expect(await detail.locator('.doc').count()).toBe(1);
    await detail.getByRole('button', { name: 'Show the résumé text' }).click();
    await poll(() => detail.locator('.doc').count()).toBe(2);
    expect(await detail.locator('.doc').nth(1).locator('mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}05-candidate-detail.png`, fullPage: true });
  });

  it('the batch view: postings to choose and résumés to upload (runs a batch when the batch API is there)', async () => {
    await page.getByRole('link', { name: 'Batch' }).click();
    await poll(() => page.locator('#batch-postings input[type=checkbox]').count()).toBe(60);
    expect(await axeProblems(page)).toEqual([]);
    if (!BATCHES) return;
    await page.locator('#batch-postings input[value="a01-senior-java-backend"]').check();
    await page.locator('#batch-postings input[value="a02-go-backend-engineer"]').check();
    // Text files and one DOCX, which the batch reads as a document.
    const names = Object.values(CANDIDATES);
    const first = names[0]!;
    const rest = names.slice(1);
    await page.locator('#batch-files').setInputFiles([
      { name: `${first}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await makeDocx(sampleResume(first)) },
      ...rest.map((f) => ({ name: `${f}.txt`, mimeType: 'text/plain', buffer: Buffer.from(sampleResume(f)) })),
    ]);
    await page.getByRole('button', { name: 'Start batch' }).click();
    const download = page.getByRole('button', { name: 'Download CSV' });
    await download.waitFor({ timeout: 60_000 });
    expect(await page.locator('.progress-text').textContent()).toMatch(/^done: (\d+) of \1$/);
    await page.screenshot({ path: `${SHOTS}06-batch.png`, fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^rolefit-batch-.+\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    // Each résumé is named in the results by its file name, and none was refused.
    const rows = csv.trim().split('\n').slice(1);
    for (const f of Object.values(CANDIDATES)) expect(rows.some((r) => r.startsWith(`${f},`)), f).toBe(true);
    expect(csv).not.toMatch(/INPUT_|INTERNAL/);
    expect(rows.find((r) => r.startsWith(`${first},`))).toMatch(/a01-senior-java-backend/);
  });

  it('<rolefit-match> on another origin: one script tag, scores by id, styled by custom properties', async () => {
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${toolPort}/`);
    const expected = await api.score({ resume: { id: 'marta' }, posting: { id: 'a01-senior-java-backend' } });
    const plain = tab.locator('#plain');
    await poll(() => plain.locator('.score').textContent()).toBe(String(expected.score));
    expect(await plain.locator('.verdict').textContent()).toBe(expected.summary.split(' (')[0]);
    expect(await plain.locator('li').count()).toBe(expected.requirements.length);
    expect(await plain.locator('li .credit').allTextContents()).toEqual(expected.requirements.map((r) => String(r.credit)));
    expect(await plain.locator('.foot').textContent()).toContain(`Ceiling ${expected.ceiling}`);
    // The host page's custom properties reach inside the shadow root.
    const styled = tab.locator('#styled');
    await poll(() => styled.locator('.score').textContent()).toMatch(/^\d/);
    expect(await styled.locator('.score').evaluate((e) => (globalThis as unknown as { getComputedStyle(x: unknown): { color: string } }).getComputedStyle(e).color)).toBe('rgb(122, 31, 162)');
    expect(await plain.locator('.score').evaluate((e) => (globalThis as unknown as { getComputedStyle(x: unknown): { color: string } }).getComputedStyle(e).color)).toBe('rgb(31, 95, 191)');
    await tab.screenshot({ path: `${SHOTS}07-component.png`, fullPage: true });
    expect(await axeProblems(tab)).toEqual([]);

    // Texts instead of ids, set as properties; the host hears the score as an event.
    await tab.goto(`http://127.0.0.1:${toolPort}/texts`);
    const posting = (await api.getPosting('a02-go-backend-engineer', { include: 'text' })).text!;
    const heard = await tab.evaluate(([p, r]) => new Promise<number>((resolve) => {
      type Component = { postingText: string; resumeText: string; addEventListener(t: string, f: (e: { detail: { score: number } }) => void): void };
      const el = (globalThis as unknown as { document: { getElementById(id: string): Component } }).document.getElementById('m');
      el.addEventListener('rolefit-score', (e) => resolve(e.detail.score));
      el.postingText = p!;
      el.resumeText = r!;
    }), [posting, JAVA]);
    const byText = await api.score({ resume: { text: JAVA }, posting: { text: posting } });
    expect(heard).toBe(byText.score);
    expect(await tab.locator('#m .score').textContent()).toBe(String(byText.score));
    await tab.close();
  });

  it('<rolefit-match> on an origin the service does not name gets no score (CORS refuses it)', async () => {
    const tab = await context.newPage();
    // Same tool server, other origin: localhost is not 127.0.0.1 to a browser.
    await tab.goto(`http://localhost:${toolPort}/`);
    await poll(() => tab.locator('#plain [part=error]').textContent(), { timeout: 15_000 }).toMatch(/could not be reached|does not allow/);
    expect(await tab.locator('#plain .score').count()).toBe(0);
    await tab.close();
  });

  it('logged no script errors (the page runs under its own strict CSP)', () => {
    expect(consoleErrors).toEqual([]);
  });
});

// When chromium is missing the suite above reports itself skipped; this says why in the output.
if (!HAVE_CHROMIUM) {
  describe('browser tests', () => {
    it.skip(`need ${CHROMIUM} (apt-get install chromium)`, () => {});
  });
}


