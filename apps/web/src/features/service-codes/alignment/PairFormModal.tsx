import { type Alignment, type Pair, type PairRelation, pairRelations } from '@raccord/schemas';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface PairValues {
  ownerCode: string;
  providerCode?: string | null;
  relation: PairRelation;
  comment?: string;
}

/** Proposes a pair, or counter-proposes one in place of `replacing`. */
export function PairFormModal(props: {
  open: boolean;
  alignment: Alignment;
  replacing: Pair | null;
  loading: boolean;
  onSubmit: (v: PairValues) => void;
  onClose: () => void;
}) {
  const { open, alignment, replacing, loading, onSubmit, onClose } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<PairValues>();
  const relation = Form.useWatch('relation', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (replacing) form.setFieldsValue({ ...replacing, comment: '' });
    else form.setFieldsValue({ relation: 'equivalent' });
  }, [open, replacing, form]);

  const option = (c: { code: string; label: string }) => ({ value: c.code, label: `${c.code} — ${c.label}` });
  return (
    <Modal
      open={open}
      title={t(replacing ? 'serviceCodes.pairs.counterTitle' : 'serviceCodes.pairs.proposeTitle')}
      okText={t('serviceCodes.pairs.send')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      forceRender
    >
      <Form<PairValues>
        name="pair"
        form={form}
        layout="vertical"
        onFinish={(v) => onSubmit({ ...v, providerCode: v.relation === 'no_match' ? null : v.providerCode })}
      >
        <Form.Item
          name="ownerCode"
          label={t('serviceCodes.pairs.ownerCode', { name: alignment.owner.name })}
          rules={[{ required: true }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={alignment.ownerCatalogue.map(option)} />
        </Form.Item>
        <Form.Item name="relation" label={t('serviceCodes.pairs.relation')} rules={[{ required: true }]}>
          <Select options={pairRelations.map((r) => ({ value: r, label: t(`serviceCodes.relations.${r}`) }))} />
        </Form.Item>
        {relation !== 'no_match' && (
          <Form.Item
            name="providerCode"
            label={t('serviceCodes.pairs.providerCode', { name: alignment.provider.name })}
            rules={[{ required: true }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={alignment.providerCatalogue.map(option)} />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('serviceCodes.pairs.comment')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
