import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { Pair } from '@raccord/schemas';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { useErrorHandler } from '../../../lib/use-error-handler';
import { CodesStateTag } from '../CodesStateTag';
import type { TableAction } from '../service-codes.api';
import { useAlignment, useDismissSuggestion, useTableAction } from '../use-service-codes';
import { CommentModal } from './CommentModal';
import { PairFormModal, type PairValues } from './PairFormModal';
import { PairsTable } from './PairsTable';
import { SuggestionsPanel } from './SuggestionsPanel';
import { VersionHistory } from './VersionHistory';

type Dialog =
  | { kind: 'propose' }
  | { kind: 'counter'; pair: Pair }
  | { kind: 'reject'; pair: Pair }
  | { kind: 'send-back' }
  | null;

/** **Codes de prestation** of an active contract: the alignment table, suggestions, versions, submission. */
export function ContractCodesSection({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useErrorHandler();
  const alignment = useAlignment(contractId);
  const action = useTableAction(contractId);
  const dismiss = useDismissSuggestion(contractId);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (alignment.isPending) {
    return (
      <Card variant="borderless" title={t('serviceCodes.section.title')}>
        <Skeleton active />
      </Card>
    );
  }
  if (alignment.isError) return <ErrorState error={alignment.error} onRetry={() => void alignment.refetch()} />;
  const a = alignment.data;
  const version = a.version;
  const run = (act: TableAction, done: string) =>
    action.mutate(act, {
      onSuccess: () => {
        void message.success(t(done));
        setDialog(null);
      },
      onError: (e) => handleError(e),
    });
  const body = (v: PairValues) => ({
    expectedVersion: version,
    ownerCode: v.ownerCode,
    providerCode: v.providerCode ?? null,
    relation: v.relation,
    comment: v.comment?.trim() || null,
  });

  return (
    <Card
      id="codes"
      variant="borderless"
      title={
        <Flex gap={8} align="center">
          {t('serviceCodes.section.title')} <CodesStateTag state={a.state} />
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('serviceCodes.versions.version', { n: version })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {a.permissions.canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'propose' })}>
              {t('serviceCodes.pairs.propose')}
            </Button>
          )}
          {a.permissions.canSubmit && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={action.isPending}
              onClick={() => run({ kind: 'submit', expectedVersion: version }, 'serviceCodes.section.submitted')}
            >
              {t('serviceCodes.section.submit')}
            </Button>
          )}
          {a.permissions.canIntegrate && (
            <>
              <Button onClick={() => setDialog({ kind: 'send-back' })}>{t('serviceCodes.submissions.sendBack')}</Button>
              <Button
                type="primary"
                loading={action.isPending}
                onClick={() =>
                  run({ kind: 'integrate', expectedVersion: version }, 'serviceCodes.submissions.integrated')
                }
              >
                {t('serviceCodes.submissions.integrate')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t(`serviceCodes.section.help.${a.state}`)}</Typography.Text>
        {a.returnComment && (
          <Alert type="warning" showIcon title={t('serviceCodes.section.returned', { comment: a.returnComment })} />
        )}
        {a.ownerCatalogue.length === 0 || a.providerCatalogue.length === 0 ? (
          <Alert type="info" showIcon title={t('serviceCodes.section.noCatalogue', { trade: a.trade.label })} />
        ) : null}
        {a.state !== 'submitted' && a.state !== 'integrated' && a.uncoveredOwnerCodes.length > 0 && (
          <Typography.Text>
            {t('serviceCodes.section.uncovered', { codes: a.uncoveredOwnerCodes.join(', ') })}
          </Typography.Text>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <PairsTable
              alignment={a}
              busy={action.isPending}
              on={{
                accept: (p) =>
                  run({ kind: 'accept', pairId: p.id, expectedVersion: version }, 'serviceCodes.pairs.accepted'),
                reject: (p) => setDialog({ kind: 'reject', pair: p }),
                counter: (p) => setDialog({ kind: 'counter', pair: p }),
                remove: (p) =>
                  run({ kind: 'remove', pairId: p.id, expectedVersion: version }, 'serviceCodes.pairs.removed'),
              }}
            />
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              {a.state !== 'integrated' && a.state !== 'submitted' && (
                <SuggestionsPanel
                  contractId={contractId}
                  canEdit={a.permissions.canEdit}
                  busy={action.isPending || dismiss.isPending}
                  onAccept={(s) =>
                    run(
                      {
                        kind: 'propose',
                        body: {
                          expectedVersion: version,
                          ownerCode: s.ownerCode,
                          providerCode: s.providerCode,
                          relation: s.relation,
                        },
                      },
                      'serviceCodes.pairs.proposed',
                    )
                  }
                  onDismiss={(s) =>
                    dismiss.mutate(
                      { ownerCode: s.ownerCode, providerCode: s.providerCode },
                      { onError: (e) => handleError(e) },
                    )
                  }
                />
              )}
              <VersionHistory contractId={contractId} />
            </Flex>
          </Col>
        </Row>
      </Flex>
      <PairFormModal
        open={dialog?.kind === 'propose' || dialog?.kind === 'counter'}
        alignment={a}
        replacing={dialog?.kind === 'counter' ? dialog.pair : null}
        loading={action.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(v) =>
          dialog?.kind === 'counter'
            ? run({ kind: 'counter', pairId: dialog.pair.id, body: body(v) }, 'serviceCodes.pairs.proposed')
            : run({ kind: 'propose', body: body(v) }, 'serviceCodes.pairs.proposed')
        }
      />
      <CommentModal
        open={dialog?.kind === 'reject' || dialog?.kind === 'send-back'}
        title={t(
          dialog?.kind === 'reject' ? 'serviceCodes.pairs.rejectTitle' : 'serviceCodes.submissions.sendBackTitle',
        )}
        label={t('serviceCodes.pairs.comment')}
        okText={t(dialog?.kind === 'reject' ? 'serviceCodes.pairs.reject' : 'serviceCodes.submissions.sendBack')}
        loading={action.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(comment) =>
          dialog?.kind === 'reject'
            ? run(
                { kind: 'reject', pairId: dialog.pair.id, expectedVersion: version, comment },
                'serviceCodes.pairs.rejected',
              )
            : run({ kind: 'send-back', expectedVersion: version, comment }, 'serviceCodes.submissions.sentBack')
        }
      />
    </Card>
  );
}
