import { Alert, Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { isApiError } from '../api/client';
import { useCommonMessages } from '../i18n/common';

export interface ErrorResultProps {
  error: unknown;
  onRetry?: () => void;
}

/** How a failed load looks: 404 and 403 as full results, anything else as an alert with a retry. */
export function ErrorResult({ error, onRetry }: ErrorResultProps) {
  const t = useCommonMessages();
  if (isApiError(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title={t.notFoundTitle}
        subTitle={t.notFound}
        data-testid="not-found"
        extra={
          <Link to="/">
            <Button type="primary">{t.backHome}</Button>
          </Link>
        }
      />
    );
  }
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title="403" subTitle={error.detail ?? t.forbidden} data-testid="forbidden" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t.loadFailed}
      description={errorMessage(error, t.networkError)}
      action={onRetry ? <Button onClick={onRetry}>{t.retry}</Button> : undefined}
    />
  );
}

/** The human sentence for an error: the problem's detail, else its title. */
export function errorMessage(error: unknown, networkMessage: string): string {
  if (isApiError(error)) {
    if (error.status === 0) {
      return networkMessage;
    }
    const sentence = error.detail ?? error.title;
    // A server fault is only traceable with its request id.
    return error.status >= 500 && error.requestId ? `${sentence}（${error.requestId}）` : sentence;
  }
  return error instanceof Error ? error.message : String(error);
}
