import { type ServiceCode, type WorkType, workTypes } from '@raccord/schemas';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useCatalogueMutations } from './use-service-codes';

interface Values {
  code: string;
  label: string;
  workType?: WorkType | null;
  description?: string;
}

/** Adds a code to the catalogue of a métier, or edits one. */
export function CodeFormModal(props: {
  open: boolean;
  tradeId: string;
  code: ServiceCode | null;
  onClose: () => void;
}) {
  const { open, tradeId, code, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handleError = useErrorHandler();
  const { create, update } = useCatalogueMutations();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (code) form.setFieldsValue({ ...code, description: code.description ?? '' });
  }, [open, code, form]);

  const onFinish = (v: Values) => {
    const body = {
      code: v.code.trim(),
      label: v.label.trim(),
      workType: v.workType ?? null,
      description: v.description?.trim() || null,
    };
    const done = {
      onSuccess: () => {
        void message.success(t('serviceCodes.catalogue.saved', { code: body.code }));
        onClose();
      },
      onError: (e: unknown) => handleError(e, form),
    };
    if (code) update.mutate({ id: code.id, body }, done);
    else create.mutate({ tradeId, ...body }, done);
  };

  return (
    <Modal
      open={open}
      title={t(code ? 'serviceCodes.catalogue.editTitle' : 'serviceCodes.catalogue.addTitle')}
      okText={t(code ? 'common.save' : 'common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> name="service-code" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="code" label={t('serviceCodes.fields.code')} rules={[{ required: true, max: 40 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="label" label={t('serviceCodes.fields.label')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="workType" label={t('serviceCodes.fields.workType')}>
          <Select allowClear options={workTypes.map((w) => ({ value: w, label: t(`serviceCodes.workTypes.${w}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('serviceCodes.fields.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
