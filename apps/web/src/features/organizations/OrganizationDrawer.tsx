import { EditOutlined } from '@ant-design/icons';
import type { Organization } from '@raccord/schemas';
import { Button, Descriptions, Divider, Drawer, Grid, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { canManageMembers, canManageOrganizations } from '../../lib/permissions';
import { useSession } from '../auth/use-session';
import { formatSiren } from './format';
import { KindTags } from './KindTags';
import { MembersPanel } from './MembersPanel';
import { ReadyTag } from './ReadyTag';

interface OrganizationDrawerProps {
  organization: Organization | null;
  onClose: () => void;
  onEdit: (organization: Organization) => void;
}

/** One organisation of the directory; its members for operators and for its own administrators. */
export function OrganizationDrawer({ organization, onClose, onEdit }: OrganizationDrawerProps) {
  const { t } = useTranslation();
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Drawer
      open={organization !== null}
      onClose={onClose}
      size={screens.lg ? 760 : '100%'}
      title={organization?.name}
      closable={{ 'aria-label': t('common.close') }}
      extra={
        organization &&
        canManageOrganizations(session) && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(organization)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {organization && (
        <>
          <Descriptions
            column={screens.md ? 2 : 1}
            size="small"
            items={[
              { key: 'siren', label: t('organizations.fields.siren'), children: formatSiren(organization.siren) },
              {
                key: 'kinds',
                label: t('organizations.fields.kinds'),
                children: <KindTags kinds={organization.kinds} />,
              },
              { key: 'city', label: t('organizations.fields.city'), children: organization.city ?? dash },
              {
                key: 'status',
                label: t('organizations.fields.ready'),
                children: <ReadyTag ready={organization.ready} />,
              },
              {
                key: 'onboarding',
                label: t('organizations.fields.onboardingEmail'),
                children: organization.onboardingEmail ?? dash,
              },
              {
                key: 'created',
                label: t('organizations.fields.createdAt'),
                children: dayjs(organization.createdAt).format('DD/MM/YYYY'),
              },
              ...(organization.isPlatform
                ? [
                    {
                      key: 'platform',
                      label: t('organizations.platform'),
                      children: <Tag color="purple">{t('common.yes')}</Tag>,
                    },
                  ]
                : []),
            ]}
          />
          {canManageMembers(session, organization.id) && (
            <>
              <Divider />
              <MembersPanel key={organization.id} organizationId={organization.id} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
