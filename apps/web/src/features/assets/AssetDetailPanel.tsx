import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { AssetDetail, TreeNode } from '@raccord/schemas';
import { App, Breadcrumb, Button, Card, Divider, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { AssetAttributes } from './AssetAttributes';
import { AssetFormModal, type AssetFormTarget } from './AssetFormModal';
import { AssetIcon } from './AssetIcon';
import { childKindsOf, formatCount, levelLabel } from './asset-types';
import { DeleteError } from './DeleteError';
import { TypeCountChips } from './TypeCountChips';
import { useAssetDetail, useDeleteAsset } from './use-assets';

interface AssetDetailPanelProps {
  node: TreeNode | null;
  canEdit: boolean;
  /** After a write: reload the tree. */
  onChanged: () => void;
  onDeleted: () => void;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '16px 0 10px', fontSize: 12, color: '#6b7486' }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

/** What the selected node is, where it is, what it holds; admins edit, add a child or delete it. */
export function AssetDetailPanel({ node, canEdit, onChanged, onDeleted }: AssetDetailPanelProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const assetId = node?.node.kind === 'asset' ? node.node.id : null;
  const detail = useAssetDetail(assetId);
  const remove = useDeleteAsset();
  const [form, setForm] = useState<AssetFormTarget | null>(null);
  const [deleteError, setDeleteError] = useState<{ id: string; error: unknown } | null>(null);

  if (!node) {
    return (
      <Card variant="borderless" style={{ height: '100%' }}>
        <EmptyState title={t('assets.detail.noneTitle')} description={t('assets.detail.none')} />
      </Card>
    );
  }
  const asset: AssetDetail | undefined = assetId ? detail.data : undefined;
  const kinds = childKindsOf(node.level);
  const communeCode = node.node.kind === 'commune' ? node.node.code : null;

  const confirmDelete = (target: AssetDetail) => {
    const below = Math.max(0, Object.values(target.counts).reduce<number>((s, n) => s + (n ?? 0), 0) - 1);
    modal.confirm({
      title: t('assets.delete.title', { label: target.label }),
      content:
        below > 0
          ? t('assets.delete.withChildren', { count: below, n: formatCount(below) })
          : t('assets.delete.single'),
      okText: t('assets.delete.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(target.id);
          onDeleted();
          onChanged();
        } catch (error) {
          setDeleteError({ id: target.id, error });
        }
      },
    });
  };

  const actions = canEdit && (
    <Flex gap={8} wrap>
      {asset && (
        <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', asset })}>
          {t('common.edit')}
        </Button>
      )}
      {kinds.length > 0 && (assetId === null || asset) && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setForm({ mode: 'create', parentId: assetId, communeCode, kinds })}
        >
          {t('assets.detail.addChild')}
        </Button>
      )}
      {asset && (
        <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(asset)}>
          {t('assets.delete.button')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Card variant="borderless" style={{ height: '100%' }} aria-label={t('assets.detail.title')}>
      <Flex gap={12} align="flex-start">
        <AssetIcon type={node.type ?? node.level} boxed size={20} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
            {node.label}
          </Typography.Title>
          <Flex gap={6} align="center" wrap style={{ marginTop: 2 }}>
            <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
              {levelLabel(t, node.level, node.type)}
            </Tag>
            {node.reference && <Typography.Text code>{node.reference}</Typography.Text>}
          </Flex>
        </div>
      </Flex>
      {asset && asset.breadcrumb.length > 0 && (
        <Breadcrumb
          style={{ marginTop: 12, fontSize: 12 }}
          items={asset.breadcrumb.map((b) => ({ title: b.reference ? `${b.label} (${b.reference})` : b.label }))}
        />
      )}
      {actions && <div style={{ marginTop: 14 }}>{actions}</div>}
      {deleteError && deleteError.id === assetId && (
        <div style={{ marginTop: 14 }}>
          <DeleteError error={deleteError.error} onClose={() => setDeleteError(null)} />
        </div>
      )}

      {assetId && detail.isPending && <Skeleton active style={{ marginTop: 16 }} />}
      {assetId && detail.isError && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      {asset && (
        <Section title={t('assets.detail.attributes')}>
          <AssetAttributes asset={asset} />
        </Section>
      )}
      {asset && asset.servedSites.length > 0 && (
        <Section title={t('assets.detail.servedSites')}>
          <Flex gap={6} wrap>
            {asset.servedSites.map((s) => (
              <Tag key={s.id} icon={<AssetIcon type="site" size={12} />}>
                {s.label} · {s.reference}
              </Tag>
            ))}
          </Flex>
        </Section>
      )}
      {node.total > 0 && (
        <Section title={t('assets.detail.contents', { n: formatCount(node.total), count: node.total })}>
          <TypeCountChips counts={asset?.counts ?? node.counts} size="default" />
        </Section>
      )}
      {form && (
        <AssetFormModal
          target={form}
          onClose={() => {
            setForm(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
