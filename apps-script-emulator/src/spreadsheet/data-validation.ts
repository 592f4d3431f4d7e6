import {
  API_LABEL,
  ApiObject,
  gasEnum,
  ServiceError,
  type EnumValue,
} from '../runtime/api-object.ts';
import type { CellValue } from './cell-values.ts';

export const DataValidationCriteria = gasEnum([
  'VALUE_IN_LIST',
  'NUMBER_BETWEEN',
  'CHECKBOX',
  'CUSTOM_FORMULA',
] as const);

interface ValidationSpec {
  criteria: EnumValue;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class DataValidation extends ApiObject {
  readonly [API_LABEL] = 'DataValidation';
  readonly #spec: ValidationSpec;

  constructor(spec: ValidationSpec) {
    super();
    this.#spec = spec;
  }

  getCriteriaType(): EnumValue {
    return this.#spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.#spec.values];
  }

  getAllowInvalid(): boolean {
    return this.#spec.allowInvalid;
  }

  getHelpText(): string | null {
    return this.#spec.helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this.#spec, values: [...this.#spec.values] });
  }
}

export class DataValidationBuilder extends ApiObject {
  readonly [API_LABEL] = 'DataValidationBuilder';
  // Sheets' own default: a new rule warns on invalid input rather than rejecting it.
  #spec: ValidationSpec = {
    criteria: DataValidationCriteria.VALUE_IN_LIST,
    values: [],
    allowInvalid: true,
    helpText: null,
  };
  #hasCriteria = false;

  constructor(spec?: ValidationSpec) {
    super();
    if (spec) {
      this.#spec = spec;
      this.#hasCriteria = true;
    }
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.#criteria(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.#criteria(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }

  requireCheckbox(): this {
    return this.#criteria(DataValidationCriteria.CHECKBOX, []);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.#criteria(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.#spec = { ...this.#spec, allowInvalid };
    return this;
  }

  setHelpText(helpText: string): this {
    this.#spec = { ...this.#spec, helpText };
    return this;
  }

  build(): DataValidation {
    if (!this.#hasCriteria) throw new ServiceError('You must specify a data validation criteria.');
    return new DataValidation({ ...this.#spec });
  }

  #criteria(criteria: EnumValue, values: unknown[]): this {
    this.#spec = { ...this.#spec, criteria, values };
    this.#hasCriteria = true;
    return this;
  }
}

/** Whether a rule that rejects invalid input lets this value in. Empty always passes. */
export function validationAccepts(rule: DataValidation, value: CellValue): boolean {
  if (value === '') return true;
  const [first, second] = rule.getCriteriaValues();
  switch (rule.getCriteriaType()) {
    case DataValidationCriteria.VALUE_IN_LIST:
      return ((first as unknown[]) ?? []).map(String).includes(String(value));
    case DataValidationCriteria.NUMBER_BETWEEN:
      return typeof value === 'number' && value >= Number(first) && value <= Number(second);
    case DataValidationCriteria.CHECKBOX:
      return typeof value === 'boolean';
    default:
      return true;
  }
}
