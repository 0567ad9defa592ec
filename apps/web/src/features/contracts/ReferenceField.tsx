import { CheckCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { contractReferenceSchema } from '@raccord/schemas';
import type { FormInstance } from 'antd';
import { Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { projectPath } from './contract-format';
import { referenceRules } from './field-rules';
import { useReferenceAvailability } from './use-contract-queries';

interface ReferenceFieldProps {
  form: FormInstance;
  name?: string;
  label: string;
  required: boolean;
  /** The project being edited: its own reference is not "taken". */
  projectId: string | undefined;
  extraHelp?: string;
}

/**
 * A party's **référence de contrat**, checked live while typing: "Référence disponible", or which
 * contract holds it. The server checks again on save (a unique index), so this is only a courtesy.
 */
export function ReferenceField({
  form,
  name = 'reference',
  label,
  required,
  projectId,
  extraHelp,
}: ReferenceFieldProps) {
  const { t } = useTranslation();
  const value: unknown = Form.useWatch(name, form);
  const typed = typeof value === 'string' ? value.trim() : '';
  const debounced = useDebouncedValue(typed, 350);
  const wellFormed = debounced !== '' && contractReferenceSchema.safeParse(debounced).success;
  const availability = useReferenceAvailability(wellFormed ? debounced : null, projectId);
  const result = availability.data?.reference === typed ? availability.data : undefined;
  const taken = result !== undefined && !result.available ? result : null;
  const takenRef = useRef(taken);
  takenRef.current = taken;

  // Show (or clear) the "taken" error at the field as soon as the answer arrives.
  useEffect(() => {
    if (result !== undefined && form.isFieldTouched(name)) void form.validateFields([name]).catch(() => undefined);
  }, [result, form, name]);

  const checking = typed !== '' && wellFormed && (typed !== debounced || availability.isFetching);
  let extra: ReactNode = extraHelp;
  if (checking) {
    extra = (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t('contracts.reference.checking')}
      </Typography.Text>
    );
  } else if (result?.available) {
    extra = (
      <Typography.Text type="success">
        <CheckCircleFilled /> {t('contracts.reference.available')}
      </Typography.Text>
    );
  } else if (taken?.heldBy && taken.heldBy.id !== projectId) {
    extra = (
      <Link to={projectPath(taken.heldBy.id)}>
        {t('contracts.reference.openHolder', { label: taken.heldBy.label })}
      </Link>
    );
  }

  return (
    <Form.Item
      label={label}
      name={name}
      tooltip={t('contracts.reference.tooltip')}
      extra={extra}
      rules={[
        ...referenceRules(t, required),
        {
          validator: async (_rule, v: unknown) => {
            const current = takenRef.current;
            if (current && typeof v === 'string' && v.trim() === current.reference) {
              throw new Error(
                current.heldBy
                  ? t('contracts.reference.takenBy', { label: current.heldBy.label })
                  : t('contracts.reference.taken'),
              );
            }
          },
        },
      ]}
    >
      <Input maxLength={100} autoComplete="off" placeholder={t('contracts.reference.placeholder')} />
    </Form.Item>
  );
}
