// `rolefit reindex`: re-parse stored documents after a model change. Each document is parsed
// again from the text stored with it; a batch is written in one transaction.

import type { Config } from '../config/defaults.ts';
import type { Engine } from '../app/index.ts';
import { openConfiguredStore } from '../storage/open.ts';
import type { CandidateInput, PostingInput } from '../storage/store.ts';

export async function reindex(config: Config, engine: Engine, opts: { all: boolean }): Promise<{ postings: number; candidates: number; skipped: number; modelsVersion: string }> {
  const store = await openConfiguredStore(config);
  let postings = 0;
  let candidates = 0;
  let skipped = 0;
  try {
    for await (const batch of store.eachPosting(500)) {
      const redo: PostingInput[] = [];
      for (const p of batch) {
        if (!opts.all && p.modelsVersion === engine.modelsVersion) { skipped++; continue; }
        const profile = { ...engine.parsePosting(p.text), format: p.profile.format ?? 'text' };
        redo.push({ id: p.id, text: p.text, format: p.format, hash: p.hash, profile });
      }
      if (redo.length) await store.putPostings(redo);
      postings += redo.length;
    }
    for await (const batch of store.eachCandidate(500)) {
      for (const c of batch) {
        if (!opts.all && c.modelsVersion === engine.modelsVersion) { skipped++; continue; }
        const profile = { ...engine.parseResume(c.text, { asOf: c.profile.asOf }), format: c.profile.format ?? 'text' };
        const input: CandidateInput = { id: c.id, text: c.text, format: c.format, hash: c.hash, profile: { ...profile, contact: c.profile.contact }, contact: c.contact };
        await store.putCandidate(input);
        candidates++;
      }
    }
  } finally {
    await store.close();
  }
  return { postings, candidates, skipped, modelsVersion: engine.modelsVersion };
}
