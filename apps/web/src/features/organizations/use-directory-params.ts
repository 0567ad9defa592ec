import type { OrganizationKind } from '@raccord/schemas';
import { organizationKinds } from '@raccord/schemas';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

function readKind(value: string | null): OrganizationKind | undefined {
  return organizationKinds.find((k) => k === value);
}

function readPositive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Search, filter and page of the directory, kept in the URL so that a view can be shared or reloaded. */
export function useDirectoryParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(
    () => ({
      q: searchParams.get('q') ?? '',
      kind: readKind(searchParams.get('type')),
      page: readPositive(searchParams.get('page'), 1),
      pageSize: Math.min(readPositive(searchParams.get('taille'), 20), 100),
    }),
    [searchParams],
  );

  const update = useCallback(
    (patch: { q?: string; kind?: OrganizationKind | null; page?: number; pageSize?: number }) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | number | null | undefined, blank: string | number) => {
            if (value === undefined) return;
            if (value === null || value === '' || value === blank) next.delete(key);
            else next.set(key, String(value));
          };
          set('q', patch.q, '');
          set('type', patch.kind, '');
          set('page', patch.page, 1);
          set('taille', patch.pageSize, 20);
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return [params, update] as const;
}
