import type { Trade } from '@raccord/schemas';
import { App, Form, Input, Modal } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useCreateTrade, useUpdateTrade } from './use-trades';

interface TradeFormValues {
  code: string;
  label: string;
}

interface TradeFormModalProps {
  open: boolean;
  /** The trade to rename; none to add one. */
  trade: Trade | null;
  onClose: () => void;
}

/** Suggests a code from a label: "Chauffage collectif" → "CHAUFFAGE_COLLECTIF". */
export function codeFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

export function TradeFormModal({ open, trade, onClose }: TradeFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TradeFormValues>();
  const handleError = useErrorHandler();
  const create = useCreateTrade();
  const update = useUpdateTrade();

  // Set once the user types a code: from then on the label no longer rewrites it.
  const codeTyped = useRef(false);

  useEffect(() => {
    if (!open) return;
    codeTyped.current = false;
    form.resetFields();
    if (trade) form.setFieldsValue({ code: trade.code, label: trade.label });
  }, [open, trade, form]);

  const onFinish = ({ code, label }: TradeFormValues) => {
    const onSuccess = (key: string) => () => {
      void message.success(t(key, { label: label.trim() }));
      onClose();
    };
    if (trade) {
      update.mutate(
        { id: trade.id, body: { label: label.trim() } },
        { onSuccess: onSuccess('trades.renamed'), onError: (e) => handleError(e, form) },
      );
    } else {
      create.mutate(
        { code: code.trim(), label: label.trim() },
        { onSuccess: onSuccess('trades.created'), onError: (e) => handleError(e, form) },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={trade ? t('trades.renameTitle') : t('trades.createTitle')}
      okText={trade ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<TradeFormValues>
        name="trade"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        onValuesChange={(changed: Partial<TradeFormValues>) => {
          if (changed.code !== undefined) codeTyped.current = true;
          if (!trade && changed.label !== undefined && !codeTyped.current) {
            // A code derived from the label replaces the previous one, and its error with it.
            form.setFields([{ name: 'code', value: codeFromLabel(changed.label), errors: [] }]);
          }
        }}
      >
        <Form.Item
          label={t('trades.fields.label')}
          name="label"
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={120} placeholder={t('trades.labelPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('trades.fields.code')}
          name="code"
          extra={trade ? t('trades.codeLocked') : t('trades.codeHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: /^[A-Z0-9_]{2,40}$/, message: t('validation.tradeCode') },
          ]}
        >
          <Input disabled={trade !== null} maxLength={40} style={{ fontFamily: 'ui-monospace, monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
