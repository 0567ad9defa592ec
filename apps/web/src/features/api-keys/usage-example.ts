/** The documented calls a connector makes with a key, as copy-ready shell lines. */
export interface UsageLabels {
  pages: string;
  stream: string;
  feed: string;
  contractPlaceholder: string;
}

const frenchLabels: UsageLabels = {
  pages: 'Patrimoine partagé, page par page (suivre "next")',
  stream: 'Tout le patrimoine partagé en flux NDJSON',
  feed: 'Flux des changements après un curseur (feedCursor, puis "next")',
  contractPlaceholder: '<id du contrat>',
};

export function usageExample(opts: {
  origin: string;
  key?: string | undefined;
  contractId?: string | undefined;
  labels?: UsageLabels;
}) {
  const labels = opts.labels ?? frenchLabels;
  const key = opts.key ?? 'rk_…';
  const id = opts.contractId ?? labels.contractPlaceholder;
  const auth = `-H "Authorization: Bearer ${key}"`;
  const url = (path: string) => `"${opts.origin}/api${path}"`;
  return [
    `# ${labels.pages}`,
    `curl ${auth} ${url(`/contracts/${id}/assets?limit=500`)}`,
    `# ${labels.stream}`,
    `curl ${auth} -H "Accept: application/x-ndjson" ${url(`/contracts/${id}/assets`)}`,
    `# ${labels.feed}`,
    `curl ${auth} ${url(`/contracts/${id}/changes?after=0`)}`,
  ].join('\n');
}
