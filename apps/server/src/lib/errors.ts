/** A field-level message, shown next to the form field it names. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one error type of Shangmi. `code` is a stable machine name (module-prefixed), `detail` is the
 * Chinese sentence a user reads. The error handler renders it as RFC 9457 problem+json.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;

  constructor(code: string, status: number, detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.detail = detail;
    this.errors = errors;
  }
}

export const notFound = (what = '记录'): AppError => new AppError('not_found', 404, `${what}不存在或无权访问`);
export const forbidden = (detail = '无权执行此操作'): AppError => new AppError('forbidden', 403, detail);
export const invalid = (errors: FieldError[], detail?: string): AppError =>
  new AppError('validation_failed', 400, detail ?? errors.map((e) => e.message).join('；'), errors);
export const conflict = (detail: string, errors?: FieldError[]): AppError =>
  new AppError('conflict', 409, detail, errors);
