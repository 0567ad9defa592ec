import type { ContractProjectDetail } from '@raccord/schemas';
import { Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../ContactFields';
import { type ContactValues, contactAliases, fromContacts, toContacts } from '../contacts';
import { partyOf } from '../contract-format';
import { PartyBlock } from '../PartyBlock';
import { ReferenceField } from '../ReferenceField';
import { NotifyModal, pendingInvitees } from './NotifyModal';
import type { StepProps } from './step-props';
import { useStepSave } from './use-step-save';
import { WizardFooter } from './WizardFooter';

interface ReferencesValues {
  reference: string;
  contact: ContactValues;
}

const aliases = { 'parties.owner.reference': ['reference'], ...contactAliases('parties.owner') };

/**
 * Step 4 **Informations par entité**: one block per party, only the owner's own editable here.
 * On **Suivant**, a dialog offers to notify the other parties.
 */
export function StepReferences({ project, onNext, onPrevious, onStale }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReferencesValues>();
  const { save, saving } = useStepSave(project, onStale);
  const [notifying, setNotifying] = useState<ContractProjectDetail | null>(null);
  if (!project) return null;
  const owner = partyOf(project, 'owner');
  const others = project.parties.filter((p) => p.role !== 'owner');

  const afterSave = (saved: ContractProjectDetail) => {
    // Offered while a party has no live link (never notified, expired or replaced); otherwise **Relancer**.
    const live = (status: string | undefined) => status === 'sent' || status === 'opened';
    if (pendingInvitees(saved).some((p) => !live(p.invitation?.status))) setNotifying(saved);
    else onNext(saved);
  };

  const onFinish = (values: ReferencesValues) => {
    const reference = values.reference.trim();
    const contacts = toContacts(values.contact);
    const unchanged =
      reference === owner?.reference && JSON.stringify(contacts) === JSON.stringify(owner?.contacts.slice(0, 1) ?? []);
    if (unchanged) return afterSave(project);
    save({ parties: { owner: { reference, contacts } } }, form, afterSave, aliases);
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('contracts.parties.blocksHelp')}
      </Typography.Paragraph>
      <Flex vertical gap={16}>
        {owner && (
          <PartyBlock party={owner} own>
            <Form<ReferencesValues>
              form={form}
              name="contract-references"
              layout="vertical"
              onFinish={onFinish}
              initialValues={{ reference: owner.reference ?? '', contact: fromContacts(owner.contacts) }}
            >
              <div style={{ maxWidth: 420 }}>
                <ReferenceField
                  form={form}
                  label={t('contracts.fields.ownReference')}
                  required
                  projectId={project.id}
                />
              </div>
              <ContactFields />
            </Form>
          </PartyBlock>
        )}
        {others.map((party) => (
          <PartyBlock key={party.role} party={party} />
        ))}
      </Flex>
      <div style={{ height: 16 }} />
      <WizardFooter onPrevious={onPrevious} saving={saving} onNext={() => form.submit()} />
      {notifying && (
        <NotifyModal
          project={notifying}
          open
          onStale={() => {
            setNotifying(null);
            onStale();
          }}
          onDone={(saved) => {
            const next = saved ?? notifying;
            setNotifying(null);
            onNext(next);
          }}
        />
      )}
    </>
  );
}
