import {
  alignmentSchema,
  contractIdParams,
  createServiceCodeBody,
  dismissSuggestionBody,
  importServiceCodesBody,
  importServiceCodesResult,
  pairParams,
  proposePairBody,
  rejectPairBody,
  sendBackBody,
  serviceCodeList,
  serviceCodeListQuery,
  serviceCodeSchema,
  submissionList,
  submissionQuery,
  suggestionList,
  updateServiceCodeBody,
  versionBody,
  versionList,
} from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import {
  createServiceCode,
  deleteServiceCode,
  exportServiceCodes,
  importServiceCodes,
  listServiceCodes,
  updateServiceCode,
} from './service-codes.catalogue';
import { integrateTable, listSubmissions, sendBackTable, submitTable } from './service-codes.submission';
import { dismissSuggestion, listSuggestions, listTableVersions } from './service-codes.suggestions';
import { acceptPair, counterPair, getAlignment, proposePair, rejectPair, removePair } from './service-codes.table';

const tags = ['service-codes'];
const idParams = z.strictObject({ id: z.string().min(1).max(60) });

export function serviceCodeRoutes(app: App, deps: AppDeps) {
  // ——— Catalogues: the caller's organisation, one métier at a time ———
  app.get(
    '/service-codes',
    {
      schema: {
        tags,
        summary: 'Catalogue de codes de prestation de votre organisation pour un métier (session ou clé API)',
        querystring: serviceCodeListQuery,
        response: { 200: serviceCodeList },
      },
    },
    async (req) => listServiceCodes(deps, req.actor, req.query),
  );
  app.post(
    '/service-codes',
    {
      schema: {
        tags,
        summary: 'Ajouter un code (administrateurs ou clé API ; code unique par métier, sans tenir compte de la casse)',
        body: createServiceCodeBody,
        response: { 201: serviceCodeSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createServiceCode(deps, req.actor, req.body)),
  );
  app.patch(
    '/service-codes/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un code',
        params: idParams,
        body: updateServiceCodeBody,
        response: { 200: serviceCodeSchema },
      },
    },
    async (req) => updateServiceCode(deps, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/service-codes/:id',
    {
      schema: {
        tags,
        summary: 'Supprimer un code (refusé tant qu’une table d’alignement le nomme)',
        params: idParams,
        response: { 200: z.object({ deleted: z.number().int() }) },
      },
    },
    async (req) => deleteServiceCode(deps, req.actor, req.params.id),
  );
  app.post(
    '/service-codes/import',
    {
      schema: {
        tags,
        summary:
          'Importer un catalogue CSV (UTF-8, en-tête code;libellé;type de travaux;description, « ; » ou « , ») : tout ou rien, les codes existants mis à jour',
        body: importServiceCodesBody,
        response: { 200: importServiceCodesResult },
      },
    },
    async (req) => importServiceCodes(deps, req.actor, req.body),
  );
  app.get(
    '/service-codes/export.csv',
    {
      schema: {
        tags,
        summary: 'Exporter le catalogue d’un métier en CSV (réimportable tel quel)',
        querystring: serviceCodeListQuery.pick({ tradeId: true }),
      },
    },
    async (req, reply) => {
      const csv = await exportServiceCodes(deps, req.actor, req.query.tradeId);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="codes-prestation.csv"');
      return reply.send(csv);
    },
  );

  // ——— The alignment table of a contract ———
  const base = '/contracts/:id/service-codes';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Table d’alignement des codes du contrat (parties et service client)',
        params: contractIdParams,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => getAlignment(deps, req.actor, req.params.id),
  );
  app.post(
    `${base}/pairs`,
    {
      schema: {
        tags,
        summary: 'Proposer une correspondance (propriétaire ou prestataire ; expectedVersion obligatoire)',
        params: contractIdParams,
        body: proposePairBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => proposePair(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/pairs/:pairId/accept`,
    {
      schema: {
        tags,
        summary: 'Accepter la proposition de l’autre partie',
        params: pairParams,
        body: versionBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => acceptPair(deps, req.actor, req.params.id, req.params.pairId, req.body.expectedVersion),
  );
  app.post(
    `${base}/pairs/:pairId/reject`,
    {
      schema: {
        tags,
        summary: 'Refuser avec un commentaire',
        params: pairParams,
        body: rejectPairBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => rejectPair(deps, req.actor, req.params.id, req.params.pairId, req.body),
  );
  app.post(
    `${base}/pairs/:pairId/counter`,
    {
      schema: {
        tags,
        summary: 'Contre-proposer : remplacer la correspondance par une autre',
        params: pairParams,
        body: proposePairBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => counterPair(deps, req.actor, req.params.id, req.params.pairId, req.body),
  );
  app.post(
    `${base}/pairs/:pairId/remove`,
    {
      schema: {
        tags,
        summary: 'Retirer une correspondance',
        params: pairParams,
        body: versionBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => removePair(deps, req.actor, req.params.id, req.params.pairId, req.body.expectedVersion),
  );
  app.get(
    `${base}/suggestions`,
    {
      schema: {
        tags,
        summary: 'Suggestions (libellés proches, correspondances déjà convenues entre les mêmes parties)',
        params: contractIdParams,
        response: { 200: suggestionList },
      },
    },
    async (req) => listSuggestions(deps, req.actor, req.params.id),
  );
  app.post(
    `${base}/suggestions/dismiss`,
    {
      schema: {
        tags,
        summary: 'Écarter une suggestion (elle n’est plus proposée sur ce contrat)',
        params: contractIdParams,
        body: dismissSuggestionBody,
        response: { 200: z.object({ dismissed: z.boolean() }) },
      },
    },
    async (req) => dismissSuggestion(deps, req.actor, req.params.id, req.body),
  );
  app.get(
    `${base}/versions`,
    {
      schema: {
        tags,
        summary: 'Versions de la table, avec ce que chacune a ajouté, modifié, retiré',
        params: contractIdParams,
        response: { 200: versionList },
      },
    },
    async (req) => listTableVersions(deps, req.actor, req.params.id),
  );
  app.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        summary: 'Transmettre la table alignée au service client',
        params: contractIdParams,
        body: versionBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => submitTable(deps, req.actor, req.params.id, req.body.expectedVersion),
  );
  app.post(
    `${base}/integrate`,
    {
      schema: {
        tags,
        summary: 'Intégrer la table transmise au contrat (service client)',
        params: contractIdParams,
        body: versionBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => integrateTable(deps, req.actor, req.params.id, req.body.expectedVersion),
  );
  app.post(
    `${base}/send-back`,
    {
      schema: {
        tags,
        summary: 'Renvoyer la table aux parties avec un commentaire (service client)',
        params: contractIdParams,
        body: sendBackBody,
        response: { 200: alignmentSchema },
      },
    },
    async (req) => sendBackTable(deps, req.actor, req.params.id, req.body),
  );
  app.get(
    '/service-code-submissions',
    {
      schema: {
        tags,
        summary: 'Tables transmises au service client (opérateurs)',
        querystring: submissionQuery,
        response: { 200: submissionList },
      },
    },
    async (req) => listSubmissions(deps, req.actor, req.query),
  );
}
