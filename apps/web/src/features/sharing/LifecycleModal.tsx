import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import type { LifecycleVerb } from './sharing.api';
import { useContractLifecycle } from './use-sharing';

interface Values {
  reason: string;
  confirm?: boolean;
}

/** Suspendre / Reprendre / Résilier, with a mandatory reason (and an explicit confirmation to terminate). */
export function LifecycleModal({
  contractId,
  verb,
  onClose,
}: {
  contractId: string;
  verb: LifecycleVerb | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const lifecycle = useContractLifecycle(contractId);
  const onError = useErrorHandler();
  const danger = verb === 'terminate' || verb === 'suspend';

  const submit = (values: Values) => {
    if (!verb) return;
    lifecycle.mutate(
      { verb, reason: values.reason.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Modal
      open={verb !== null}
      title={verb ? t(`sharing.lifecycle.${verb}.title`) : ''}
      okText={verb ? t(`sharing.lifecycle.${verb}.ok`) : ''}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: lifecycle.isPending, htmlType: 'submit' }}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {verb && (
        <Alert
          type={verb === 'terminate' ? 'error' : verb === 'suspend' ? 'warning' : 'info'}
          showIcon
          title={t(`sharing.lifecycle.${verb}.effect`)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} name="contract-lifecycle" layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          name="reason"
          label={t('sharing.lifecycle.reason')}
          extra={t('sharing.lifecycle.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('sharing.lifecycle.reasonRequired') },
            { min: 3, message: t('sharing.lifecycle.reasonRequired') },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
        {verb === 'terminate' && (
          <Form.Item
            name="confirm"
            valuePropName="checked"
            rules={[
              {
                validator: (_, value) =>
                  value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('sharing.lifecycle.terminate.confirmRequired'))),
              },
            ]}
          >
            <Checkbox>{t('sharing.lifecycle.terminate.confirm')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
