import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}

/** A real empty state: says what will appear here and how, never shows fake rows. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ padding: '48px 16px' }}
      description={
        <div style={{ maxWidth: 480, margin: '0 auto' }}>
          <Typography.Text strong style={{ display: 'block', fontSize: 15 }}>
            {title}
          </Typography.Text>
          {description && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
              {description}
            </Typography.Text>
          )}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
