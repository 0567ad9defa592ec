import type {
  CreateMemberBody,
  CreateOrganizationBody,
  Organization,
  OrganizationKind,
  UpdateMemberBody,
  UpdateOrganizationBody,
} from '@raccord/schemas';
import { organizationPage, organizationSchema, userSchema } from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

export interface DirectoryParams {
  q?: string | undefined;
  kind?: OrganizationKind | undefined;
  page: number;
  pageSize: number;
}

export function listOrganizations(params: DirectoryParams, signal?: AbortSignal) {
  return api.get('/api/organizations', organizationPage, { query: { ...params }, signal });
}

// Writes may answer the organisation itself or wrap it; either way the console can use it.
const organizationAnswer = z.unknown();

function readOrganization(answer: unknown): Organization | null {
  const direct = organizationSchema.safeParse(answer);
  if (direct.success) return direct.data;
  const wrapped = z.object({ organization: organizationSchema }).safeParse(answer);
  return wrapped.success ? wrapped.data.organization : null;
}

export async function createOrganization(body: CreateOrganizationBody): Promise<Organization | null> {
  return readOrganization(await api.post('/api/organizations', body, organizationAnswer));
}

export async function updateOrganization(id: string, body: UpdateOrganizationBody): Promise<Organization | null> {
  return readOrganization(await api.patch(`/api/organizations/${encodeURIComponent(id)}`, body, organizationAnswer));
}

const memberList = z.object({ items: z.array(userSchema) });

export function listMembers(organizationId: string, signal?: AbortSignal) {
  return api.get(`/api/organizations/${encodeURIComponent(organizationId)}/members`, memberList, { signal });
}

export function addMember(organizationId: string, body: CreateMemberBody): Promise<unknown> {
  return api.post(`/api/organizations/${encodeURIComponent(organizationId)}/members`, body, z.unknown());
}

export function updateMember(organizationId: string, userId: string, body: UpdateMemberBody): Promise<unknown> {
  const path = `/api/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}`;
  return api.patch(path, body, z.unknown());
}
