import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A secret the server returns once (an API key, a webhook's signing secret): a warning, the secret
 * with a copy button. The body of the creation modal once the secret is back (the same modal, so it
 * does not close and reopen).
 */
export function SecretShownOnce({
  warning,
  label,
  secret,
  copy,
  copied,
  testId,
}: {
  warning: ReactNode;
  label: ReactNode;
  secret: string;
  copy: string;
  copied: string;
  testId: string;
}) {
  return (
    <>
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text: secret, tooltips: [copy, copied] }}
        code
        style={{ fontSize: 14, marginTop: 4, wordBreak: 'break-all' }}
        data-testid={testId}
      >
        {secret}
      </Typography.Paragraph>
    </>
  );
}
