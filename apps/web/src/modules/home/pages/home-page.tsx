import { Alert, Col, Row } from 'antd';
import { useAuth, useCurrentUser } from '../../../app/auth';
import { PageHeader } from '../../../ui/page-header';
import { ConformanceTodoCard, ReviewWaitingCard } from '../components/conformance-cards';
import { OwnEnterpriseCard } from '../components/own-enterprise-card';
import { ScopeStatistics } from '../components/scope-statistics';
import { UserContextCard } from '../components/user-context-card';
import { SecretAttentionCard } from '../../secrets/index';
import { useHomeMessages } from '../messages';

export function HomePage() {
  const t = useHomeMessages();
  const user = useCurrentUser();
  const { can } = useAuth();
  const enterprisePerson = user.roles.some((role) => role === 'enterprise_admin' || role === 'enterprise_user');
  const overseesEnterprises = can('enterprise:read') && !enterprisePerson;

  return (
    <>
      <PageHeader title={t.welcome(user.displayName)} subtitle={t.subtitle} />
      <Row gutter={16}>
        <Col xs={24} xl={8} style={{ marginBottom: 16 }}>
          <UserContextCard user={user} />
        </Col>
        <Col xs={24} xl={16}>
          {can('assessment:review') && !enterprisePerson ? <ReviewWaitingCard /> : null}
          {overseesEnterprises ? <ScopeStatistics /> : null}
          {enterprisePerson ? (
            user.enterpriseId ? (
              <>
                <OwnEnterpriseCard enterpriseId={user.enterpriseId} />
                <SecretAttentionCard />
                {can('assessment:read') ? <ConformanceTodoCard /> : null}
              </>
            ) : (
              <Alert type="warning" showIcon title={t.noEnterprise} />
            )
          ) : null}
        </Col>
      </Row>
    </>
  );
}
