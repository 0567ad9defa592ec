import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { maxRule } from '../field-rules';

/** **Étiquettes**: free key/value pairs; keys are unique within the project. */
export function TagsField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('contracts.fields.tags')} tooltip={t('contracts.fields.tagsHelp')} style={{ marginBottom: 12 }}>
      <Form.List name="tags">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.length === 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('contracts.fields.noTags')}
              </Typography.Text>
            )}
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={[field.name, 'key']}
                  style={{ flex: '0 0 34%', marginBottom: 0 }}
                  dependencies={fields.filter((f) => f.key !== field.key).map((f) => ['tags', f.name, 'key'])}
                  rules={[
                    { required: true, whitespace: true, message: t('contracts.validation.tagKeyRequired') },
                    maxRule(t, 60),
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: unknown) => {
                        if (typeof value !== 'string' || value.trim() === '') return;
                        const all: unknown = getFieldValue('tags');
                        const keys = Array.isArray(all)
                          ? all.map((tag: unknown) =>
                              typeof tag === 'object' && tag !== null && 'key' in tag && typeof tag.key === 'string'
                                ? tag.key.trim().toLowerCase()
                                : '',
                            )
                          : [];
                        const firstIndex = keys.indexOf(value.trim().toLowerCase());
                        if (firstIndex !== field.name) throw new Error(t('contracts.validation.tagKeyDuplicate'));
                      },
                    }),
                  ]}
                >
                  <Input
                    placeholder={t('contracts.fields.tagKey')}
                    aria-label={t('contracts.fields.tagKey')}
                    maxLength={60}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} style={{ flex: 1, marginBottom: 0 }} rules={[maxRule(t, 200)]}>
                  <Input
                    placeholder={t('contracts.fields.tagValue')}
                    aria-label={t('contracts.fields.tagValue')}
                    maxLength={200}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('contracts.fields.removeTag')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            {fields.length < 50 && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', value: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('contracts.fields.addTag')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
