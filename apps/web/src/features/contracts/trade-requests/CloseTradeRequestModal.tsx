import type { TradeRequest } from '@raccord/schemas';
import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../../lib/use-error-handler';
import { codeFromLabel } from '../../trades/TradeFormModal';
import { maxRule } from '../field-rules';
import { useCloseTradeRequest } from '../use-contract-mutations';
import { useActiveTrades } from '../use-contract-queries';

type Outcome = 'create' | 'existing' | 'rejected';

interface CloseValues {
  outcome: Outcome;
  label?: string;
  code?: string;
  tradeId?: string;
  note?: string;
}

/** Service client: close a métier request — add the métier (new or existing) or refuse it. */
export function CloseTradeRequestModal({ request, onClose }: { request: TradeRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseTradeRequest();
  const trades = useActiveTrades();
  const handleError = useErrorHandler();
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (!request) return;
    form.resetFields();
    form.setFieldsValue({ outcome: 'create', label: request.label, code: codeFromLabel(request.label) });
  }, [request, form]);

  const onFinish = (v: CloseValues) => {
    if (!request) return;
    close.mutate(
      {
        id: request.id,
        outcome: v.outcome === 'rejected' ? 'rejected' : 'added',
        note: v.note?.trim() || undefined,
        newTrade: v.outcome === 'create' ? { label: (v.label ?? '').trim(), code: (v.code ?? '').trim() } : undefined,
        tradeId: v.outcome === 'existing' ? v.tradeId : undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('contracts.tradeRequests.closed'));
          onClose();
        },
        onError: (e) => handleError(e, form),
      },
    );
  };

  return (
    <Modal
      open={request !== null}
      title={t('contracts.tradeRequests.closeTitle', { label: request?.label ?? '' })}
      okText={t('contracts.tradeRequests.closeConfirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={close.isPending}
      forceRender
    >
      {request?.comment && <Typography.Paragraph type="secondary">« {request.comment} »</Typography.Paragraph>}
      <Form form={form} layout="vertical" name="close-trade-request" onFinish={onFinish}>
        <Form.Item name="outcome" label={t('contracts.tradeRequests.outcome')}>
          <Radio.Group
            options={[
              { value: 'create', label: t('contracts.tradeRequests.outcomes.create') },
              { value: 'existing', label: t('contracts.tradeRequests.outcomes.existing') },
              { value: 'rejected', label: t('contracts.tradeRequests.outcomes.rejected') },
            ]}
          />
        </Form.Item>
        {outcome === 'create' && (
          <>
            <Form.Item
              label={t('trades.fields.label')}
              name="label"
              rules={[{ required: true, whitespace: true, message: t('validation.required') }, maxRule(t, 120)]}
            >
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item
              label={t('trades.fields.code')}
              name="code"
              extra={t('trades.codeHelp')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: /^[A-Z0-9_]{2,40}$/, message: t('validation.tradeCode') },
              ]}
            >
              <Input maxLength={40} style={{ fontFamily: 'ui-monospace, monospace' }} />
            </Form.Item>
          </>
        )}
        {outcome === 'existing' && (
          <Form.Item
            label={t('contracts.tradeRequests.existingTrade')}
            name="tradeId"
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(trades.data?.items ?? []).map((tr) => ({ value: tr.id, label: tr.label }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('contracts.tradeRequests.note')} name="note" rules={[maxRule(t, 2000)]}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('contracts.tradeRequests.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
