import type { ContractTag } from '@raccord/schemas';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { partyOf } from '../contract-format';
import { labelRules, maxRule } from '../field-rules';
import { useProjectErrorHandler } from '../project-errors';
import { ReferenceField } from '../ReferenceField';
import { useCreateProject } from '../use-contract-mutations';
import type { StepProps } from './step-props';
import { TagsField } from './TagsField';
import { useStepSave } from './use-step-save';
import { WizardFooter } from './WizardFooter';

interface InformationsValues {
  label: string;
  description?: string;
  tags?: ContractTag[];
  reference?: string;
}

const aliases = { 'parties.owner.reference': ['reference'] };

/** Step 1 **Informations du contrat**: creates the project (POST), then saves it (PATCH). */
export function StepInformations({ project, onNext, onPrevious, onStale }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InformationsValues>();
  const create = useCreateProject();
  const onError = useProjectErrorHandler();
  const { save, saving } = useStepSave(project, onStale);
  const ownReference = project ? (partyOf(project, 'owner')?.reference ?? null) : null;

  const onFinish = (values: InformationsValues) => {
    const label = values.label.trim();
    const description = values.description?.trim() ?? '';
    const tags = (values.tags ?? []).map((tag) => ({ key: tag.key.trim(), value: (tag.value ?? '').trim() }));
    const reference = values.reference?.trim() || null;
    if (!project) {
      create.mutate(
        { label, description: description || undefined, tags, reference: reference ?? undefined },
        { onSuccess: onNext, onError: (e) => onError(e, form, aliases) },
      );
      return;
    }
    save(
      {
        label,
        description: description || null,
        tags,
        ...(reference !== ownReference ? { parties: { owner: { reference } } } : {}),
      },
      form,
      onNext,
      aliases,
    );
  };

  return (
    <Form<InformationsValues>
      form={form}
      name="contract-informations"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        label: project?.label ?? '',
        description: project?.description ?? '',
        tags: project?.tags ?? [],
        reference: ownReference ?? '',
      }}
      style={{ maxWidth: 720 }}
    >
      <Form.Item
        label={t('contracts.fields.label')}
        name="label"
        extra={t('contracts.fields.labelHelp')}
        rules={labelRules(t)}
      >
        <Input maxLength={200} placeholder={t('contracts.fields.labelPlaceholder')} autoFocus={!project} />
      </Form.Item>
      <Form.Item label={t('contracts.fields.description')} name="description" rules={[maxRule(t, 5000)]}>
        <Input.TextArea rows={3} maxLength={5000} placeholder={t('contracts.fields.descriptionPlaceholder')} />
      </Form.Item>
      <TagsField />
      <ReferenceField
        form={form}
        label={t('contracts.fields.ownReference')}
        required={false}
        projectId={project?.id}
        extraHelp={t('contracts.fields.ownReferenceLater')}
      />
      <WizardFooter onPrevious={onPrevious} saving={saving || create.isPending} />
    </Form>
  );
}
