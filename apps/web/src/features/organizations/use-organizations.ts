import type {
  CreateMemberBody,
  CreateOrganizationBody,
  UpdateMemberBody,
  UpdateOrganizationBody,
} from '@raccord/schemas';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../auth/use-session';
import type { DirectoryParams } from './organizations.api';
import {
  addMember,
  createOrganization,
  listMembers,
  listOrganizations,
  updateMember,
  updateOrganization,
} from './organizations.api';

const keys = {
  directory: ['organizations'] as const,
  page: (params: DirectoryParams) => ['organizations', params] as const,
  members: (organizationId: string) => ['organizations', organizationId, 'members'] as const,
};

export function useOrganizationDirectory(params: DirectoryParams) {
  return useQuery({
    queryKey: keys.page(params),
    queryFn: ({ signal }) => listOrganizations(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => createOrganization(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.directory }),
  });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrganizationBody }) => updateOrganization(id, body),
    // The header shows the viewer's own organisation: re-read the session too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.directory }),
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}

export function useMembers(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.members(organizationId),
    queryFn: ({ signal }) => listMembers(organizationId, signal),
    enabled,
  });
}

export function useAddMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMemberBody) => addMember(organizationId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.members(organizationId) }),
  });
}

export function useUpdateMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateMemberBody }) =>
      updateMember(organizationId, userId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.members(organizationId) }),
  });
}
