import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Button, Divider, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface WizardFooterProps {
  onPrevious: (() => void) | null;
  saving: boolean;
  /** The label of the main button (default **Suivant**). */
  nextLabel?: string;
  /** Submits the form by default; a step without a form passes its own handler. */
  onNext?: () => void;
  extra?: ReactNode;
}

/** **Précédent** / **Suivant**: every Suivant saves the step on the server. */
export function WizardFooter({ onPrevious, saving, nextLabel, onNext, extra }: WizardFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <Divider style={{ margin: '8px 0 16px' }} />
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={8} align="center">
          {onPrevious && (
            <Button icon={<ArrowLeftOutlined />} onClick={onPrevious} disabled={saving}>
              {t('contracts.wizard.previous')}
            </Button>
          )}
          {extra}
        </Flex>
        <Button
          type="primary"
          htmlType={onNext ? 'button' : 'submit'}
          onClick={onNext}
          loading={saving}
          icon={<ArrowRightOutlined />}
          iconPlacement="end"
          style={{ marginInlineStart: 'auto' }}
        >
          {nextLabel ?? t('contracts.wizard.next')}
        </Button>
      </Flex>
    </>
  );
}
