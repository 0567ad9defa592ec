import type { SharedType } from '@raccord/schemas';
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { CoverageBars } from '../perimeter/CoverageBars';
import { formatCount, typeCount } from '../perimeter/type-counts';
import { usePerimeterPreview } from '../perimeter/use-perimeter';
import type { StepProps } from './step-props';
import { useStepSave } from './use-step-save';
import { WizardFooter } from './WizardFooter';

type Group = 'patrimoine' | 'equipment';

/** Step 6 **Éléments partagés**: the types present under the perimeter, with their counts. */
export function StepElements({ project, onNext, onPrevious, onStale }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { save, saving } = useStepSave(project, onStale);
  const perimeter = project?.perimeter ?? null;
  const preview = usePerimeterPreview(perimeter && perimeter.include.length > 0 ? perimeter : null);
  const [chosen, setChosen] = useState<SharedType[]>(project?.sharedTypes ?? []);
  const [missing, setMissing] = useState(false);

  if (!perimeter || perimeter.include.length === 0) {
    return (
      <>
        <Alert type="warning" showIcon title={t('contracts.elements.noPerimeter')} />
        <WizardFooter
          onPrevious={onPrevious}
          saving={false}
          onNext={() => onPrevious?.()}
          nextLabel={t('contracts.wizard.previous')}
        />
      </>
    );
  }
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  const data = preview.data;
  const present = [...(data?.patrimoine ?? []), ...(data?.equipment ?? [])];
  const countOf = (type: SharedType) => present.find((c) => c.type === type)?.count ?? 0;
  const selected = chosen.filter((type) => countOf(type) > 0);
  const total = selected.reduce((sum, type) => sum + countOf(type), 0);
  const toggleAll = (types: SharedType[], on: boolean) => {
    setMissing(false);
    setChosen((current) => (on ? [...new Set([...current, ...types])] : current.filter((x) => !types.includes(x))));
  };

  const onSave = () => {
    if (!project) return;
    if (selected.length === 0) return setMissing(true);
    const same = [...selected].sort().join() === [...project.sharedTypes].sort().join();
    if (same) return onNext(project);
    save({ sharedTypes: selected }, form, onNext);
  };

  const group = (key: Group) => {
    const items = data?.[key] ?? [];
    const types = items.map((c) => c.type);
    const all = types.length > 0 && types.every((type) => chosen.includes(type));
    return (
      <Card
        size="small"
        title={t(`contracts.elements.${key}`)}
        extra={
          types.length > 0 && (
            <Button size="small" type="link" onClick={() => toggleAll(types, !all)}>
              {t(all ? 'contracts.elements.none' : 'contracts.elements.all')}
            </Button>
          )
        }
      >
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.elements.noneHere')} />
        ) : (
          <CoverageBars
            counts={items}
            muted={(type) => !chosen.includes(type)}
            label={(type, count) => (
              <Checkbox checked={chosen.includes(type)} onChange={(e) => toggleAll([type], e.target.checked)}>
                <Typography.Text>{typeCount(t, type, count)}</Typography.Text>
              </Checkbox>
            )}
          />
        )}
      </Card>
    );
  };

  return (
    <Form form={form} component={false}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('contracts.elements.help')}
      </Typography.Paragraph>
      {missing && <Alert type="error" showIcon title={t('contracts.elements.required')} style={{ marginBottom: 12 }} />}
      {!data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            {group('patrimoine')}
          </Col>
          <Col xs={24} lg={12}>
            {group('equipment')}
          </Col>
        </Row>
      )}
      <Typography.Paragraph strong style={{ marginTop: 16 }}>
        {t('contracts.elements.selected', { count: selected.length, n: formatCount(total) })}
      </Typography.Paragraph>
      <WizardFooter onPrevious={onPrevious} saving={saving} onNext={onSave} nextLabel={t('contracts.wizard.finish')} />
    </Form>
  );
}
