import type { Pair, VersionDiff } from '@raccord/schemas';
import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVersions } from '../use-service-codes';

const pairText = (p: Pair, noMatch: string) => `${p.ownerCode} → ${p.providerCode ?? noMatch}`;

/** Every version of the table with what it added, changed and removed. */
export function VersionHistory({ contractId }: { contractId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useVersions(contractId, true);
  const items = versions.data?.items ?? [];
  const noMatch = t('serviceCodes.relations.no_match');
  const line = (v: VersionDiff) => {
    const parts = [
      ...v.added.map((p) => `+ ${pairText(p, noMatch)} (${t(`serviceCodes.relations.${p.relation}`)})`),
      ...v.changed.map(
        ({ before, after }) =>
          `~ ${pairText(before, noMatch)} : ${t(`serviceCodes.pairStatus.${before.status}`)} (${t(`serviceCodes.relations.${before.relation}`)}) → ${pairText(after, noMatch)} : ${t(`serviceCodes.pairStatus.${after.status}`)} (${t(`serviceCodes.relations.${after.relation}`)})`,
      ),
      ...v.removed.map((p) => `− ${pairText(p, noMatch)}`),
    ];
    return parts;
  };
  return (
    <Card size="small" title={t('serviceCodes.versions.title')}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceCodes.versions.empty')} />
      ) : (
        <Timeline
          items={items.map((v) => ({
            key: v.version,
            content: (
              <div>
                <Typography.Text strong>
                  {t('serviceCodes.versions.version', { n: v.version })} —{' '}
                  {t(`serviceCodes.versions.actions.${v.action}`)}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {new Date(v.at).toLocaleString(i18n.language)} · {v.actor}
                  </Typography.Text>
                </div>
                {line(v).map((l) => (
                  <div key={l} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                    {l}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
