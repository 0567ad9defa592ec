import type { CreateServiceCodeBody, ServiceCode, UpdateServiceCodeBody } from '@raccord/schemas';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, type ApiKeyActor, requireOrganizationActor, type UserActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { commonErrors } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { findTrade } from '../trades/trades.repository';
import { tradeErrors } from '../trades/trades.usecases';
import { serviceCodeErrors } from './service-codes.errors';
import { catalogueToCsv, codeKey, parseCatalogueCsv } from './service-codes.models';
import * as repo from './service-codes.repository';
import { serviceCodes } from './service-codes.tables';

export interface CatalogueDeps {
  db: Db;
  clock: Clock;
}

export const toServiceCode = (r: repo.ServiceCodeRow): ServiceCode => ({
  id: r.id,
  organizationId: r.organizationId,
  tradeId: r.tradeId,
  code: r.code,
  label: r.label,
  workType: r.workType,
  description: r.description,
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Who writes a catalogue: the organisation's administrators, and its API keys (an integration
 * does what the console does). Members only read. The catalogue is always the caller's own.
 */
function requireCatalogueWriter(actor: Actor | null): UserActor | ApiKeyActor {
  const who = requireOrganizationActor(actor);
  if (who.kind === 'user' && who.role !== 'admin') {
    throw commonErrors.forbidden('Réservé aux administrateurs de l’organisation.');
  }
  return who;
}

async function requireTrade(db: DbOrTx, tradeId: string) {
  const trade = await findTrade(db, tradeId);
  if (!trade) throw tradeErrors.notFound();
  return trade;
}

/** Members read their organisation's catalogue; operators may read any organisation's. */
export async function listServiceCodes(
  deps: CatalogueDeps,
  actor: Actor | null,
  q: { tradeId: string; organizationId?: string | undefined },
) {
  const who = requireOrganizationActor(actor);
  const operator = who.kind === 'user' && who.isOperator;
  const organizationId = operator && q.organizationId ? q.organizationId : who.organizationId;
  const rows = await repo.listCatalogue(deps.db, organizationId, q.tradeId);
  return { items: rows.map(toServiceCode) };
}

export async function createServiceCode(deps: CatalogueDeps, actor: Actor | null, input: CreateServiceCodeBody) {
  const who = requireCatalogueWriter(actor);
  await requireTrade(deps.db, input.tradeId);
  const now = deps.clock.now();
  const row = {
    id: newId('svc'),
    organizationId: who.organizationId,
    tradeId: input.tradeId,
    code: input.code,
    label: input.label,
    workType: input.workType ?? null,
    description: input.description || null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(serviceCodes).values(row);
      await recordAudit(tx, deps.clock, who, {
        action: 'service_code.created',
        organizationId: who.organizationId,
        targetType: 'service_code',
        targetId: row.id,
        details: { tradeId: input.tradeId, code: input.code },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'service_codes_code_uq')) throw serviceCodeErrors.codeTaken(input.code);
    throw err;
  }
  return toServiceCode(row);
}

/** Loads a code for writing: the caller's own catalogue only; a renamed code in use is refused. */
async function ownCode(tx: DbOrTx, who: UserActor | ApiKeyActor, id: string) {
  const row = await repo.findCode(tx, id);
  if (!row) throw serviceCodeErrors.notFound();
  if (row.organizationId !== who.organizationId) throw serviceCodeErrors.notOwnCatalogue();
  return row;
}

export async function updateServiceCode(
  deps: CatalogueDeps,
  actor: Actor | null,
  id: string,
  input: UpdateServiceCodeBody,
) {
  const who = requireCatalogueWriter(actor);
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await ownCode(tx, who, id);
      if (input.code !== undefined && codeKey(input.code) !== codeKey(row.code)) {
        const used = await repo.contractsUsingCode(tx, row);
        if (used.length > 0) throw serviceCodeErrors.inUse(row.code, used);
      }
      const patch = {
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.workType !== undefined ? { workType: input.workType } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        updatedAt: deps.clock.now(),
      };
      const [updated] = await tx.update(serviceCodes).set(patch).where(eq(serviceCodes.id, row.id)).returning();
      if (!updated) throw serviceCodeErrors.notFound();
      await recordAudit(tx, deps.clock, who, {
        action: 'service_code.updated',
        organizationId: who.organizationId,
        targetType: 'service_code',
        targetId: row.id,
        details: { code: row.code, ...input },
      });
      return toServiceCode(updated);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'service_codes_code_uq')) throw serviceCodeErrors.codeTaken(input.code ?? '');
    throw err;
  }
}

export async function deleteServiceCode(deps: CatalogueDeps, actor: Actor | null, id: string) {
  const who = requireCatalogueWriter(actor);
  await deps.db.transaction(async (tx) => {
    const row = await ownCode(tx, who, id);
    const used = await repo.contractsUsingCode(tx, row);
    if (used.length > 0) throw serviceCodeErrors.inUse(row.code, used);
    await tx.delete(serviceCodes).where(eq(serviceCodes.id, row.id));
    await recordAudit(tx, deps.clock, who, {
      action: 'service_code.deleted',
      organizationId: who.organizationId,
      targetType: 'service_code',
      targetId: row.id,
      details: { code: row.code, tradeId: row.tradeId },
    });
  });
  return { deleted: 1 };
}

/**
 * Imports a catalogue CSV, all or nothing: any line in error and nothing is written, every error
 * listed with its line. Codes already there are updated (label, work type, description), new ones
 * created, codes absent from the file kept (and columns absent from it leave their values): re-importing a corrected export is the usual case,
 * and a partial import would leave a catalogue nobody chose.
 */
export async function importServiceCodes(
  deps: CatalogueDeps,
  actor: Actor | null,
  input: { tradeId: string; csv: string },
) {
  const who = requireCatalogueWriter(actor);
  await requireTrade(deps.db, input.tradeId);
  const { lines, errors, columns } = parseCatalogueCsv(input.csv);
  if (errors.length > 0) throw serviceCodeErrors.importInvalid(errors.slice(0, 200));
  if (lines.length === 0) throw serviceCodeErrors.importInvalid([{ line: 2, field: 'code', reason: 'missing' }]);
  return deps.db.transaction(async (tx) => {
    const existing = new Map(
      (await repo.listCatalogue(tx, who.organizationId, input.tradeId)).map((r) => [codeKey(r.code), r]),
    );
    const now = deps.clock.now();
    let created = 0;
    let updated = 0;
    for (const l of lines) {
      const found = existing.get(codeKey(l.code));
      const values = { label: l.label, workType: l.workType, description: l.description, updatedAt: now };
      if (found) {
        // A column the file does not have leaves the existing values alone.
        const patch = {
          label: l.label,
          updatedAt: now,
          ...(columns.workType ? { workType: l.workType } : {}),
          ...(columns.description ? { description: l.description } : {}),
        };
        await tx.update(serviceCodes).set(patch).where(eq(serviceCodes.id, found.id));
        updated++;
      } else {
        await tx.insert(serviceCodes).values({
          id: newId('svc'),
          organizationId: who.organizationId,
          tradeId: input.tradeId,
          code: l.code,
          createdAt: now,
          ...values,
        });
        created++;
      }
    }
    await recordAudit(tx, deps.clock, who, {
      action: 'service_code.imported',
      organizationId: who.organizationId,
      targetType: 'trade',
      targetId: input.tradeId,
      details: { created, updated },
    });
    return { created, updated };
  });
}

export async function exportServiceCodes(deps: CatalogueDeps, actor: Actor | null, tradeId: string) {
  const { items } = await listServiceCodes(deps, actor, { tradeId });
  return catalogueToCsv(items);
}
