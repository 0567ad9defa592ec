import { BankOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatSiren } from '../../organizations/format';
import { KindTags } from '../../organizations/KindTags';
import { ReadyTag } from '../../organizations/ReadyTag';
import type { PickedOrganization } from './OrganizationSearch';

/** The chosen organisation, as the directory knows it. */
export function PickedOrganizationCard({ org }: { org: PickedOrganization }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginTop: 10, background: '#f7f9fc' }}>
      <Flex gap={12} align="center">
        <BankOutlined style={{ fontSize: 20, color: '#1f5faa' }} />
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong>{org.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[org.city, t('contracts.parties.siren', { siren: formatSiren(org.siren) })].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
        {org.kinds && <KindTags kinds={org.kinds} />}
        <ReadyTag ready={org.ready} />
      </Flex>
    </Card>
  );
}
