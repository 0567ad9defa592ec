import { CloseOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/use-session';
import { partyOf } from '../contract-format';
import { OrganizationSearch, type PickedOrganization } from './OrganizationSearch';
import { PickedOrganizationCard } from './PickedOrganizationCard';
import type { StepProps } from './step-props';
import { useStepSave } from './use-step-save';
import { WizardFooter } from './WizardFooter';

interface EntitesValues {
  providerId: string | null;
  thirdPartyId: string | null;
}

/** Step 3 **Entités**: the provider from the directory and, for a tripartite contract, a third party. */
export function StepEntites({ project, onNext, onPrevious, onStale }: StepProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<EntitesValues>();
  const { save, saving } = useStepSave(project, onStale);
  const provider = project ? partyOf(project, 'provider') : undefined;
  const third = project ? partyOf(project, 'thirdParty') : undefined;
  const [picked, setPicked] = useState<Record<'provider' | 'thirdParty', PickedOrganization | null>>({
    provider: provider?.organization ?? null,
    thirdParty: third?.organization ?? null,
  });
  const [showThird, setShowThird] = useState(third !== undefined);
  const providerId = Form.useWatch('providerId', form);
  const thirdPartyId = Form.useWatch('thirdPartyId', form);
  const ownId = session.organization.id;

  const onFinish = (values: EntitesValues) => {
    if (!project) return;
    const nextThird = showThird ? values.thirdPartyId : null;
    const before = { providerId: provider?.organization.id ?? null, thirdPartyId: third?.organization.id ?? null };
    if (values.providerId === before.providerId && nextThird === before.thirdPartyId) return onNext(project);
    save({ providerId: values.providerId, thirdPartyId: nextThird }, form, onNext);
  };

  const changeWarning =
    project && project.state !== 'draft' ? (
      <Typography.Paragraph type="warning" style={{ fontSize: 13 }}>
        {t('contracts.parties.changeRevokes')}
      </Typography.Paragraph>
    ) : null;

  return (
    <Form<EntitesValues>
      form={form}
      name="contract-entites"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ providerId: provider?.organization.id ?? null, thirdPartyId: third?.organization.id ?? null }}
      style={{ maxWidth: 760 }}
    >
      {changeWarning}
      <Form.Item
        label={t('contracts.parties.provider')}
        name="providerId"
        extra={t('contracts.parties.providerHelp')}
        rules={[{ required: true, message: t('contracts.parties.providerRequired') }]}
      >
        <OrganizationSearch
          kind="provider"
          excludeIds={[ownId, ...(thirdPartyId ? [thirdPartyId] : [])]}
          known={picked.provider}
          onPick={(org) => setPicked((p) => ({ ...p, provider: org }))}
          placeholder={t('contracts.parties.searchProvider')}
          ariaLabel={t('contracts.parties.provider')}
        />
      </Form.Item>
      {providerId && picked.provider && <PickedOrganizationCard org={picked.provider} />}

      <div style={{ marginTop: 24 }}>
        {showThird ? (
          <>
            <Flex justify="space-between" align="center">
              <Typography.Text strong>{t('contracts.parties.thirdParty')}</Typography.Text>
              <Button
                type="link"
                size="small"
                icon={<CloseOutlined />}
                onClick={() => {
                  setShowThird(false);
                  form.setFieldValue('thirdPartyId', null);
                }}
              >
                {t('contracts.parties.removeThird')}
              </Button>
            </Flex>
            <Form.Item
              name="thirdPartyId"
              extra={t('contracts.parties.thirdHelp')}
              rules={[{ required: true, message: t('contracts.parties.thirdRequired') }]}
              style={{ marginTop: 8 }}
            >
              <OrganizationSearch
                kind={undefined}
                excludeIds={[ownId, ...(providerId ? [providerId] : [])]}
                known={picked.thirdParty}
                onPick={(org) => setPicked((p) => ({ ...p, thirdParty: org }))}
                placeholder={t('contracts.parties.searchThird')}
                ariaLabel={t('contracts.parties.thirdParty')}
              />
            </Form.Item>
            {thirdPartyId && picked.thirdParty && <PickedOrganizationCard org={picked.thirdParty} />}
          </>
        ) : (
          <Button icon={<UsergroupAddOutlined />} onClick={() => setShowThird(true)} disabled={!providerId}>
            {t('contracts.parties.addThird')}
          </Button>
        )}
      </div>
      <div style={{ height: 16 }} />
      <WizardFooter onPrevious={onPrevious} saving={saving} />
    </Form>
  );
}
