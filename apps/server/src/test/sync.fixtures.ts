import type { ContractProjectDetail } from '@raccord/schemas';
import { call, orgId, readyProject } from './contracts.fixtures';
import type { Session, TestContext } from './test-app';

let seq = 0;

/** A contract validated by the owner, its activation job run (not its materialisation). */
export async function validatedContract(
  ctx: TestContext,
  s: { owner: Session; provider: Session },
  drain: () => Promise<unknown> = () => ctx.runner.drain(),
): Promise<ContractProjectDetail> {
  seq++;
  const p = await readyProject(ctx, s, {
    reference: `HAB-SYNC-${seq}-${Date.now() % 100000}`,
    providerReference: `ASC-SYNC-${seq}-${Date.now() % 100000}`,
    provider: await orgId(ctx, 'Ascenseurs Demo'),
    perimeter: await liftRegions(ctx),
  });
  const v = await call(ctx, s.owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
  if (v.status !== 202) throw new Error(`validate: ${v.status} ${JSON.stringify(v.body)}`);
  await drain();
  return p;
}

/** The ids of a contract's materialised set, sorted. */
export async function materialisedIds(ctx: TestContext, contractId: string): Promise<string[]> {
  const r = await ctx.database.pool.query('SELECT asset_id FROM contract_assets WHERE contract_id = $1', [contractId]);
  return r.rows.map((row: { asset_id: string }) => row.asset_id).sort();
}

/** The two regions holding most of Habitat Demo's lifts (the generated patrimoine is spread over France). */
export async function liftRegions(ctx: TestContext) {
  const r = await ctx.database.pool.query(
    `SELECT substring(subpath(a.path, 0, 1)::text from 2) AS code, count(*) AS n
     FROM assets a JOIN organizations o ON o.id = a.owner_id
     WHERE o.name = 'Habitat Demo' AND a.shared_type = 'equipment.lift' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 2`,
  );
  return {
    include: r.rows.map((row: { code: string }) => ({ kind: 'region' as const, code: row.code })),
    exclude: [],
  };
}
