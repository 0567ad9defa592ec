import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  serviceCode: string;
  ownerServiceCode: string | null;
  serviceCodeStatus: string;
}

/**
 * The code a log quotes, with the owner's counterpart once the contract's codes are integrated:
 * the owner reads its own code, an unknown code is flagged (accepted, but to look at).
 */
export function ServiceCodeTag({ serviceCode, ownerServiceCode, serviceCodeStatus }: Props) {
  const { t } = useTranslation();
  if (serviceCodeStatus === 'known' && ownerServiceCode) {
    return (
      <Flex gap={4} align="center" wrap>
        <Tooltip title={t('operations.codes.ownerCodeHelp')}>
          <Tag color="blue">{ownerServiceCode}</Tag>
        </Tooltip>
        {ownerServiceCode.toLowerCase() !== serviceCode.toLowerCase() && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('operations.codes.sentAs', { code: serviceCode })}
          </Typography.Text>
        )}
      </Flex>
    );
  }
  return (
    <Flex gap={4} align="center" wrap>
      <Tag>{serviceCode}</Tag>
      {serviceCodeStatus === 'unknown' && (
        <Tooltip title={t('operations.codes.unknownHelp')}>
          <Tag color="orange">{t('operations.codes.unknown')}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
