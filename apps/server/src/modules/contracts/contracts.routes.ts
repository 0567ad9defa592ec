import {
  cancelContractProjectBody,
  closeTradeRequestBody,
  contractListQuery,
  contractProjectDetailSchema,
  contractProjectListQuery,
  contractProjectPage,
  createContractProjectBody,
  createTradeRequestBody,
  invitationAccountBody,
  invitationLandingSchema,
  notifyContractProjectBody,
  referenceAvailabilityQuery,
  referenceAvailabilitySchema,
  remindContractProjectBody,
  sessionResponse,
  submitPartyBody,
  tradeRequestListQuery,
  tradeRequestPage,
  tradeRequestSchema,
  updateContractProjectBody,
  validateContractProjectBody,
} from '@raccord/schemas';
import { z } from 'zod';
import { type App, type AppDeps, requestMeta } from '../../shared/http';
import { setSessionCookie } from '../auth/auth.routes';
import { createProject } from './contracts.create';
import { createAccountFromInvitation, openInvitation } from './contracts.invitation-links';
import { notifyParties, remindParty } from './contracts.invitations';
import { getProject, listContracts, listProjects, referenceAvailability } from './contracts.read';
import { closeTradeRequest, listTradeRequests, requestTrade } from './contracts.trade-requests';
import { submitParty, updateProject } from './contracts.update';
import { cancelProject, validateProject } from './contracts.validate';

const idParams = z.strictObject({ id: z.string().max(60) });
const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });
const detail = { 200: contractProjectDetailSchema };
const tags = ['contracts'];

export function contractRoutes(app: App, deps: AppDeps) {
  app.get(
    '/contract-projects',
    {
      schema: {
        tags,
        summary: 'Contrat à raccorder : projets pas encore actifs, avec leur avancement',
        querystring: contractProjectListQuery,
        response: { 200: contractProjectPage },
      },
    },
    async (req) => listProjects(deps, req.actor, req.query),
  );
  app.post(
    '/contract-projects',
    {
      schema: {
        tags,
        summary: 'Créer un projet de contrat (étape 1 ; référence du propriétaire facultative)',
        body: createContractProjectBody,
        response: { 201: contractProjectDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createProject(deps, req.actor, req.body)),
  );
  app.get(
    '/contract-projects/reference-availability',
    {
      schema: {
        tags,
        summary: 'La référence est-elle libre pour mon organisation ? (nomme le contrat qui la porte si visible)',
        querystring: referenceAvailabilityQuery,
        response: { 200: referenceAvailabilitySchema },
      },
    },
    async (req) => referenceAvailability(deps, req.actor, req.query),
  );
  app.get(
    '/contract-projects/:id',
    {
      schema: {
        tags,
        summary: 'Page du projet : les six étapes, les parties, les états, le journal, mes droits',
        params: idParams,
        response: detail,
      },
    },
    async (req) => getProject(deps, req.actor, req.params.id),
  );
  app.patch(
    '/contract-projects/:id',
    {
      schema: {
        tags,
        summary: 'Enregistrer une étape (avec la version lue ; chaque partie ne modifie que son bloc)',
        params: idParams,
        body: updateContractProjectBody,
        response: detail,
      },
    },
    async (req) => updateProject(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/contract-projects/:id/notify',
    {
      schema: {
        tags,
        summary: 'Notifier le prestataire (et le tiers) : e-mail avec un lien personnel',
        params: idParams,
        body: notifyContractProjectBody,
        response: detail,
      },
    },
    async (req) => notifyParties(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/contract-projects/:id/remind',
    {
      schema: {
        tags,
        summary: 'Relancer : renvoie l’invitation avec un nouveau lien (l’ancien ne fonctionne plus)',
        params: idParams,
        body: remindContractProjectBody,
        response: detail,
      },
    },
    async (req) => remindParty(deps, req.actor, req.params.id, req.body.role),
  );
  app.post(
    '/contract-projects/:id/submit',
    {
      schema: {
        tags,
        summary: 'Prestataire / tiers : renseigner sa référence et ses contacts, et soumettre',
        params: idParams,
        body: submitPartyBody,
        response: detail,
      },
    },
    async (req) => submitParty(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/contract-projects/:id/validate',
    {
      schema: {
        tags,
        summary: 'Valider le contrat (administrateurs du propriétaire, état « prêt à valider »)',
        params: idParams,
        body: validateContractProjectBody,
        response: { 202: contractProjectDetailSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await validateProject(deps, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/contract-projects/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Annuler le projet (avant activation ; libère les références)',
        params: idParams,
        body: cancelContractProjectBody,
        response: detail,
      },
    },
    async (req) => cancelProject(deps, req.actor, req.params.id, req.body),
  );
  app.get(
    '/contracts',
    {
      schema: {
        tags,
        summary: 'Contrats : recherche, tri, filtres actif / inactif, métier, tiers sous contrat',
        querystring: contractListQuery,
        response: { 200: contractProjectPage },
      },
    },
    async (req) => listContracts(deps, req.actor, req.query),
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Ouvrir un lien d’invitation (sans session ; lecture seule)',
        params: tokenParams,
        response: { 200: invitationLandingSchema },
        security: [],
      },
    },
    async (req) => openInvitation(deps, req.params.token),
  );
  app.post(
    '/invitations/:token/account',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Créer mon compte depuis le lien (adresse invitée uniquement) et ouvrir une session',
        params: tokenParams,
        body: invitationAccountBody,
        response: { 201: sessionResponse },
        security: [],
      },
    },
    async (req, reply) => {
      const result = await createAccountFromInvitation(deps, req.params.token, req.body, requestMeta(req));
      return reply.status(201).send(setSessionCookie(req, reply, result));
    },
  );

  app.post(
    '/trade-requests',
    {
      schema: {
        tags: ['trades'],
        summary: 'Demander un métier manquant au service client (étape 2)',
        body: createTradeRequestBody,
        response: { 201: tradeRequestSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await requestTrade(deps, req.actor, req.body)),
  );
  app.get(
    '/trade-requests',
    {
      schema: {
        tags: ['trades'],
        summary: 'Demandes de métier (toutes pour le service client, les miennes sinon)',
        querystring: tradeRequestListQuery,
        response: { 200: tradeRequestPage },
      },
    },
    async (req) => listTradeRequests(deps, req.actor, req.query),
  );
  app.post(
    '/trade-requests/:id/close',
    {
      schema: {
        tags: ['trades'],
        summary: 'Clore une demande (service client) : métier ajouté ou refusé',
        params: idParams,
        body: closeTradeRequestBody,
        response: { 200: tradeRequestSchema },
      },
    },
    async (req) => closeTradeRequest(deps, req.actor, req.params.id, req.body),
  );
}
