import { Button, Card, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { isWizardStep, projectPath, resumeStep, wizardPath } from '../features/contracts/contract-format';
import { useProject } from '../features/contracts/use-contract-queries';
import { ContractWizard } from '../features/contracts/wizard/ContractWizard';

/** `/studio/contrats/projets/:id/etapes/:step`: the wizard on a saved project, resumable from anywhere. */
export function ContractWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id, step } = useParams();
  const project = useProject(id);

  if (project.isPending) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const data = project.data;
  if (!isWizardStep(step)) return <Navigate to={wizardPath(data.id, resumeStep(data))} replace />;
  if (!data.permissions.canEditOwnerFields) {
    return (
      <Card variant="borderless">
        <Result
          status="info"
          title={t('contracts.wizard.readOnlyTitle')}
          subTitle={t(`contracts.wizard.readOnly.${data.state}`)}
          extra={
            <Button type="primary" onClick={() => void navigate(projectPath(data.id))}>
              {t('contracts.wizard.openProject')}
            </Button>
          }
        />
      </Card>
    );
  }
  return <ContractWizard project={data} step={step} />;
}
