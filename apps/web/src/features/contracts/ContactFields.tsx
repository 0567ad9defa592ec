import { MailOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { emailRule, maxRule, phoneRule } from './field-rules';

/** The party's **contact** (optional, advised): name, e-mail, phone. */
export function ContactFields({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {t('contracts.contact.title')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginBottom: 12 }}>
        {t('contracts.contact.help')}
      </Typography.Text>
      <Row gutter={12}>
        <Col xs={24} md={compact ? 24 : 8}>
          <Form.Item label={t('contracts.contact.name')} name={['contact', 'name']} rules={[maxRule(t, 120)]}>
            <Input prefix={<UserOutlined style={{ color: '#8c95a3' }} />} maxLength={120} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={compact ? 14 : 8}>
          <Form.Item label={t('contracts.contact.email')} name={['contact', 'email']} rules={[emailRule(t)]}>
            <Input
              prefix={<MailOutlined style={{ color: '#8c95a3' }} />}
              maxLength={254}
              type="email"
              autoComplete="email"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={compact ? 10 : 8}>
          <Form.Item label={t('contracts.contact.phone')} name={['contact', 'phone']} rules={[phoneRule(t)]}>
            <Input prefix={<PhoneOutlined style={{ color: '#8c95a3' }} />} maxLength={25} autoComplete="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
