import { CloudSyncOutlined } from '@ant-design/icons';
import type { ContractProjectDetail, WizardStep } from '@raccord/schemas';
import { wizardSteps } from '@raccord/schemas';
import { Card, Col, Flex, Row, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { StateTag } from '../ContractTags';
import {
  nextStepOf,
  ownerStepsDone,
  partyOf,
  previousStepOf,
  projectPath,
  resumeStep,
  stepIndex,
  wizardPath,
} from '../contract-format';
import { StepElements } from './StepElements';
import { StepEntites } from './StepEntites';
import { StepInformations } from './StepInformations';
import { StepMetier } from './StepMetier';
import { StepPerimetre } from './StepPerimetre';
import { StepReferences } from './StepReferences';
import type { StepProps } from './step-props';

/** What each finished step chose, under its title in the side list. */
function stepSummary(project: ContractProjectDetail | null, step: WizardStep): string | undefined {
  if (!project) return undefined;
  switch (step) {
    case 'informations':
      return project.label;
    case 'metier':
      return project.trade?.label;
    case 'entites':
      return project.parties
        .filter((p) => p.role !== 'owner')
        .map((p) => p.organization.name)
        .join(' · ');
    case 'references':
      return partyOf(project, 'owner')?.reference ?? undefined;
    default:
      return undefined;
  }
}

const stepComponents: Record<WizardStep, (props: StepProps) => ReactNode> = {
  informations: StepInformations,
  metier: StepMetier,
  entites: StepEntites,
  references: StepReferences,
  perimetre: StepPerimetre,
  elements: StepElements,
};

/** **Créer un projet de contrat**: six steps, each saved on the server by **Suivant**. */
export function ContractWizard({ project, step }: { project: ContractProjectDetail | null; step: WizardStep }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Bumped when a save met a newer version: the step's form starts again from the current data.
  const [epoch, setEpoch] = useState(0);
  const done = project ? ownerStepsDone(project) : [];
  const reachable = project ? Math.max(stepIndex(resumeStep(project)), stepIndex(step)) : 0;
  const previous = previousStepOf(step);
  const StepComponent = stepComponents[step];

  const goNext = (saved: ContractProjectDetail) => {
    const next = nextStepOf(step);
    void navigate(next ? wizardPath(saved.id, next) : projectPath(saved.id));
  };

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap component="span">
            {project?.label ?? t('studio.newTitle')}
            {project && <StateTag state={project.state} />}
          </Flex>
        }
        subtitle={
          <Typography.Text type="secondary">
            <CloudSyncOutlined /> {t('contracts.wizard.savedEachStep')}
          </Typography.Text>
        }
        extra={project && <Link to={projectPath(project.id)}>{t('contracts.wizard.openProject')}</Link>}
      />
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={7} xl={6}>
          <Card variant="borderless" styles={{ body: { padding: '20px 16px' } }}>
            <Steps
              orientation="vertical"
              size="small"
              current={stepIndex(step)}
              onChange={(index) => {
                const target = wizardSteps[index];
                if (project && target) void navigate(wizardPath(project.id, target));
              }}
              items={wizardSteps.map((s, index) => ({
                title: t(`contracts.steps.${s}`),
                content: (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180, fontSize: 12 }}>
                    {done.includes(s) ? stepSummary(project, s) : undefined}
                  </Typography.Text>
                ),
                status: s === step ? 'process' : done.includes(s) ? 'finish' : 'wait',
                disabled: !project || index > reachable,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card
            variant="borderless"
            title={
              <Flex vertical style={{ padding: '12px 0' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                  {t('contracts.wizard.stepOf', { index: stepIndex(step) + 1, total: wizardSteps.length })}
                </Typography.Text>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t(`contracts.steps.${step}`)}
                </Typography.Title>
              </Flex>
            }
          >
            <StepComponent
              key={`${step}:${epoch}`}
              project={project}
              onNext={goNext}
              onPrevious={previous && project ? () => void navigate(wizardPath(project.id, previous)) : null}
              onStale={() => setEpoch((e) => e + 1)}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
