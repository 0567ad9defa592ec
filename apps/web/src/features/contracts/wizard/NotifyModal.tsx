import { MailOutlined } from '@ant-design/icons';
import type { ContractProjectDetail, InviteeRole } from '@raccord/schemas';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationTag } from '../ContractTags';
import { emailRule } from '../field-rules';
import { useProjectErrorHandler } from '../project-errors';
import { useNotifyParties } from '../use-contract-mutations';

interface InviteeValues {
  role: InviteeRole;
  notify: boolean;
  email: string;
}

interface NotifyModalProps {
  project: ContractProjectDetail;
  open: boolean;
  /** Called with the project after notifying, or with null when the user skips. */
  onDone: (saved: ContractProjectDetail | null) => void;
  onStale: () => void;
}

/** The parties that still have their block to fill. */
export function pendingInvitees(project: ContractProjectDetail) {
  return project.parties.filter(
    (p): p is typeof p & { role: InviteeRole } => p.role !== 'owner' && p.submittedAt === null,
  );
}

/** End of step 4: notify the provider (and the third party), pre-filled with their onboarding contact. */
export function NotifyModal({ project, open, onDone, onStale }: NotifyModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ invitees: InviteeValues[] }>();
  const notify = useNotifyParties(project.id);
  const onError = useProjectErrorHandler();
  const invitees = pendingInvitees(project);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      invitees: pendingInvitees(project).map((p) => {
        const live = p.invitation?.status === 'sent' || p.invitation?.status === 'opened';
        return { role: p.role, notify: !live, email: p.invitation?.email ?? p.organization.onboardingEmail ?? '' };
      }),
    });
  }, [open, form, project]);

  const onFinish = ({ invitees: values }: { invitees: InviteeValues[] }) => {
    const chosen = values.map((v, index) => ({ ...v, index })).filter((v) => v.notify);
    if (chosen.length === 0) return onDone(null);
    const aliases = Object.fromEntries(chosen.map((c, i) => [`invitees.${i}`, ['invitees', c.index]]));
    notify.mutate(
      { version: project.version, invitees: chosen.map((c) => ({ role: c.role, email: c.email.trim() })) },
      {
        onSuccess: (saved) => {
          void message.success(t('contracts.notify.sent', { count: chosen.length }));
          onDone(saved);
        },
        onError: (e) => {
          if (onError(e, form, aliases)) onStale();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contracts.notify.title')}
      onCancel={() => onDone(null)}
      width={620}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => onDone(null)} disabled={notify.isPending}>
            {t('contracts.notify.skip')}
          </Button>
          <Button type="primary" icon={<MailOutlined />} loading={notify.isPending} onClick={() => form.submit()}>
            {t('contracts.notify.send')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('contracts.notify.help')}</Typography.Paragraph>
      <Form form={form} name="notify-parties" layout="vertical" onFinish={onFinish}>
        <Form.List name="invitees">
          {(fields) =>
            fields.map((field) => {
              const party = invitees[field.name];
              if (!party) return null;
              return (
                <div key={field.key} style={{ marginBottom: 12 }}>
                  <Form.Item name={[field.name, 'role']} hidden>
                    <Input />
                  </Form.Item>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Form.Item name={[field.name, 'notify']} valuePropName="checked" style={{ marginBottom: 6 }}>
                      <Checkbox>
                        <Typography.Text strong>
                          {t('contracts.notify.notifyParty', {
                            role: t(`contracts.roles.${party.role}`).toLowerCase(),
                            name: party.organization.name,
                          })}
                        </Typography.Text>
                      </Checkbox>
                    </Form.Item>
                    {party.invitation && <InvitationTag invitation={party.invitation} />}
                  </Flex>
                  <Form.Item noStyle dependencies={[['invitees', field.name, 'notify']]}>
                    {({ getFieldValue }) => (
                      <Form.Item
                        name={[field.name, 'email']}
                        label={t('contracts.notify.email')}
                        extra={
                          party.organization.onboardingEmail
                            ? t('contracts.notify.onboarding', { email: party.organization.onboardingEmail })
                            : t('contracts.notify.noOnboarding')
                        }
                        rules={[
                          {
                            required: getFieldValue(['invitees', field.name, 'notify']) === true,
                            whitespace: true,
                            message: t('contracts.notify.emailRequired'),
                          },
                          emailRule(t),
                        ]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input
                          prefix={<MailOutlined style={{ color: '#8c95a3' }} />}
                          type="email"
                          disabled={getFieldValue(['invitees', field.name, 'notify']) !== true}
                          aria-label={t('contracts.notify.emailOf', { name: party.organization.name })}
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                </div>
              );
            })
          }
        </Form.List>
      </Form>
    </Modal>
  );
}
