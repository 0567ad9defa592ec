import { ClockCircleOutlined, MailOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import type { ContractParty } from '@raccord/schemas';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationTag } from './ContractTags';
import { formatDateTime } from './contract-format';

interface PartyBlockProps {
  party: ContractParty;
  /** The viewer's own block: marked as such (and rendered editable by the caller). */
  own?: boolean;
  children?: ReactNode;
}

/** One party's block of step 4: its reference and contacts, read-only unless `children` edit it. */
export function PartyBlock({ party, own = false, children }: PartyBlockProps) {
  const { t } = useTranslation();
  const contact = party.contacts[0];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap style={{ padding: '4px 0' }}>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t(`contracts.roles.${party.role}`)}
          </Typography.Text>
          <Typography.Text strong>{party.organization.name}</Typography.Text>
          {own && (
            <Tag color="blue" variant="filled">
              {t('contracts.parties.yourBlock')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        !own && party.role !== 'owner' && party.invitation && !party.submittedAt ? (
          <InvitationTag invitation={party.invitation} />
        ) : null
      }
      style={own ? { borderColor: '#1f5faa' } : { background: '#fafbfd' }}
    >
      {children ?? (
        <Flex vertical gap={6}>
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text type="secondary">{t('contracts.fields.reference')}</Typography.Text>
            {party.reference ? (
              <Typography.Text code>{party.reference}</Typography.Text>
            ) : (
              <Typography.Text type="warning">
                <ClockCircleOutlined /> {t('contracts.parties.waitingFor', { name: party.organization.name })}
              </Typography.Text>
            )}
          </Flex>
          {contact ? (
            <Flex gap={16} wrap>
              {contact.name && (
                <Typography.Text>
                  <UserOutlined /> {contact.name}
                </Typography.Text>
              )}
              {contact.email && (
                <Typography.Text>
                  <MailOutlined /> {contact.email}
                </Typography.Text>
              )}
              {contact.phone && (
                <Typography.Text>
                  <PhoneOutlined /> {contact.phone}
                </Typography.Text>
              )}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('contracts.contact.none')}</Typography.Text>
          )}
          {party.submittedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contracts.parties.submittedAt', { date: formatDateTime(party.submittedAt) })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
