import {
  type AssetDetail,
  type AssetKind,
  type CreateAssetBody,
  equipmentKinds,
  premisesKinds,
  type UpdateAssetBody,
} from '@raccord/schemas';
import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useCreateAsset, useUpdateAsset } from './use-assets';

interface FormValues {
  kind?: AssetKind;
  equipmentKind?: string;
  premisesKind?: string;
  reference: string;
  label: string;
  address?: string;
  postcode?: string;
  communeCode?: string;
  yearBuilt?: number | null;
  brand?: string;
  serialNumber?: string;
  commissioningDate?: string;
}

export type AssetFormTarget =
  | { mode: 'edit'; asset: AssetDetail }
  /** Adds under an element (`parentId`) or at the top of a commune (`communeCode`). */
  | { mode: 'create'; parentId: string | null; communeCode: string | null; kinds: AssetKind[] };

const attributeKeys = ['address', 'postcode', 'communeCode', 'brand', 'serialNumber', 'commissioningDate'] as const;

function attributes(values: FormValues, blank: null | undefined) {
  const out: Record<string, string | number | null | undefined> = {};
  for (const key of attributeKeys) out[key] = values[key]?.trim() || blank;
  out.yearBuilt = values.yearBuilt ?? blank;
  return out;
}

/** Edits an element's label and attributes, or adds a child of a valid kind. */
export function AssetFormModal({ target, onClose }: { target: AssetFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const create = useCreateAsset();
  const update = useUpdateAsset();
  const onError = useErrorHandler();
  const editing = target.mode === 'edit' ? target.asset : null;
  const shownKind = editing?.kind ?? kind;

  const initialValues: Partial<FormValues> = editing
    ? {
        reference: editing.reference,
        label: editing.label,
        address: editing.address ?? '',
        postcode: editing.postcode ?? '',
        communeCode: editing.communeCode ?? '',
        yearBuilt: editing.yearBuilt,
        brand: editing.brand ?? '',
        serialNumber: editing.serialNumber ?? '',
        commissioningDate: editing.commissioningDate ?? '',
      }
    : target.mode === 'create'
      ? { kind: target.kinds[0], communeCode: target.communeCode ?? '' }
      : {};

  const submit = async (values: FormValues) => {
    try {
      if (target.mode === 'edit') {
        const body = {
          reference: values.reference,
          label: values.label,
          ...attributes(values, null),
        } as UpdateAssetBody;
        await update.mutateAsync({ id: target.asset.id, body });
      } else {
        const body = {
          reference: values.reference,
          label: values.label,
          kind: values.kind,
          parentId: target.parentId,
          equipmentKind: values.kind === 'equipment' ? values.equipmentKind : undefined,
          premisesKind: values.kind === 'premises' ? values.premisesKind : undefined,
          ...attributes(values, undefined),
        } as CreateAssetBody;
        await create.mutateAsync(body);
      }
      onClose();
    } catch (error) {
      onError(error, form);
    }
  };

  const required = [{ required: true, message: t('assets.form.required') }];
  return (
    <Modal
      open
      width={640}
      title={editing ? t('assets.form.editTitle', { label: editing.label }) : t('assets.form.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark>
        {target.mode === 'create' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="kind" label={t('assets.form.kind')} rules={required}>
                <Select options={target.kinds.map((k) => ({ value: k, label: t(`assets.levels.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              {kind === 'equipment' && (
                <Form.Item name="equipmentKind" label={t('assets.form.equipmentKind')} rules={required}>
                  <Select options={equipmentKinds.map((k) => ({ value: k, label: t(`assets.equipmentKinds.${k}`) }))} />
                </Form.Item>
              )}
              {kind === 'premises' && (
                <Form.Item name="premisesKind" label={t('assets.form.premisesKind')}>
                  <Select options={premisesKinds.map((k) => ({ value: k, label: t(`assets.premisesKinds.${k}`) }))} />
                </Form.Item>
              )}
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="reference" label={t('assets.attributes.reference')} rules={required}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="label" label={t('assets.attributes.label')} rules={required}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('assets.attributes.address')}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="postcode" label={t('assets.attributes.postcode')}>
              <Input maxLength={5} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="communeCode" label={t('assets.attributes.communeCode')}>
              <Input maxLength={5} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="yearBuilt" label={t('assets.attributes.yearBuilt')}>
              <InputNumber min={1000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {shownKind === 'equipment' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="brand" label={t('assets.attributes.brand')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="serialNumber" label={t('assets.attributes.serialNumber')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="commissioningDate" label={t('assets.attributes.commissioningDate')}>
                <Input placeholder={t('assets.form.datePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}
