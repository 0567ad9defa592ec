import type { AssetImport } from '@raccord/schemas';
import { Alert, Flex, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from './asset-types';
import { ImportErrors } from './ImportErrors';

const phases = ['upload', 'check', 'write'];

/** Where an import stands: phase and progress bar, then what it changed, or every error. */
export function ImportProgress({ imp }: { imp: AssetImport }) {
  const { t } = useTranslation();
  const running = imp.state !== 'succeeded' && imp.state !== 'failed';
  const phase = imp.phase && phases.includes(imp.phase) ? t(`assets.import.phases.${imp.phase}`) : imp.phase;
  const status = imp.state === 'failed' ? 'exception' : imp.state === 'succeeded' ? 'success' : 'active';
  return (
    <Flex vertical gap={14} aria-live="polite">
      <div>
        <Flex justify="space-between" style={{ fontSize: 13 }}>
          <Typography.Text strong>{t(`assets.import.states.${imp.state}`)}</Typography.Text>
          <Typography.Text type="secondary">
            {running && phase ? `${phase} · ` : ''}
            {t('assets.import.rows', { read: formatCount(imp.rowsRead), applied: formatCount(imp.rowsApplied) })}
          </Typography.Text>
        </Flex>
        <Progress percent={Math.round(imp.progress)} status={status} aria-label={t('assets.import.progress')} />
      </div>
      {imp.state === 'succeeded' && (
        <>
          <Alert type="success" showIcon title={t('assets.import.succeeded', { n: formatCount(imp.rowsApplied) })} />
          <Flex gap={32} wrap>
            <Statistic title={t('assets.import.created')} value={imp.created} />
            <Statistic title={t('assets.import.updated')} value={imp.updated} />
            <Statistic title={t('assets.import.unchanged')} value={imp.unchanged} />
            <Statistic title={t('assets.import.moved')} value={imp.moved} />
          </Flex>
        </>
      )}
      {imp.state === 'failed' && (
        <>
          <Alert
            type="error"
            showIcon
            title={t('assets.import.failed', { count: imp.errorCount, n: formatCount(imp.errorCount) })}
            description={t('assets.import.nothingChanged')}
          />
          {imp.errors.length > 0 && <ImportErrors imp={imp} />}
        </>
      )}
    </Flex>
  );
}
