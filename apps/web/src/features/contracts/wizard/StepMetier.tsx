import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Form, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { useActiveTrades } from '../use-contract-queries';
import type { StepProps } from './step-props';
import { TradePicker } from './TradePicker';
import { TradeRequestModal } from './TradeRequestModal';
import { useStepSave } from './use-step-save';
import { WizardFooter } from './WizardFooter';

/** Step 2 **Métier**: one of the platform's active métiers, or a request for a missing one. */
export function StepMetier({ project, onNext, onPrevious, onStale }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ tradeId: string | null }>();
  const trades = useActiveTrades();
  const { save, saving } = useStepSave(project, onStale);
  const [requesting, setRequesting] = useState(false);
  const current = project?.trade ?? null;

  // A métier deactivated since it was chosen stays shown for this project.
  const items = [...(trades.data?.items ?? [])];
  if (current && !items.some((tr) => tr.id === current.id)) {
    items.unshift({ ...current, isActive: false, createdAt: '' });
  }

  const onFinish = ({ tradeId }: { tradeId: string | null }) => {
    if (!project || !tradeId) return;
    if (tradeId === current?.id) return onNext(project);
    save({ tradeId }, form, onNext);
  };

  if (trades.isError) return <ErrorState error={trades.error} onRetry={() => void trades.refetch()} />;

  return (
    <>
      <Form
        form={form}
        name="contract-metier"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ tradeId: current?.id ?? null }}
      >
        {trades.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Form.Item
            label={t('contracts.trade.label')}
            name="tradeId"
            rules={[{ required: true, message: t('contracts.trade.required') }]}
          >
            <TradePicker trades={items} />
          </Form.Item>
        )}
        <Button
          type="link"
          icon={<QuestionCircleOutlined />}
          onClick={() => setRequesting(true)}
          style={{ paddingInline: 0 }}
        >
          {t('contracts.trade.missing')}
        </Button>
        <WizardFooter onPrevious={onPrevious} saving={saving} />
      </Form>
      <TradeRequestModal open={requesting} projectId={project?.id} onClose={() => setRequesting(false)} />
    </>
  );
}
