import type { z } from 'zod';
import { jsonSchemaOf, type JsonSchema } from '../openapi/json-schema.ts';
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationDef,
  type OperationName,
} from './operations.ts';

/** MCP's tool annotations, which also tell an assistant what needs the person's consent. */
export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  /** Every operation touches only MindFlow's own data. */
  openWorldHint: false;
}

/** One catalogue operation as a tool: what the MCP server and the assistant both list. */
export interface OperationTool {
  name: OperationName;
  title: string;
  description: string;
  input: z.ZodType;
  output: z.ZodType;
  annotations: ToolAnnotations;
  /** What a caller sends, as JSON Schema (draft 2020-12). */
  inputJsonSchema: () => JsonSchema;
  /** What a successful call returns, as JSON Schema (draft 2020-12). */
  outputJsonSchema: () => JsonSchema;
}

export function operationTool(name: OperationName): OperationTool {
  const op = OPERATIONS[name] as OperationDef;
  return {
    name,
    title: op.summary,
    description: op.description,
    input: op.input,
    output: op.output,
    annotations: {
      title: op.summary,
      readOnlyHint: !op.mutates,
      // MCP reads destructiveHint only on writes, and defaults it to true: say it always.
      destructiveHint: op.destructive,
      idempotentHint: op.idempotent,
      openWorldHint: false,
    },
    inputJsonSchema: () => jsonSchemaOf(op.input, 'input'),
    outputJsonSchema: () => jsonSchemaOf(op.output, 'output'),
  };
}

/** Every operation of the catalogue as a tool, in catalogue order; none is listed by hand. */
export function operationTools(names: readonly OperationName[] = OPERATION_NAMES): OperationTool[] {
  return names.map(operationTool);
}
