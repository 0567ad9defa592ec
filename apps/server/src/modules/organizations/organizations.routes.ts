import {
  createMemberBody,
  createOrganizationBody,
  directoryQuery,
  organizationPage,
  organizationSchema,
  updateMemberBody,
  updateOrganizationBody,
  userSchema,
} from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import * as uc from './organizations.usecases';

const orgParams = z.strictObject({ id: z.string().max(60) });
const memberParams = z.strictObject({ id: z.string().max(60), userId: z.string().max(60) });

export function organizationRoutes(app: App, deps: AppDeps) {
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Annuaire : recherche par nom, SIREN ou ville (sans accents ni casse)',
        querystring: directoryQuery,
        response: { 200: organizationPage },
      },
    },
    async (req) => uc.searchDirectory(deps, req.actor, req.query),
  );
  app.get(
    '/organizations/:id',
    { schema: { tags: ['organizations'], params: orgParams, response: { 200: organizationSchema } } },
    async (req) => uc.getOrganization(deps, req.actor, req.params.id),
  );
  app.post(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Créer une organisation (service client)',
        body: createOrganizationBody,
        response: { 201: organizationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await uc.createOrganization(deps, req.actor, req.body)),
  );
  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        params: orgParams,
        body: updateOrganizationBody,
        response: { 200: organizationSchema },
      },
    },
    async (req) => uc.updateOrganization(deps, req.actor, req.params.id, req.body),
  );
  app.get(
    '/organizations/:id/members',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Membres (administrateurs de l’organisation, service client)',
        params: orgParams,
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (req) => uc.listOrganizationMembers(deps, req.actor, req.params.id),
  );
  app.post(
    '/organizations/:id/members',
    {
      schema: { tags: ['organizations'], params: orgParams, body: createMemberBody, response: { 201: userSchema } },
    },
    async (req, reply) => reply.status(201).send(await uc.createMember(deps, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/organizations/:id/members/:userId',
    {
      schema: { tags: ['organizations'], params: memberParams, body: updateMemberBody, response: { 200: userSchema } },
    },
    async (req) => uc.updateMember(deps, req.actor, req.params.id, req.params.userId, req.body),
  );
}
