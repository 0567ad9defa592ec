import type { AssetDetail } from '@raccord/schemas';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const fields = [
  'address',
  'postcode',
  'communeCode',
  'yearBuilt',
  'brand',
  'serialNumber',
  'commissioningDate',
] as const;

/** The element's optional attributes that are filled in. */
export function AssetAttributes({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const items = [
    { key: 'reference', label: t('assets.attributes.reference'), children: asset.reference },
    ...(asset.premisesKind
      ? [
          {
            key: 'premises',
            label: t('assets.form.premisesKind'),
            children: t(`assets.premisesKinds.${asset.premisesKind}`),
          },
        ]
      : []),
    ...fields.flatMap((field) => {
      const value = asset[field];
      return value === null || value === ''
        ? []
        : [{ key: field, label: t(`assets.attributes.${field}`), children: String(value) }];
    }),
  ];
  return (
    <>
      <Descriptions colon={false} size="small" column={1} items={items} styles={{ label: { width: 170 } }} />
      {items.length === 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assets.detail.noAttributes')}
        </Typography.Text>
      )}
    </>
  );
}
