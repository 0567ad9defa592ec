import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { ContractProjectDetail, WizardStep } from '@raccord/schemas';
import { wizardSteps } from '@raccord/schemas';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSiren } from '../../organizations/format';
import { ReadyTag } from '../../organizations/ReadyTag';
import { ownerStepsDone } from '../contract-format';
import { PartyBlock } from '../PartyBlock';
import { PerimeterSummary, SharedTypesSummary } from './PerimeterSummary';

type SummaryProject = Pick<
  ContractProjectDetail,
  'label' | 'description' | 'tags' | 'trade' | 'parties' | 'perimeter' | 'sharedTypes' | 'progress' | 'state'
>;

function Section({ step, done, children }: { step: WizardStep; done: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section style={{ padding: '14px 0', borderTop: step === 'informations' ? undefined : '1px solid #eef0f4' }}>
      <Flex gap={8} align="center" style={{ marginBottom: 10 }}>
        {done ? (
          <CheckCircleFilled style={{ color: '#2e9d5b' }} aria-label={t('contracts.summary.done')} />
        ) : (
          <ClockCircleOutlined style={{ color: '#a0a8b5' }} aria-label={t('contracts.summary.todo')} />
        )}
        <Typography.Text strong>
          {wizardSteps.indexOf(step) + 1}. {t(`contracts.steps.${step}`)}
        </Typography.Text>
      </Flex>
      <div style={{ paddingInlineStart: 22 }}>{children}</div>
    </section>
  );
}

interface ProjectSummaryProps {
  project: SummaryProject;
  ownOrganizationId?: string;
  perimeterLabels?: ReadonlyMap<string, string> | undefined;
  typeCounts?: Partial<Record<string, number>> | null | undefined;
}

/** A read-only summary of the six steps, for every party and any state. */
export function ProjectSummary({ project, ownOrganizationId, perimeterLabels, typeCounts }: ProjectSummaryProps) {
  const { t } = useTranslation();
  const done = ownerStepsDone(project);
  const none = <Typography.Text type="secondary">{t('contracts.summary.none')}</Typography.Text>;
  return (
    <Card variant="borderless" title={t('contracts.summary.title')}>
      <Section step="informations" done={done.includes('informations')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'label', label: t('contracts.fields.label'), children: project.label },
            { key: 'description', label: t('contracts.fields.description'), children: project.description || none },
            {
              key: 'tags',
              label: t('contracts.fields.tags'),
              children:
                project.tags.length > 0 ? (
                  <Flex gap={4} wrap>
                    {project.tags.map((tag) => (
                      <Tag key={tag.key} variant="outlined">
                        {tag.value ? `${tag.key} : ${tag.value}` : tag.key}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  none
                ),
            },
          ]}
        />
      </Section>
      <Section step="metier" done={done.includes('metier')}>
        {project.trade ? <Typography.Text>{project.trade.label}</Typography.Text> : none}
      </Section>
      <Section step="entites" done={done.includes('entites')}>
        <Flex vertical gap={6}>
          {project.parties.map((party) => (
            <Flex key={party.role} gap={8} align="center" wrap>
              <Typography.Text type="secondary" style={{ minWidth: 90 }}>
                {t(`contracts.roles.${party.role}`)}
              </Typography.Text>
              <Typography.Text strong>{party.organization.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('contracts.parties.siren', { siren: formatSiren(party.organization.siren) })}
              </Typography.Text>
              {party.role !== 'owner' && <ReadyTag ready={party.organization.ready} />}
            </Flex>
          ))}
        </Flex>
      </Section>
      <Section step="references" done={project.progress.stepsDone.includes('references')}>
        <Flex vertical gap={10}>
          {project.parties.map((party) => (
            <PartyBlock key={party.role} party={party} own={party.organization.id === ownOrganizationId} />
          ))}
        </Flex>
      </Section>
      <Section step="perimetre" done={done.includes('perimetre')}>
        <PerimeterSummary perimeter={project.perimeter} labels={perimeterLabels} />
      </Section>
      <Section step="elements" done={done.includes('elements')}>
        <SharedTypesSummary types={project.sharedTypes} counts={typeCounts} />
      </Section>
    </Card>
  );
}
