import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';

interface FrozenItem {
  reference: string;
  holderLabel: string;
}

function frozenItems(error: unknown): FrozenItem[] {
  if (!(error instanceof ApiError) || error.code !== 'asset.frozen') return [];
  const raw = error.details.frozen;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const reference = 'reference' in item && typeof item.reference === 'string' ? item.reference : '';
    const holderLabel = 'holderLabel' in item && typeof item.holderLabel === 'string' ? item.holderLabel : '';
    return reference ? [{ reference, holderLabel }] : [];
  });
}

/** Why a deletion was refused; for `asset.frozen`, which contract names which element. */
export function DeleteError({ error, onClose }: { error: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  const frozen = frozenItems(error);
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={frozen.length > 0 ? t('assets.delete.frozenTitle') : t('assets.delete.failed')}
      description={
        frozen.length > 0 ? (
          <>
            {t('assets.delete.frozenHelp')}
            <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
              {frozen.map((f) => (
                <li key={f.reference}>
                  {t('assets.delete.frozenItem', { reference: f.reference, contract: f.holderLabel })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          errorMessage(error)
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
