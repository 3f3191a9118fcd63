import { Card } from 'antd';
import { PageHeader } from '../../../ui/page-header';
import { useSecretMessages } from '../messages';
import { AccessTab } from './point-detail-page';

/** The enterprise admin's view of every content read, acknowledgement and export. */
export function AccessLogPage() {
  const t = useSecretMessages();
  return (
    <>
      <PageHeader title={t.accessLogTitle} subtitle={t.accessLogSubtitle} />
      <Card>
        <AccessTab />
      </Card>
    </>
  );
}
