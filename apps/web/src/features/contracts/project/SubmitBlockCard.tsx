import { SendOutlined } from '@ant-design/icons';
import type { ContractParty, ContractProjectDetail } from '@raccord/schemas';
import { Alert, App, Button, Card, Flex, Form, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../ContactFields';
import { type ContactValues, fromContacts, toContacts } from '../contacts';
import { formatDateTime } from '../contract-format';
import { useProjectErrorHandler } from '../project-errors';
import { ReferenceField } from '../ReferenceField';
import { useSubmitParty } from '../use-contract-mutations';

interface SubmitValues {
  reference: string;
  contact: ContactValues;
}

interface SubmitBlockCardProps {
  projectId: string;
  version: number;
  party: ContractParty;
  onSubmitted: (saved: ContractProjectDetail) => void;
  /** The project changed meanwhile: the caller reloads it. */
  onStale: () => void;
  /** A narrow column: the contact fields stack. */
  compact?: boolean;
}

const aliases = { 'contacts.0': ['contact'], contacts: ['contact'] };

/** A provider's or third party's own block: its **référence de contrat** and a contact, then submit. */
export function SubmitBlockCard(props: SubmitBlockCardProps) {
  const { projectId, version, party, onSubmitted, onStale, compact = false } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SubmitValues>();
  const submit = useSubmitParty(projectId);
  const onError = useProjectErrorHandler();
  const [editing, setEditing] = useState(party.submittedAt === null);

  const onFinish = (values: SubmitValues) => {
    submit.mutate(
      { version, reference: values.reference.trim(), contacts: toContacts(values.contact) },
      {
        onSuccess: (saved) => {
          void message.success(t('contracts.submit.done'));
          onSubmitted(saved);
        },
        onError: (e) => {
          if (onError(e, form, aliases)) onStale();
        },
      },
    );
  };

  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8} align="center" style={{ padding: '4px 0' }}>
          <span>{t('contracts.submit.title', { name: party.organization.name })}</span>
          <Tag color="blue" variant="filled">
            {t('contracts.parties.yourBlock')}
          </Tag>
        </Flex>
      }
      style={{ borderTop: '3px solid #1f5faa' }}
    >
      {party.submittedAt && (
        <Alert
          type="success"
          showIcon
          title={t('contracts.submit.sent', { reference: party.reference, date: formatDateTime(party.submittedAt) })}
          description={editing ? t('contracts.submit.helpAgain') : undefined}
          action={
            editing ? null : (
              <Button size="small" onClick={() => setEditing(true)}>
                {t('contracts.submit.correct')}
              </Button>
            )
          }
          style={{ marginBottom: editing ? 16 : 0 }}
        />
      )}
      {editing && !party.submittedAt && (
        <Typography.Paragraph type="secondary">{t('contracts.submit.help')}</Typography.Paragraph>
      )}
      {editing && (
        <Form<SubmitValues>
          form={form}
          name="submit-block"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ reference: party.reference ?? '', contact: fromContacts(party.contacts) }}
        >
          <div style={{ maxWidth: 420 }}>
            <ReferenceField form={form} label={t('contracts.fields.ownReference')} required projectId={projectId} />
          </div>
          <ContactFields compact={compact} />
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending}>
              {t('contracts.submit.send')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
