import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TreeNode } from '@raccord/schemas';
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { AssetDetailPanel } from '../features/assets/AssetDetailPanel';
import { AssetSearch } from '../features/assets/AssetSearch';
import { AssetTree } from '../features/assets/AssetTree';
import { formatCount } from '../features/assets/asset-types';
import { exportUrl } from '../features/assets/assets.api';
import { ImportHistory } from '../features/assets/ImportHistory';
import { ImportModal } from '../features/assets/ImportModal';
import { TotalsOverview } from '../features/assets/TotalsOverview';
import { useAssetTree } from '../features/assets/use-asset-tree';
import { useAssetTotals } from '../features/assets/use-assets';
import { useSession } from '../features/auth/use-session';
import { canEditPatrimoine } from '../lib/permissions';

/** The owner's patrimoine: totals per type, the lazy tree with search, an element's detail, imports. */
export function PatrimoinePage() {
  const { t } = useTranslation();
  const session = useSession();
  const canEdit = canEditPatrimoine(session);
  const totals = useAssetTotals();
  const tree = useAssetTree();
  const [selected, setSelected] = useState<TreeNode | null>(null);
  const [importing, setImporting] = useState<{ id: string | null } | null>(null);

  // The selected node as last loaded (its label and counts change after an edit or an import).
  const current = useMemo(() => {
    if (!selected) return null;
    for (const level of tree.levels.values()) {
      const found = level.items.find((item) => item.key === selected.key);
      if (found) return found;
    }
    return selected;
  }, [selected, tree.levels]);

  const { refresh, reveal } = tree;
  // Writes invalidate the patrimoine queries (totals, details); the tree reloads what it shows.
  const onChanged = useCallback(() => void refresh(), [refresh]);

  const importButton = canEdit && (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting({ id: null })}>
      {t('assets.import.button')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('patrimoine.title')}
        subtitle={t('patrimoine.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportUrl} download="patrimoine.csv">
              {t('assets.export.button')}
            </Button>
            {importButton}
          </>
        }
      />
      <Flex vertical gap={16}>
        <TotalsOverview counts={totals.data?.counts} loading={totals.isPending} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card
              variant="borderless"
              styles={{ body: { padding: 0 } }}
              title={
                <Flex align="baseline" gap={8}>
                  {t('assets.tree.title')}
                  {totals.data && (
                    <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                      {t('assets.tree.count', { count: totals.data.total, n: formatCount(totals.data.total) })}
                    </Typography.Text>
                  )}
                </Flex>
              }
            >
              <div style={{ padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }}>
                <AssetSearch
                  onPick={(hit) => {
                    setSelected(hit);
                    void reveal(hit.ancestors, hit);
                  }}
                />
              </div>
              <AssetTree
                tree={tree}
                selectedKey={current?.key ?? null}
                onSelect={setSelected}
                ariaLabel={t('assets.tree.title')}
                height={560}
                empty={
                  <EmptyState
                    title={t('patrimoine.emptyTitle')}
                    description={t('assets.emptyHelp')}
                    action={importButton}
                  />
                }
              />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <div style={{ position: 'sticky', top: 72 }}>
              <AssetDetailPanel
                node={current}
                canEdit={canEdit}
                onChanged={onChanged}
                onDeleted={() => setSelected(null)}
              />
            </div>
          </Col>
        </Row>
        <ImportHistory onOpen={(id) => setImporting({ id })} />
      </Flex>
      {importing && <ImportModal importId={importing.id} onClose={() => setImporting(null)} onImported={onChanged} />}
    </>
  );
}
