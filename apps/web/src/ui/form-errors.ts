import type { FormInstance } from 'antd';
import type { ApiError } from '../api/client';
import type { ProblemFieldError } from '../api/types';

export interface FieldErrors {
  name: string;
  errors: string[];
}

export interface MappedProblem {
  /** Errors that belong to a field of the form, grouped by field. */
  fields: FieldErrors[];
  /** Errors for fields the form does not show; they are displayed above the form instead. */
  unmatched: string[];
}

/**
 * Reduces a field reference from the server to the form's top-level field name. The server may name a
 * field `uscc`, `/uscc` (JSON pointer), `body.uscc` or `honours/0`; the form only knows `uscc`/`honours`.
 */
export function topLevelField(field: string): string {
  const segments = field
    .replace(/^\/+/, '')
    .split(/[./[\]]+/)
    .filter((segment) => segment !== '');
  const withoutBody = segments[0] === 'body' ? segments.slice(1) : segments;
  return withoutBody[0] ?? '';
}

/** Maps problem+json `errors` onto the fields the form has; keeps the order the server gave. */
export function mapProblemErrors(errors: readonly ProblemFieldError[], formFields: readonly string[]): MappedProblem {
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const error of errors) {
    const name = topLevelField(error.field);
    if (name && formFields.includes(name)) {
      const list = byField.get(name) ?? [];
      if (!list.includes(error.message)) {
        list.push(error.message);
      }
      byField.set(name, list);
    } else {
      unmatched.push(error.field ? `${error.field}: ${error.message}` : error.message);
    }
  }
  return { fields: [...byField].map(([name, list]) => ({ name, errors: list })), unmatched };
}

/**
 * Puts a failed save's field errors on the form (values stay as typed) and returns the messages that
 * could not be placed on a field, including the problem's `detail` when no field error explains it.
 */
export function applyProblemToForm<Values>(
  form: FormInstance<Values>,
  error: ApiError,
  formFields: readonly string[],
): string[] {
  const mapped = mapProblemErrors(error.errors, formFields);
  if (mapped.fields.length > 0) {
    form.setFields(mapped.fields.map((field) => ({ name: field.name as never, errors: field.errors })));
    const first = mapped.fields[0];
    if (first) {
      form.scrollToField(first.name);
    }
  }
  if (mapped.fields.length === 0 && mapped.unmatched.length === 0) {
    return [error.detail ?? error.title];
  }
  return mapped.unmatched;
}
