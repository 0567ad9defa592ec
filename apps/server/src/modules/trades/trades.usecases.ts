import type { Trade } from '@raccord/schemas';
import type { Db } from '../../db/client';
import { type Actor, requireOperator, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import * as repo from './trades.repository';

export const tradeErrors = {
  notFound: () => new AppError('trade.not_found', 404, 'Métier introuvable.'),
  codeTaken: (code: string) =>
    new AppError('trade.code_taken', 409, `Le code ${code} est déjà utilisé.`, { field: 'code' }),
  labelTaken: (label: string) =>
    new AppError('trade.label_taken', 409, `Le métier « ${label} » existe déjà.`, { field: 'label' }),
};

type TradeRow = Awaited<ReturnType<typeof repo.listTrades>>[number];
const toTrade = (r: TradeRow): Trade => ({
  id: r.id,
  code: r.code,
  label: r.label,
  isActive: r.isActive,
  createdAt: r.createdAt.toISOString(),
});

function uniqueError(err: unknown, input: { code?: string; label?: string }) {
  if (isUniqueViolation(err, 'trades_code_uq')) return tradeErrors.codeTaken(input.code ?? '');
  if (isUniqueViolation(err, 'trades_label_uq')) return tradeErrors.labelTaken(input.label ?? '');
  return err;
}

/** Active métiers for everyone; inactive ones too for operators who ask. */
export async function listTradesFor(deps: { db: Db }, actor: Actor | null, includeInactive = false) {
  const user = requireUser(actor);
  const rows = await repo.listTrades(deps.db, includeInactive && user.isOperator);
  // French collation in JS: the embedded engine only has the C collation ("Électricité" after "VMC").
  rows.sort((a, b) => a.label.localeCompare(b.label, 'fr', { sensitivity: 'base' }));
  return { items: rows.map(toTrade) };
}

export async function createTrade(
  deps: { db: Db; clock: Clock },
  actor: Actor | null,
  input: { code: string; label: string },
) {
  const operator = requireOperator(actor);
  const now = deps.clock.now();
  const id = newId('trd');
  try {
    await deps.db.transaction(async (tx) => {
      await repo.insertTrade(tx, { id, code: input.code, label: input.label, createdAt: now, updatedAt: now });
      await recordAudit(tx, deps.clock, operator, {
        action: 'trade.created',
        organizationId: null,
        targetType: 'trade',
        targetId: id,
        details: input,
      });
    });
  } catch (err) {
    throw uniqueError(err, input);
  }
  const row = await repo.findTrade(deps.db, id);
  if (!row) throw tradeErrors.notFound();
  return toTrade(row);
}

/** Renames or (de)activates a métier. Métiers are never deleted: contracts keep referring to them. */
export async function updateTrade(
  deps: { db: Db; clock: Clock },
  actor: Actor | null,
  id: string,
  input: { label?: string; isActive?: boolean },
) {
  const operator = requireOperator(actor);
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await repo.updateTradeRow(tx, id, { ...input, updatedAt: deps.clock.now() });
      if (!row) throw tradeErrors.notFound();
      await recordAudit(tx, deps.clock, operator, {
        action: 'trade.updated',
        organizationId: null,
        targetType: 'trade',
        targetId: id,
        details: input,
      });
      return toTrade(row);
    });
  } catch (err) {
    throw uniqueError(err, input);
  }
}
