import type { ContractSort } from '@raccord/schemas';
import { contractSorts } from '@raccord/schemas';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ContractListParams } from '../contracts.api';

export type PartyCount = 'bipartite' | 'tripartite';

export interface ContractListState extends ContractListParams {
  parties: PartyCount | undefined;
}

function readPositive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const defaultSort: ContractSort = '-createdAt';

/** The Contrats list's search, filters, sort and page, kept in the URL (shareable, reloadable). */
export function useContractListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo<ContractListState>(() => {
    const status = searchParams.get('etat');
    const parties = searchParams.get('parties');
    return {
      q: searchParams.get('q') ?? '',
      status: status === 'actif' || status === 'inactif' ? status : undefined,
      tradeId: searchParams.get('metier') ?? undefined,
      partyId: searchParams.get('partie') ?? undefined,
      parties: parties === 'bipartite' || parties === 'tripartite' ? parties : undefined,
      hasThirdParty: parties === 'tripartite' ? true : parties === 'bipartite' ? false : undefined,
      sort: contractSorts.find((s) => s === searchParams.get('tri')) ?? defaultSort,
      page: readPositive(searchParams.get('page'), 1),
      pageSize: Math.min(readPositive(searchParams.get('taille'), 20), 100),
    };
  }, [searchParams]);

  const update = useCallback(
    (
      patch: Partial<Record<'q' | 'etat' | 'metier' | 'partie' | 'parties' | 'tri', string | null>> & {
        page?: number;
        pageSize?: number;
      },
    ) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            const name = key === 'pageSize' ? 'taille' : key;
            const blank = key === 'page' ? 1 : key === 'pageSize' ? 20 : key === 'tri' ? defaultSort : '';
            if (value === undefined) continue;
            if (value === null || value === '' || value === blank) next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return [params, update] as const;
}
