import { Button, Card, Descriptions, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../ui/error-result';
import { EnterpriseStatusTag, HonourTags, useEnterprise } from '../../enterprises';
import { useHomeMessages } from '../messages';

export interface OwnEnterpriseCardProps {
  enterpriseId: string;
}

export function OwnEnterpriseCard({ enterpriseId }: OwnEnterpriseCardProps) {
  const t = useHomeMessages();
  const enterprise = useEnterprise(enterpriseId);
  return (
    <Card
      title={t.myEnterprise}
      data-testid="own-enterprise"
      extra={
        <Link to={`/enterprises/${enterpriseId}`}>
          <Button type="link">{t.openEnterprise}</Button>
        </Link>
      }
    >
      {enterprise.isPending ? (
        <Skeleton active />
      ) : enterprise.isError ? (
        <ErrorResult error={enterprise.error} onRetry={() => void enterprise.refetch()} />
      ) : (
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'name', label: t.entName, children: enterprise.data.name },
            { key: 'uscc', label: t.entUscc, children: enterprise.data.uscc },
            { key: 'region', label: t.entRegion, children: enterprise.data.regionName },
            { key: 'industry', label: t.entIndustry, children: enterprise.data.industryName },
            { key: 'honours', label: t.entHonours, children: <HonourTags honours={enterprise.data.honours} /> },
            { key: 'status', label: t.entStatus, children: <EnterpriseStatusTag status={enterprise.data.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
