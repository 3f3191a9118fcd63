import { ApiError } from '../api/client';
import { ErrorResult } from '../ui/error-result';

const NOT_FOUND = new ApiError(404, { title: 'Not Found' });

export function NotFoundPage() {
  return <ErrorResult error={NOT_FOUND} />;
}
