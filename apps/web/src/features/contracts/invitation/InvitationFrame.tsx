import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { LogoMark } from '../../../components/LogoMark';
import { LanguageSwitch } from '../../account/LanguageSwitch';

/** The public frame of an invitation link: no navigation, the product's mark and the language. */
export function InvitationFrame({ children }: { children: ReactNode }) {
  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'radial-gradient(1200px 600px at 10% -10%, #dce8f7 0%, transparent 60%), #f4f6fa',
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '16px 32px' }}>
        <LogoMark size={32} textColor="#0e2a4d" />
        <LanguageSwitch size="middle" />
      </Flex>
      <main style={{ width: '100%', maxWidth: 1120, margin: '0 auto', padding: '8px 24px 64px' }}>{children}</main>
    </Flex>
  );
}
