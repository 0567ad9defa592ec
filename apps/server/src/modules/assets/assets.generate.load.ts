import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import { generatedSource } from './assets.generate';
import { runImport } from './assets.import.run';
import { assetImports } from './assets.tables';

/**
 * Loads a generated patrimoine into an owner through the import itself (the same checks, the same
 * writes and rollup): what the demo seed, `npm run demo:generate` and the bench use.
 */
export async function loadGeneratedPatrimoine(
  deps: { db: Db; clock: Clock; engine: 'pglite' | 'postgresql' },
  opts: { ownerId: string; elements: number; seed: number; prefix?: string; actor?: Actor; batchSize?: number },
) {
  const id = newId('imp');
  await deps.db.insert(assetImports).values({
    id,
    ownerId: opts.ownerId,
    format: 'csv',
    filename: `generated-${opts.elements}-${opts.seed}.csv`,
    state: 'queued',
    createdAt: deps.clock.now(),
  });
  const result = await runImport(deps, {
    importId: id,
    ownerId: opts.ownerId,
    actor: opts.actor ?? { kind: 'system', label: 'générateur de patrimoine' },
    source: generatedSource(opts),
    batchSize: opts.batchSize,
  });
  if (!result.ok) {
    throw new Error(
      `generated patrimoine refused: ${result.errors
        .slice(0, 3)
        .map((e) => `${e.line} ${e.message}`)
        .join('; ')}`,
    );
  }
  return { importId: id, ...result };
}
