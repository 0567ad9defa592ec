import type { Alignment, ContractProjectDetail } from '@raccord/schemas';
import { call, orgId, ownerSteps, tradeId } from '../../test/contracts.fixtures';
import type { Session, TestContext } from '../../test/test-app';

let seq = 0;

/** An active contract between Habitat Demo and Ascenseurs Demo (and Gestion Demo as third party when given). */
export async function activeContract(
  ctx: TestContext,
  s: { owner: Session; provider: Session; third?: Session },
): Promise<ContractProjectDetail> {
  seq++;
  const tag = `${seq}-${Date.now() % 100000}`;
  const p = await ownerSteps(ctx, s.owner, {
    reference: `HAB-SC-${tag}`,
    provider: await orgId(ctx, 'Ascenseurs Demo'),
    ...(s.third ? { third: await orgId(ctx, 'Gestion Demo') } : {}),
  });
  const notified = await call(ctx, s.owner, 'POST', `/api/contract-projects/${p.id}/notify`, {
    version: p.version,
    invitees: [
      { role: 'provider', email: 'admin@ascenseurs-demo.fr' },
      ...(s.third ? [{ role: 'thirdParty', email: 'admin@gestion-demo.fr' }] : []),
    ],
  });
  if (notified.status !== 200) throw new Error(`notify: ${notified.status} ${JSON.stringify(notified.body)}`);
  let version = notified.body.version;
  const parties: Array<[Session, string]> = [[s.provider, `ASC-SC-${tag}`]];
  if (s.third) parties.push([s.third, `GES-SC-${tag}`]);
  for (const [session, reference] of parties) {
    const submitted = await call(ctx, session, 'POST', `/api/contract-projects/${p.id}/submit`, { version, reference });
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    version = submitted.body.version;
  }
  const v = await call(ctx, s.owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
  if (v.status !== 202) throw new Error(`validate: ${v.status} ${JSON.stringify(v.body)}`);
  await ctx.runner.drain();
  const detail = await call(ctx, s.owner, 'GET', `/api/contract-projects/${p.id}`);
  if (detail.body.state !== 'active') throw new Error(`not active: ${detail.body.state}`);
  return detail.body;
}

export const liftTrade = (ctx: TestContext) => tradeId(ctx, 'ASCENSEURS');

/** Imports a catalogue for the session's organisation; throws unless it succeeds. */
export async function importCatalogue(ctx: TestContext, session: Session, trade: string, csv: string) {
  const res = await call<{ created: number; updated: number }>(ctx, session, 'POST', '/api/service-codes/import', {
    tradeId: trade,
    csv,
  });
  if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const ownerCsv = [
  'code;libellé;type de travaux;description',
  'VE;Visite d’entretien;préventif;Visite réglementaire toutes les six semaines',
  'DEP;Dépannage ascenseur;correctif;',
  'DESINC;Désincarcération;correctif;',
  'CT;Contrôle technique quinquennal;préventif;',
].join('\n');

export const providerCsv = [
  'code,label,work type',
  'P902,Visite entretien périodique,preventive',
  'P910,Depannage appareil,corrective',
  'P920,Desincarceration de personnes,corrective',
  'P999,Nettoyage cuvette,preventive',
].join('\n');

export async function alignment(ctx: TestContext, session: Session | null, contractId: string) {
  return call<Alignment>(ctx, session, 'GET', `/api/contracts/${contractId}/service-codes`);
}

type Caller = Session | { headers: Record<string, string> } | null;

/** One call with any credentials (session, API key header, none). */
export async function as<T = Record<string, unknown>>(
  ctx: TestContext,
  who: Caller,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await ctx.app.inject({
    method,
    url,
    headers: who?.headers ?? {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  type Body = T & { error?: { code: string; details: Record<string, unknown> } };
  const json = String(res.headers['content-type'] ?? '').includes('json') && res.body;
  const body = (json ? res.json() : {}) as Body;
  return { status: res.statusCode, body, code: body.error?.code, raw: res.body };
}

export async function apiKey(ctx: TestContext, session: Session, name: string) {
  const res = await call<{ id: string; secret: string }>(ctx, session, 'POST', '/api/api-keys', { name });
  if (res.status !== 201) throw new Error(`api key: ${res.status}`);
  return { headers: { authorization: `Bearer ${res.body.secret}` } };
}

/** Every row of the service-code tables, to assert that a refused write changed nothing. */
export async function codesSnapshot(ctx: TestContext) {
  const q = async (sql: string) => (await ctx.database.pool.query(sql)).rows;
  return {
    codes: await q('SELECT * FROM service_codes ORDER BY id'),
    alignments: await q('SELECT * FROM service_code_alignments ORDER BY contract_id'),
    pairs: await q('SELECT * FROM service_code_pairs ORDER BY id'),
    versions: await q('SELECT * FROM service_code_versions ORDER BY contract_id, version'),
    dismissals: await q('SELECT * FROM service_code_dismissals ORDER BY contract_id, owner_key, provider_key'),
  };
}
