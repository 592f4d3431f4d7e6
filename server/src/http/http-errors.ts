import type { Response } from 'express';
import type { z } from 'zod';
import {
  fieldIssues,
  HTTP_STATUS_BY_CODE,
  validationFailed,
  type AppError,
  type ErrorCode,
} from '@mindflow/shared';

// The core's stable codes as HTTP statuses (shared/'s one table); the body is always
// {"error":{code,message,details}}.

export function sendError(
  res: Response,
  error: AppError,
  status = HTTP_STATUS_BY_CODE[error.code],
): void {
  res.status(status).json({ error });
}

export function errorBody(
  code: ErrorCode,
  message: string,
  details?: AppError['details'],
): { error: AppError } {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** 400 validation_failed listing each field path and rule, as the core reports them. */
export function sendInvalid(res: Response, error: z.core.$ZodError): void {
  const result = validationFailed(fieldIssues(error));
  if (!result.ok) sendError(res, result.error);
}
