import { LoadingOutlined } from '@ant-design/icons';
import type { ContractProjectDetail } from '@raccord/schemas';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../contract-format';

/** What the project is waiting for, in one sentence; the activation's progress while validating. */
export function ProjectStatusBanner({ project }: { project: ContractProjectDetail }) {
  const { t } = useTranslation();
  const { attempts, lastError } = project.validation;
  const style = { marginBottom: 16 };
  switch (project.state) {
    case 'validating':
      return (
        <Alert
          type="info"
          showIcon
          icon={<LoadingOutlined />}
          title={t('contracts.banner.validating')}
          description={
            attempts > 1 || lastError
              ? t('contracts.banner.validatingRetry', { attempts, error: lastError ?? '' })
              : t('contracts.banner.validatingHelp')
          }
          style={style}
        />
      );
    case 'active':
      return (
        <Alert
          type="success"
          showIcon
          title={t('contracts.banner.active', { date: formatDateTime(project.activatedAt) })}
          description={t('contracts.banner.activeHelp')}
          style={style}
        />
      );
    case 'cancelled':
      return (
        <Alert
          type="error"
          showIcon
          title={t('contracts.banner.cancelled', { date: formatDateTime(project.stateEnteredAt) })}
          description={project.cancelReason}
          style={style}
        />
      );
    case 'ready_to_validate':
      return (
        <Alert
          type={lastError ? 'warning' : 'success'}
          showIcon
          title={t(project.permissions.canValidate ? 'contracts.banner.readyOwner' : 'contracts.banner.ready')}
          description={lastError ? t('contracts.banner.failed', { attempts, error: lastError }) : undefined}
          style={style}
        />
      );
    default:
      return null;
  }
}
