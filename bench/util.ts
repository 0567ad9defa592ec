export interface Figures {
  engine: 'pglite' | 'postgresql';
  elements: number;
  count50: { p50: number; baselineP50: number };
  count30: { p50: number; baselineP50: number; coveredShare: number };
  children: { p50: number; baselineP50: number };
  import: {
    rowsPerSecond: number;
    seconds: number;
    peakRssMb: number;
    /** A bare INSERT … SELECT of already-stored rows into an empty copy of `assets` (same indexes, checks, keys). */
    bareWrite?: { rowsPerSecond: number; rows: number };
  };
  lightP99: { duringImport: number; duringResolution: number; samples: number };
}

export function p(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((q / 100) * s.length))] ?? Number.NaN;
}

export async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Fires `fn` every `everyMs` (never two at once) and records each latency until stopped. */
export function measureLatency(fn: () => Promise<void>, everyMs: number) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

export function printTable(results: Figures[]) {
  const targets: Record<string, Record<string, string>> = {
    pglite: {
      count50: '≤ 25 ms',
      count30: '≤ 300 ms, ≥ 4×',
      children: '≤ 5 ms',
      import: '≥ 20 000/s, ≤ 600 Mo',
      light: '≤ 100 ms',
    },
    postgresql: {
      count50: '≤ 15 ms',
      count30: '≤ 200 ms, ≥ 4×',
      children: '≤ 5 ms',
      import: '≥ 50 000/s, ≤ 600 Mo',
      light: '—',
    },
  };
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows: string[][] = [['engine', 'figure', 'Raccord', 'baseline (recursive CTE)', 'speed-up', 'target']];
  for (const r of results) {
    const t = targets[r.engine] ?? {};
    rows.push([
      r.engine,
      'counts, 50-node perimeter (p50)',
      ms(r.count50.p50),
      ms(r.count50.baselineP50),
      `${(r.count50.baselineP50 / r.count50.p50).toFixed(1)}×`,
      t.count50 ?? '',
    ]);
    rows.push([
      r.engine,
      `counts, ${Math.round(r.count30.coveredShare * 100)} % perimeter (p50)`,
      ms(r.count30.p50),
      ms(r.count30.baselineP50),
      `${(r.count30.baselineP50 / r.count30.p50).toFixed(1)}×`,
      t.count30 ?? '',
    ]);
    rows.push([
      r.engine,
      'children with counts (p50)',
      ms(r.children.p50),
      ms(r.children.baselineP50),
      `${(r.children.baselineP50 / r.children.p50).toFixed(1)}×`,
      t.children ?? '',
    ]);
    rows.push([
      r.engine,
      'import rows/s (peak RSS)',
      `${r.import.rowsPerSecond.toLocaleString('fr-FR')} (${r.import.peakRssMb} Mo)`,
      r.import.bareWrite ? `${r.import.bareWrite.rowsPerSecond.toLocaleString('fr-FR')}/s (bare INSERT … SELECT)` : '—',
      r.import.bareWrite ? `${(r.import.rowsPerSecond / r.import.bareWrite.rowsPerSecond).toFixed(2)}×` : '—',
      t.import ?? '',
    ]);
    rows.push([
      r.engine,
      'light request p99 during import / resolution',
      `${ms(r.lightP99.duringImport)} / ${ms(r.lightP99.duringResolution)}`,
      '—',
      '—',
      t.light ?? '',
    ]);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
}
