import { AppError } from '../../shared/errors';

export const assetErrors = {
  notFound: (field?: string) =>
    new AppError('asset.not_found', 404, 'Élément de patrimoine introuvable.', field ? { field } : {}),
  notOwner: () =>
    new AppError('asset.not_owner', 403, 'Seuls les propriétaires gèrent un patrimoine.', { field: 'organizationId' }),
  referenceTaken: (reference: string, holder: { id: string; label: string }) =>
    new AppError('asset.reference_taken', 409, `La référence ${reference} est déjà celle de « ${holder.label} ».`, {
      field: 'reference',
      reference,
      heldBy: holder.id,
    }),
  forbiddenParent: (kind: string, parentKind: string | null, field = 'parentId') =>
    new AppError(
      'asset.forbidden_parent',
      400,
      parentKind
        ? `Un élément de type « ${kind} » ne peut pas être placé sous un élément de type « ${parentKind} ».`
        : `Un élément de type « ${kind} » ne peut pas être à la racine : choisissez un parent.`,
      { field, kind, parentKind },
    ),
  childForbidden: (kind: string, childKind: string) =>
    new AppError(
      'asset.forbidden_parent',
      400,
      `Impossible de passer au type « ${kind} » : il porte des éléments de type « ${childKind} ».`,
      { field: 'kind', kind, childKind },
    ),
  invalidKind: (field: string, message: string) => new AppError('asset.invalid_kind', 400, message, { field }),
  communeRequired: () =>
    new AppError('asset.commune_required', 400, 'Un élément à la racine doit indiquer sa commune (code INSEE).', {
      field: 'communeCode',
    }),
  unknownCommune: (code: string) =>
    new AppError('asset.unknown_commune', 400, `Le code commune INSEE ${code} est inconnu.`, {
      field: 'communeCode',
      value: code,
    }),
  cycle: () =>
    new AppError('asset.cycle', 400, 'Un élément ne peut pas être placé sous lui-même ou sous un de ses descendants.', {
      field: 'parentId',
    }),
  frozen: (items: Array<{ assetId: string; reference: string; holderLabel: string }>) =>
    new AppError(
      'asset.frozen',
      409,
      `Suppression impossible : ${items
        .slice(0, 3)
        .map((i) => `${i.reference} est nommé par « ${i.holderLabel} »`)
        .join(', ')}${items.length > 3 ? '…' : ''}. Résiliez ou modifiez d’abord le contrat.`,
      { field: 'id', frozen: items.slice(0, 20) },
    ),
  invalidServedSite: (id: string) =>
    new AppError('asset.invalid_served_site', 400, `Le site desservi ${id} est introuvable ou n’est pas un site.`, {
      field: 'servedSiteIds',
      value: id,
    }),
  servedSitesOnlyForEquipment: () =>
    new AppError('asset.invalid_served_site', 400, 'Seuls les équipements desservent d’autres sites.', {
      field: 'servedSiteIds',
    }),
  importInProgress: () =>
    new AppError(
      'asset.import_in_progress',
      409,
      'Un import de patrimoine est en cours : réessayez quand il sera terminé.',
      {},
    ),
};
