import type { ContractProjectDetail, Perimeter } from '@raccord/schemas';
import type { Session, TestContext } from './test-app';

export interface Res<T = ContractProjectDetail> {
  status: number;
  body: T;
  error: { code: string; message: string; details: Record<string, unknown> } | undefined;
}

/** One API call as a user (or anonymously), with the parsed body. */
export async function call<T = ContractProjectDetail>(
  ctx: TestContext,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
): Promise<Res<T>> {
  const res = await ctx.app.inject({
    method,
    url,
    headers: session?.headers ?? {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  const body = res.body ? (res.json() as T & { error?: Res['error'] }) : ({} as T & { error?: Res['error'] });
  return { status: res.statusCode, body, error: body.error };
}

export async function orgId(ctx: TestContext, name: string): Promise<string> {
  const r = await ctx.database.pool.query('SELECT id FROM organizations WHERE name = $1', [name]);
  const id = r.rows[0]?.id;
  if (typeof id !== 'string') throw new Error(`no organisation ${name}`);
  return id;
}

export async function tradeId(ctx: TestContext, code: string): Promise<string> {
  const r = await ctx.database.pool.query('SELECT id FROM trades WHERE code = $1', [code]);
  const id = r.rows[0]?.id;
  if (typeof id !== 'string') throw new Error(`no trade ${code}`);
  return id;
}

/** The token of the newest invitation e-mail sent to this address (read from the outbox). */
export async function latestInvitationToken(ctx: TestContext, to: string, label = ''): Promise<string> {
  const r = await ctx.database.pool.query(
    `SELECT text_body FROM mail_outbox WHERE to_address = $1 AND kind LIKE 'contract.invitation%' AND subject LIKE $2
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [to, `%${label}%`],
  );
  const match = /\/invitation\/([\w-]+)/.exec(String(r.rows[0]?.text_body ?? ''));
  if (!match?.[1]) throw new Error(`no invitation e-mail to ${to}`);
  return match[1];
}

export const perimeter = { include: [{ kind: 'departement' as const, code: '69' }], exclude: [] };

export interface Parties {
  owner: Session;
  provider: Session;
  third?: Session;
}

/**
 * A project through the owner's six steps (not notified): label, métier, parties, owner reference,
 * perimeter, shared types.
 */
export async function ownerSteps(
  ctx: TestContext,
  owner: Session,
  opts: { reference: string; provider: string; third?: string; label?: string; perimeter?: Perimeter },
): Promise<ContractProjectDetail> {
  const created = await call(ctx, owner, 'POST', '/api/contract-projects', {
    label: opts.label ?? 'Maintenance ascenseurs Lyon',
    tags: [{ key: 'secteur', value: 'Lyon Est' }],
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const patched = await call(ctx, owner, 'PATCH', `/api/contract-projects/${created.body.id}`, {
    version: created.body.version,
    tradeId: await tradeId(ctx, 'ASCENSEURS'),
    providerId: opts.provider,
    ...(opts.third ? { thirdPartyId: opts.third } : {}),
    parties: { owner: { reference: opts.reference, contacts: [{ name: 'Claire Martin' }] } },
    perimeter: opts.perimeter ?? perimeter,
    sharedTypes: ['equipment.lift'],
  });
  if (patched.status !== 200) throw new Error(`patch: ${patched.status} ${JSON.stringify(patched.body)}`);
  return patched.body;
}

/** Notifies, then the provider submits: the project is ready to validate. */
export async function readyProject(
  ctx: TestContext,
  s: Parties,
  opts: { reference: string; providerReference: string; provider: string; perimeter?: Perimeter },
): Promise<ContractProjectDetail> {
  const p = await ownerSteps(ctx, s.owner, opts);
  const notified = await call(ctx, s.owner, 'POST', `/api/contract-projects/${p.id}/notify`, {
    version: p.version,
    invitees: [{ role: 'provider', email: 'admin@ascenseurs-demo.fr' }],
  });
  if (notified.status !== 200) throw new Error(`notify: ${notified.status} ${JSON.stringify(notified.body)}`);
  const submitted = await call(ctx, s.provider, 'POST', `/api/contract-projects/${p.id}/submit`, {
    version: notified.body.version,
    reference: opts.providerReference,
    contacts: [{ email: 'sophie.durand@ascenseurs-demo.fr' }],
  });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}
