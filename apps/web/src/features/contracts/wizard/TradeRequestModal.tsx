import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../../lib/use-error-handler';
import { maxRule } from '../field-rules';
import { useRequestTrade } from '../use-contract-mutations';

interface TradeRequestValues {
  label: string;
  comment?: string;
}

/** "Votre métier n'est pas dans la liste ?": a request to the service client, sent from the step. */
export function TradeRequestModal({
  open,
  projectId,
  onClose,
}: {
  open: boolean;
  projectId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<TradeRequestValues>();
  const request = useRequestTrade();
  const handleError = useErrorHandler();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onFinish = (values: TradeRequestValues) => {
    request.mutate(
      { label: values.label.trim(), comment: values.comment?.trim() || undefined, projectId },
      {
        onSuccess: (sent) => {
          onClose();
          modal.success({
            title: t('contracts.tradeRequest.sentTitle'),
            content: t('contracts.tradeRequest.sent', { label: sent.label }),
          });
        },
        onError: (e) => handleError(e, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contracts.tradeRequest.title')}
      okText={t('contracts.tradeRequest.send')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={request.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('contracts.tradeRequest.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="trade-request" onFinish={onFinish}>
        <Form.Item
          label={t('contracts.tradeRequest.label')}
          name="label"
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, maxRule(t, 120)]}
        >
          <Input maxLength={120} placeholder={t('contracts.tradeRequest.labelPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('contracts.tradeRequest.comment')} name="comment" rules={[maxRule(t, 2000)]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('contracts.tradeRequest.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
