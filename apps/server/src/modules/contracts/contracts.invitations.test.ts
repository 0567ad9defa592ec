import { createHash } from 'node:crypto';
import type { ContractProjectDetail } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, latestInvitationToken, orgId, ownerSteps } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let third: Session;
let ascenseurs: string;
let gestion: string;
let theo: string;

const DAY = 86_400_000;

/** Sessions last hours; tests that move the clock by days sign in again. */
async function signIn() {
  [owner, provider, third] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@gestion-demo.fr'),
  ]);
}

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0', INVITATION_TTL_DAYS: '14' } });
  await signIn();
  ascenseurs = await orgId(ctx, 'Ascenseurs Demo');
  gestion = await orgId(ctx, 'Gestion Demo');
  theo = await orgId(ctx, 'Théo Maintenance');
});
afterAll(() => ctx.close());

let seq = 0;
async function notified(opts: { provider?: string; third?: string; providerEmail?: string } = {}) {
  seq++;
  const p = await ownerSteps(ctx, owner, {
    label: `Projet ${seq} —`,
    reference: `HAB-INV-${seq}`,
    provider: opts.provider ?? ascenseurs,
    third: opts.third,
  });
  const invitees = [
    { role: 'provider', email: opts.providerEmail ?? 'admin@ascenseurs-demo.fr' },
    ...(opts.third ? [{ role: 'thirdParty', email: 'admin@gestion-demo.fr' }] : []),
  ];
  const res = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/notify`, {
    version: p.version,
    invitees,
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function invitationRows(projectId: string) {
  const r = await ctx.database.pool.query(
    'SELECT * FROM contract_invitations WHERE project_id = $1 ORDER BY sent_at, id',
    [projectId],
  );
  return r.rows;
}

describe('notifying the other parties', () => {
  it('refuses to notify before the métier, the provider and the owner reference are set', async () => {
    const created = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'Incomplet' });
    const res = await call(ctx, owner, 'POST', `/api/contract-projects/${created.body.id}/notify`, {
      version: created.body.version,
      invitees: [{ role: 'provider', email: 'a@b.fr' }],
    });
    expect(res.error).toMatchObject({ code: 'contract.incomplete', details: { field: 'tradeId' } });
  });

  it('e-mails each invitee a personal link whose token is only stored hashed and never returned', async () => {
    const p = await notified({ third: gestion });
    expect(p.state).toBe('awaiting_parties');
    expect(p.progress.awaiting).toEqual(['provider', 'thirdParty']);
    const token = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await invitationRows(p.id);
    expect(rows).toHaveLength(2);
    const hashes = rows.map((r) => r.token_hash);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const detail = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).not.toContain(token);
    expect(detail.body.parties.find((x) => x.role === 'provider')?.invitation).toMatchObject({
      status: 'sent',
      email: 'admin@ascenseurs-demo.fr',
    });
    await ctx.runner.drain();
    const mail = ctx.mail.sent.find((m) => m.to === 'admin@ascenseurs-demo.fr' && m.text.includes(token));
    expect(mail?.subject).toContain('Habitat Demo vous invite');
    expect(mail?.html).toContain(`/invitation/${token}`);
  });

  it('shows the project read-only from the link without a session, changing nothing but "opened"', async () => {
    const p = await notified();
    const token = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    const landing = await call<{
      invitation: { role: string; accountExists: boolean; organization: { name: string } };
      project: ContractProjectDetail;
    }>(ctx, null, 'GET', `/api/invitations/${token}`);
    expect(landing.status).toBe(200);
    expect(landing.body.invitation).toMatchObject({
      role: 'provider',
      accountExists: true,
      organization: { name: 'Ascenseurs Demo' },
    });
    expect(landing.body.project).toMatchObject({ id: p.id, state: 'awaiting_parties', version: p.version });
    const after = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(after.body.version).toBe(p.version);
    expect(after.body.parties.find((x) => x.role === 'provider')?.invitation?.status).toBe('opened');
    const anonymousWrite = await call(ctx, null, 'POST', `/api/contract-projects/${p.id}/submit`, {
      version: p.version,
      reference: 'ASC-ANON',
    });
    expect(anonymousWrite.status).toBe(401);
  });

  it('lets the invitee sign in, complete its block and submit; the owner is told; the link is then used', async () => {
    const p = await notified({ third: gestion });
    const token = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    const sub = await call(ctx, provider, 'POST', `/api/contract-projects/${p.id}/submit`, {
      version: p.version,
      reference: 'ASC-2026-001',
      contacts: [{ name: 'Sophie Durand', email: 'sophie@ascenseurs-demo.fr', phone: '+33 4 72 00 00 00' }],
    });
    expect(sub.status).toBe(200);
    expect(sub.body.state).toBe('awaiting_parties');
    expect(sub.body.progress.awaiting).toEqual(['thirdParty']);
    const owned = await ctx.database.pool.query(
      `SELECT subject FROM mail_outbox WHERE kind = 'contract.party_submitted' AND to_address = 'admin@habitat-demo.fr'`,
    );
    expect(owned.rows.some((r) => String(r.subject).includes('Ascenseurs Demo'))).toBe(true);
    const reused = await call(ctx, null, 'GET', `/api/invitations/${token}`);
    expect(reused.status).toBe(410);
    expect(reused.error?.code).toBe('invitation.used');

    const thirdSub = await call(ctx, third, 'POST', `/api/contract-projects/${p.id}/submit`, {
      version: sub.body.version,
      reference: 'GEST-77',
    });
    expect(thirdSub.body.state).toBe('ready_to_validate');
    expect(thirdSub.body.progress.stepsDone).toHaveLength(6);
    const asOwner = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(asOwner.body.permissions.canValidate).toBe(true);
    expect(asOwner.body.audit.map((a) => a.action)).toContain('contract.party_submitted');
  });

  it('lets an invitee without an account create one in the invited organisation, for the invited e-mail only', async () => {
    const p = await notified({ provider: theo, providerEmail: 'contact@theo-maintenance.fr' });
    const token = await latestInvitationToken(ctx, 'contact@theo-maintenance.fr', p.label);
    const landing = await call<{ invitation: { accountExists: boolean } }>(
      ctx,
      null,
      'GET',
      `/api/invitations/${token}`,
    );
    expect(landing.body.invitation.accountExists).toBe(false);
    const weak = await call(ctx, null, 'POST', `/api/invitations/${token}/account`, {
      name: 'Théo',
      password: 'court',
    });
    expect(weak.error?.details.field).toBe('password');
    const smuggled = await call(ctx, null, 'POST', `/api/invitations/${token}/account`, {
      name: 'Théo',
      password: 'un-mot-de-passe-long',
      email: 'other@evil.fr',
    });
    expect(smuggled.error?.details.field).toBe('email');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/account`,
      payload: { name: 'Théo Bernard', password: 'un-mot-de-passe-long' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { user: { email: string; organizationId: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ email: 'contact@theo-maintenance.fr', organizationId: theo, role: 'admin' });
    const cookie = res.cookies.find((c) => c.name === 'raccord_session');
    const session: Session = {
      cookie: `raccord_session=${cookie?.value}`,
      csrf: body.csrfToken,
      userId: '',
      organizationId: theo,
      headers: { cookie: `raccord_session=${cookie?.value}`, 'x-csrf-token': body.csrfToken },
    };
    const again = await call(ctx, null, 'POST', `/api/invitations/${token}/account`, {
      name: 'Bis',
      password: 'un-mot-de-passe-long',
    });
    expect(again.error?.code).toBe('invitation.account_exists');
    const sub = await call(ctx, session, 'POST', `/api/contract-projects/${p.id}/submit`, {
      version: p.version,
      reference: 'THEO-1',
    });
    expect(sub.status).toBe(200);
  });
});

describe('expiry, rotation, revocation, reminders', () => {
  it('expires the link after the configured days, shows it expired, and a resend gives a new working link', async () => {
    const p = await notified();
    const old = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    ctx.clock.advance(14 * DAY + 1000);
    await signIn();
    const expired = await call(ctx, null, 'GET', `/api/invitations/${old}`);
    expect(expired.status).toBe(410);
    expect(expired.error?.code).toBe('invitation.expired');
    const list = await call<{ items: ContractProjectDetail[] }>(ctx, owner, 'GET', '/api/contract-projects');
    const item = list.body.items.find((i) => i.id === p.id);
    expect(item?.parties.find((x) => x.role === 'provider')?.invitation?.status).toBe('expired');

    const resent = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/remind`, { role: 'provider' });
    expect(resent.status).toBe(200);
    expect(resent.body.version).toBe(p.version);
    const fresh = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    expect(fresh).not.toBe(old);
    expect((await call(ctx, null, 'GET', `/api/invitations/${fresh}`)).status).toBe(200);
    const stillOld = await call(ctx, null, 'GET', `/api/invitations/${old}`);
    expect(stillOld.error).toMatchObject({ code: 'invitation.revoked', details: { reason: 'replaced' } });
  });

  it('rotates the token on Relancer: the previous link stops working', async () => {
    const p = await notified();
    const first = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    ctx.clock.advance(1000);
    await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/remind`, { role: 'provider' });
    const second = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    expect(second).not.toBe(first);
    expect((await call(ctx, null, 'GET', `/api/invitations/${first}`)).error?.code).toBe('invitation.revoked');
    expect((await call(ctx, null, 'GET', `/api/invitations/${second}`)).status).toBe(200);
    const byProvider = await call(ctx, provider, 'POST', `/api/contract-projects/${p.id}/remind`, { role: 'provider' });
    expect(byProvider.status).toBe(403);
  });

  it('revokes the link when the invitee changes', async () => {
    const p = await notified();
    const token = await latestInvitationToken(ctx, 'admin@ascenseurs-demo.fr', p.label);
    const multi = await orgId(ctx, 'Multiservices Demo');
    const changed = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      providerId: multi,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.parties.find((x) => x.role === 'provider')).toMatchObject({
      organization: { id: multi },
      invitation: null,
    });
    const res = await call(ctx, null, 'GET', `/api/invitations/${token}`);
    expect(res.error).toMatchObject({ code: 'invitation.revoked', details: { reason: 'invitee_changed' } });
    const lost = await call(ctx, provider, 'GET', `/api/contract-projects/${p.id}`);
    expect(lost.error?.code).toBe('contract.not_party');
  });

  it('reminds automatically after 3 days without action, at most 3 times', async () => {
    const p = await notified();
    await ctx.runner.drain();
    const count = async () =>
      (
        await ctx.database.pool.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE target_id = $1 AND action = 'contract.party_reminded'`,
          [p.id],
        )
      ).rows[0].n as number;
    ctx.clock.advance(2 * DAY);
    await ctx.runner.drain();
    expect(await count()).toBe(0);
    for (let i = 1; i <= 5; i++) {
      ctx.clock.advance(3 * DAY + 60_000);
      await ctx.runner.drain();
      expect(await count()).toBe(Math.min(i, 3));
    }
    await signIn();
    const rows = await invitationRows(p.id);
    expect(rows.map((r) => r.reminders_sent)).toEqual([0, 1, 2, 3]);
    expect(rows.filter((r) => r.revoked_at === null)).toHaveLength(1);
    const reminders = ctx.mail.sent.filter((m) => m.subject.startsWith('Relance') && m.text.includes('Habitat Demo'));
    expect(reminders.length).toBeGreaterThanOrEqual(3);
  });
});
