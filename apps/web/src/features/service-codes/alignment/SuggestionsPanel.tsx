import { BulbOutlined } from '@ant-design/icons';
import type { Suggestion } from '@raccord/schemas';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSuggestions } from '../use-service-codes';

/** Suggested pairs: each accepted (it becomes a proposal) or dismissed by a person. */
export function SuggestionsPanel(props: {
  contractId: string;
  canEdit: boolean;
  busy: boolean;
  onAccept: (s: Suggestion) => void;
  onDismiss: (s: Suggestion) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(props.contractId, true);
  const items = suggestions.data?.items ?? [];
  // A suggestion read before the last change may already be in the table: wait for the fresh list.
  const busy = props.busy || suggestions.isFetching;
  return (
    <Card
      size="small"
      title={
        <span>
          <BulbOutlined /> {t('serviceCodes.suggestions.title')}
        </span>
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceCodes.suggestions.empty')} />
      ) : (
        <List<Suggestion>
          size="small"
          aria-label={t('serviceCodes.suggestions.title')}
          dataSource={items}
          renderItem={(s) => (
            <List.Item
              actions={
                props.canEdit
                  ? [
                      <Button key="accept" size="small" type="link" disabled={busy} onClick={() => props.onAccept(s)}>
                        {t('serviceCodes.suggestions.accept')}
                      </Button>,
                      <Button key="dismiss" size="small" type="text" disabled={busy} onClick={() => props.onDismiss(s)}>
                        {t('serviceCodes.suggestions.dismiss')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2}>
                <span>
                  <Typography.Text code>{s.ownerCode}</Typography.Text> {s.ownerLabel} →{' '}
                  <Typography.Text code>{s.providerCode}</Typography.Text> {s.providerLabel}
                </span>
                <span>
                  <Tag color={s.source === 'history' ? 'green' : 'blue'}>
                    {t(`serviceCodes.suggestions.source.${s.source}`)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('serviceCodes.suggestions.score', { score: Math.round(s.score * 100) })}
                  </Typography.Text>
                </span>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
