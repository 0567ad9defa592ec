import { type ContractState, contractStates } from '@raccord/schemas';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, orgId, perimeter, tradeId } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { allowedTransitions, canTransition, isComplete, type ProjectFacts, stateAfterEdit } from './contracts.models';

const factsArb: fc.Arbitrary<ProjectFacts> = fc.record({
  state: fc.constantFrom(...contractStates),
  label: fc.constantFrom('', 'Contrat'),
  tradeId: fc.option(fc.constant('trd_x'), { nil: null }),
  perimeterIncludes: fc.nat(3),
  sharedTypes: fc.nat(3),
  parties: fc
    .constantFrom(
      [{ role: 'owner' as const }],
      [{ role: 'owner' as const }, { role: 'provider' as const }],
      [{ role: 'owner' as const }, { role: 'provider' as const }, { role: 'thirdParty' as const }],
    )
    .chain((roles) =>
      fc.tuple(
        ...roles.map((r) =>
          fc.record({
            role: fc.constant(r.role),
            reference: fc.option(fc.constant('REF'), { nil: null }),
            submittedAt: fc.option(fc.constant(new Date(0)), { nil: null }),
          }),
        ),
      ),
    ),
});

describe('the state machine (pure rules)', () => {
  it('after an edit, only ever takes an allowed transition', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const next = stateAfterEdit(f);
        expect(canTransition(f.state, next)).toBe(true);
        if (f.state !== 'draft' && ['awaiting_parties', 'ready_to_validate'].includes(f.state)) {
          expect(next === 'ready_to_validate').toBe(isComplete(f));
        }
      }),
    );
  });

  it('has terminal states cancelled and terminated, and reaches active only through validating (or back from a suspension)', () => {
    expect(allowedTransitions.active).toEqual(['suspended', 'terminated']);
    expect(allowedTransitions.cancelled).toEqual([]);
    expect(allowedTransitions.terminated).toEqual([]);
    const afterActive = ['active', 'cancelled', 'suspended', 'terminated'];
    for (const s of contractStates) {
      expect(allowedTransitions[s].includes('active')).toBe(s === 'validating' || s === 'suspended');
      expect(allowedTransitions[s].includes('cancelled')).toBe(!afterActive.includes(s));
    }
  });
});

// ---- the same machine through the API, on a real database -----------------------------------

let ctx: TestContext;
let owner: Session;
let member: Session;
let provider: Session;
let ascenseurs: string;
let lift: string;
let counter = 0;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, member, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
  ascenseurs = await orgId(ctx, 'Ascenseurs Demo');
  lift = await tradeId(ctx, 'ASCENSEURS');
});
afterAll(() => ctx.close());

const commandNames = [
  'ownerFill',
  'ownerClearTypes',
  'notify',
  'providerSubmit',
  'providerEdit',
  'validate',
  'validateAsMember',
  'runJobs',
  'cancel',
] as const;
type Command = (typeof commandNames)[number];
const happyPath: Command[] = ['ownerFill', 'notify', 'providerSubmit', 'validate', 'runJobs'];
const reached = new Set<string>();

async function state(id: string): Promise<{ state: ContractState; version: number }> {
  const r = await ctx.database.pool.query('SELECT state, version FROM contract_projects WHERE id = $1', [id]);
  return r.rows[0];
}

async function run(id: string, cmd: Command, version: number) {
  const url = `/api/contract-projects/${id}`;
  counter++;
  switch (cmd) {
    case 'ownerFill':
      return call(ctx, owner, 'PATCH', url, {
        version,
        tradeId: lift,
        providerId: ascenseurs,
        perimeter,
        sharedTypes: ['equipment.lift'],
        parties: { owner: { reference: `SM-O-${counter}` } },
      });
    case 'ownerClearTypes':
      return call(ctx, owner, 'PATCH', url, { version, sharedTypes: [] });
    case 'notify':
      return call(ctx, owner, 'POST', `${url}/notify`, {
        version,
        invitees: [{ role: 'provider', email: 'admin@ascenseurs-demo.fr' }],
      });
    case 'providerSubmit':
      return call(ctx, provider, 'POST', `${url}/submit`, { version, reference: `SM-P-${counter}` });
    case 'providerEdit':
      return call(ctx, provider, 'PATCH', url, { version, parties: { provider: { contacts: [{ name: 'X' }] } } });
    case 'validate':
      return call(ctx, owner, 'POST', `${url}/validate`, { version });
    case 'validateAsMember':
      return call(ctx, member, 'POST', `${url}/validate`, { version });
    case 'runJobs':
      await ctx.runner.drain();
      return null;
    case 'cancel':
      return call(ctx, owner, 'POST', `${url}/cancel`, { reason: 'Test' });
  }
}

describe('the state machine (through the API)', () => {
  it('never takes a transition the machine does not allow; a refused command changes nothing', async () => {
    await fc.assert(
      // A random prefix of the happy path, so that later states are reached too, then anything.
      fc.asyncProperty(
        fc.nat(happyPath.length),
        fc.array(fc.constantFrom(...commandNames), { minLength: 1, maxLength: 8 }),
        async (n, rest) => {
          const cmds = [...happyPath.slice(0, n), ...rest];
          const created = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'Machine à états' });
          const id = created.body.id;
          for (const cmd of cmds) {
            const before = await state(id);
            const res = await run(id, cmd, before.version);
            const after = await state(id);
            expect(canTransition(before.state, after.state)).toBe(true);
            if (res && res.status >= 400) expect(after).toEqual(before);
            if (cmd === 'validateAsMember') expect(res?.error?.code).toBe('auth.forbidden');
            if (res && res.status < 400 && cmd !== 'runJobs') expect(after.version).toBe(before.version + 1);
          }
          const events = await ctx.database.pool.query(
            'SELECT state FROM contract_state_events WHERE project_id = $1 ORDER BY id',
            [id],
          );
          const path = events.rows.map((r) => r.state as ContractState);
          expect(path[0]).toBe('draft');
          for (let i = 1; i < path.length; i++) {
            const from = path[i - 1] as ContractState;
            expect(allowedTransitions[from]).toContain(path[i]);
          }
          const final = await ctx.database.pool.query(
            'SELECT state, frozen_terms IS NOT NULL AS frozen FROM contract_projects WHERE id = $1',
            [id],
          );
          expect(final.rows[0].frozen).toBe(final.rows[0].state === 'active');
          reached.add(final.rows[0].state);
        },
      ),
      { numRuns: 30 },
    );
    expect(reached.size).toBeGreaterThanOrEqual(3);
    // 30 random command sequences through the API, each activation with its sync job: give it room
    // on a loaded CI machine rather than fewer runs.
  }, 120_000);
});
