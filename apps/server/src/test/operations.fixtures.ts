import type { Session, TestContext } from './test-app';

/** A caller: a session's headers, an API key's bearer header, or nobody. */
export type Caller = { headers: Record<string, string> } | null;

/** What a contract's provider needs to send logs: its own reference, shared and unshared elements. */
export interface LogTargets {
  providerReference: string;
  ownerReference: string;
  shared: string[];
  /** An element of the same owner that the contract does not share. */
  unshared: string;
}

export async function logTargets(ctx: TestContext, contractId: string): Promise<LogTargets> {
  const q = async (text: string, values: unknown[]) => (await ctx.database.pool.query(text, values)).rows;
  const parties = await q('SELECT role, reference FROM contract_parties WHERE project_id = $1', [contractId]);
  const shared = await q('SELECT reference FROM contract_assets WHERE contract_id = $1 ORDER BY reference LIMIT 5', [
    contractId,
  ]);
  const unshared = await q(
    `SELECT a.reference FROM assets a JOIN contract_projects c ON c.owner_id = a.owner_id
     WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM contract_assets ca WHERE ca.contract_id = c.id AND ca.asset_id = a.id)
     ORDER BY a.reference LIMIT 1`,
    [contractId],
  );
  const ref = (role: string) => String(parties.find((p: { role: string }) => p.role === role)?.reference);
  return {
    providerReference: ref('provider'),
    ownerReference: ref('owner'),
    shared: shared.map((r: { reference: string }) => r.reference),
    unshared: String(unshared[0]?.reference),
  };
}

let seq = 0;

/** A valid log for the contract (override any field). */
export function aLog(t: LogTargets, over: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    reference: `INT-${seq}`,
    contractReference: t.providerReference,
    status: 'open',
    event: 'requested',
    eventDate: '2026-03-01T10:00:00Z',
    serviceCode: 'P902',
    location: { assetReference: t.shared[0] },
    workType: 'corrective',
    ...over,
  };
}

export async function apiKey(
  ctx: TestContext,
  session: Session,
  name: string,
  revoke = false,
): Promise<{ headers: Record<string, string> }> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: session.headers,
    payload: { name },
  });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode}`);
  const body = res.json() as { id: string; secret: string };
  if (revoke) {
    await ctx.app.inject({
      method: 'POST',
      url: `/api/api-keys/${body.id}/revoke`,
      headers: session.headers,
      payload: {},
    });
  }
  return { headers: { authorization: `Bearer ${body.secret}` } };
}

/** One request as a caller, JSON or raw text (CSV). */
export async function send<T = Record<string, unknown>>(
  ctx: TestContext,
  who: Caller,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  contentType?: string,
): Promise<{
  status: number;
  body: T & { error?: { code: string; message: string; details: Record<string, unknown> } };
}> {
  const res = await ctx.app.inject({
    method,
    url,
    headers: { ...(who?.headers ?? {}), ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
  type Body = T & { error?: { code: string; message: string; details: Record<string, unknown> } };
  return { status: res.statusCode, body: (res.body ? res.json() : {}) as Body };
}
