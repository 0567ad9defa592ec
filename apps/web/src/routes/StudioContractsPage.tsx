import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../features/auth/use-session';
import { canCreateContractProject } from '../features/contracts/contract-permissions';
import { ContractsTab } from '../features/contracts/list/ContractsTab';
import { ProjectsTab } from '../features/contracts/list/ProjectsTab';

type StudioTab = 'contracts' | 'to-connect';

const tabPaths: Record<StudioTab, string> = {
  contracts: '/studio/contrats',
  'to-connect': '/studio/contrats/a-raccorder',
};

function isStudioTab(key: string): key is StudioTab {
  return key === 'contracts' || key === 'to-connect';
}

/** Studio → Services → Contrat: the contract list and the projects still being connected. */
export function StudioContractsPage({ tab }: { tab: StudioTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const createButton = canCreateContractProject(session) ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/studio/contrats/nouveau')}>
      {t('studio.createProject')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('studio.title')} subtitle={t('studio.subtitle')} extra={createButton} />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            if (isStudioTab(key)) void navigate(tabPaths[key]);
          }}
          destroyOnHidden
          items={[
            { key: 'contracts', label: t('studio.tabs.contracts'), children: <ContractsTab /> },
            {
              key: 'to-connect',
              label: t('studio.tabs.toConnect'),
              children: <ProjectsTab createButton={createButton} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
