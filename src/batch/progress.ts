// A progress bar with rate and ETA for terminal runs (cli-progress, on stderr); nothing at all
// when stderr is not a terminal or the run is --quiet, so piped output stays clean.

import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet || !stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'résumés {bar} {value}/{total} | {rate}/s | ETA {eta_formatted}',
    etaBuffer: 50,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  const t0 = performance.now();
  let started = false;
  let first = 0;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done, { rate: '-' });
        started = true;
        first = done;
      }
      const s = (performance.now() - t0) / 1000;
      bar.update(done, { rate: s > 0 ? Math.round((done - first) / s) : '-' });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
