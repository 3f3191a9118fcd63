import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { LoginRequest } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { LanguageSwitch } from '../../../ui/language-switch';
import { errorMessage } from '../../../ui/error-result';
import { useAuthMessages } from '../messages';

interface LoginLocationState {
  from?: string;
}

function redirectTarget(state: unknown): string {
  const from = (state as LoginLocationState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const t = useAuthMessages();
  const common = useCommonMessages();
  const { status, login } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginRequest>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (status === 'signed-in') {
    return <Navigate to={redirectTarget(location.state)} replace />;
  }

  const onFinish = async (values: LoginRequest) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await login({ username: values.username.trim(), password: values.password });
      await navigate(redirectTarget(location.state), { replace: true });
    } catch (error) {
      setFailure(errorMessage(error, common.networkError));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(135deg, #0f2a56 0%, #1f4e9c 55%, #3a6fc4 100%)',
        padding: 24,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch dark />
      </div>
      <Flex vertical align="center" style={{ marginBottom: 24, color: '#fff' }}>
        <SafetyCertificateOutlined style={{ fontSize: 44, marginBottom: 8 }} />
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 2 }}>
          {common.appName} · {common.appTitle}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', marginTop: 4 }}>{t.loginSubtitle}</Typography.Text>
      </Flex>
      <Card style={{ width: 400, maxWidth: '100%' }} title={t.loginTitle}>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            role="alert"
          />
        ) : null}
        <Form form={form} layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false}>
          <Form.Item
            label={t.username}
            name="username"
            rules={[{ required: true, whitespace: true, message: t.usernameRequired }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t.login}
          </Button>
        </Form>
      </Card>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', marginTop: 24, fontSize: 12 }}>
        {t.footer}
      </Typography.Text>
      <Flex gap={16} style={{ marginTop: 8, fontSize: 12 }} data-testid="public-links">
        <Link to="/public/stations" style={{ color: 'rgba(255,255,255,0.85)' }}>
          {t.publicStations}
        </Link>
        <Link to="/public/map" style={{ color: 'rgba(255,255,255,0.85)' }}>
          {t.publicMap}
        </Link>
      </Flex>
    </Flex>
  );
}
