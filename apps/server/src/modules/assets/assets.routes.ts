import {
  assetDetailSchema,
  assetListQuery,
  assetPageSchema,
  assetSchema,
  createAssetBody,
  totalsSchema,
  treeChildrenQuery,
  treeChildrenSchema,
  treeSearchQuery,
  treeSearchSchema,
  updateAssetBody,
} from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import { assetTotals, getAsset, listAssets } from './assets.read';
import { treeChildren, treeSearch } from './assets.tree';
import { createAsset, deleteAsset, updateAsset } from './assets.usecases';

const idParams = z.strictObject({ id: z.string().max(60) });

export function assetRoutes(app: App, deps: AppDeps) {
  app.get(
    '/assets',
    {
      schema: {
        tags: ['assets'],
        summary: 'Patrimoine : recherche par référence, libellé ou adresse (sans accents ni casse)',
        querystring: assetListQuery,
        response: { 200: assetPageSchema },
      },
    },
    async (req) => listAssets(deps, req.actor, req.query),
  );
  app.get(
    '/assets/totals',
    { schema: { tags: ['assets'], summary: 'Totaux par type', response: { 200: totalsSchema } } },
    async (req) => assetTotals(deps, req.actor),
  );
  app.get(
    '/assets/tree',
    {
      schema: {
        tags: ['assets'],
        summary: 'Enfants d’un nœud (géographie puis éléments) avec leurs comptes par type',
        querystring: treeChildrenQuery,
        response: { 200: treeChildrenSchema },
      },
    },
    async (req) => treeChildren(deps, req.actor, req.query),
  );
  app.get(
    '/assets/tree/search',
    {
      schema: {
        tags: ['assets'],
        summary: 'Recherche dans l’arbre (communes, départements, régions, éléments)',
        querystring: treeSearchQuery,
        response: { 200: treeSearchSchema },
      },
    },
    async (req) => treeSearch(deps, req.actor, req.query),
  );
  app.get(
    '/assets/:id',
    { schema: { tags: ['assets'], params: idParams, response: { 200: assetDetailSchema } } },
    async (req) => getAsset(deps, req.actor, req.params.id),
  );
  app.post(
    '/assets',
    { schema: { tags: ['assets'], body: createAssetBody, response: { 201: assetSchema } } },
    async (req, reply) => reply.status(201).send(await createAsset(deps, req.actor, req.body)),
  );
  app.patch(
    '/assets/:id',
    {
      schema: {
        tags: ['assets'],
        summary: 'Modifier, déplacer (parentId) ou changer le type d’un élément',
        params: idParams,
        body: updateAssetBody,
        response: { 200: assetSchema },
      },
    },
    async (req) => updateAsset(deps, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/assets/:id',
    {
      schema: {
        tags: ['assets'],
        summary: 'Supprimer un élément et tout ce qu’il porte',
        params: idParams,
        response: { 200: z.object({ deleted: z.number().int() }) },
      },
    },
    async (req) => deleteAsset(deps, req.actor, req.params.id),
  );
}
