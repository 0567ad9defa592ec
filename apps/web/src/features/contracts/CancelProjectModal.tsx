import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useCancelProject } from './use-contract-mutations';

interface CancelProjectModalProps {
  project: { id: string; label: string } | null;
  onClose: () => void;
}

/** Cancelling asks why: the reason is kept in the project's history and frees the references. */
export function CancelProjectModal({ project, onClose }: CancelProjectModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelProject();
  const handleError = useErrorHandler();

  useEffect(() => {
    if (project) form.resetFields();
  }, [project, form]);

  const onFinish = ({ reason }: { reason: string }) => {
    if (!project) return;
    cancel.mutate(
      { id: project.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('contracts.cancel.done', { label: project.label }));
          onClose();
        },
        onError: (e) => handleError(e, form),
      },
    );
  };

  return (
    <Modal
      open={project !== null}
      title={t('contracts.cancel.title', { label: project?.label ?? '' })}
      okText={t('contracts.cancel.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('contracts.cancel.keep')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={cancel.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('contracts.cancel.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="cancel-project" onFinish={onFinish}>
        <Form.Item
          label={t('contracts.cancel.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('contracts.cancel.reasonRequired') },
            { max: 1000, message: t('contracts.validation.max', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('contracts.cancel.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
