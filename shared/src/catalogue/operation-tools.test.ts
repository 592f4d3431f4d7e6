import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, OPERATIONS } from './operations.ts';
import { operationTools } from './operation-tools.ts';

describe('operation-tools', () => {
  describe('operationTools', () => {
    it('offers one tool per catalogue operation, in catalogue order', () => {
      expect(operationTools().map((t) => t.name)).toEqual(OPERATION_NAMES);
    });

    it('marks reads read-only, deleteTask destructive and no other operation destructive', () => {
      const tools = operationTools();
      for (const tool of tools) {
        expect(tool.annotations.readOnlyHint).toBe(!OPERATIONS[tool.name].mutates);
        expect(tool.annotations.openWorldHint).toBe(false);
      }
      expect(tools.filter((t) => t.annotations.destructiveHint).map((t) => t.name)).toEqual([
        'deleteTask',
      ]);
    });

    it('describes every input as a JSON Schema object a model can fill in', () => {
      for (const tool of operationTools()) {
        const schema = tool.inputJsonSchema();
        expect(schema.type, tool.name).toBe('object');
        expect(tool.description.length, tool.name).toBeLessThanOrEqual(300);
      }
      const create = operationTools(['createTask'])[0]!.inputJsonSchema();
      expect(create.required).toEqual(['title']);
    });
  });
});
