import {
  API_LABEL,
  ApiObject,
  gasEnum,
  ServiceError,
  type EnumValue,
} from '../runtime/api-object.ts';

export const BooleanCriteria = gasEnum([
  'CUSTOM_FORMULA',
  'TEXT_EQUAL_TO',
  'TEXT_CONTAINS',
  'CELL_EMPTY',
] as const);

interface ConditionalSpec {
  criteria: EnumValue | null;
  values: unknown[];
  format: { background?: string; fontColor?: string; bold?: boolean };
  ranges: ApiObject[];
}

/** The condition of a boolean rule, as Apps Script hands it out. */
export class BooleanCondition extends ApiObject {
  readonly [API_LABEL] = 'BooleanCondition';
  readonly #criteria: EnumValue;
  readonly #values: unknown[];

  constructor(criteria: EnumValue, values: unknown[]) {
    super();
    this.#criteria = criteria;
    this.#values = values;
  }

  getCriteriaType(): EnumValue {
    return this.#criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.#values];
  }

  getBackground(): string | null {
    return null;
  }
}

export class ConditionalFormatRule extends ApiObject {
  readonly [API_LABEL] = 'ConditionalFormatRule';
  readonly #spec: ConditionalSpec;

  constructor(spec: ConditionalSpec) {
    super();
    this.#spec = spec;
  }

  /** Every rule the builder makes is boolean (no gradients are emulated). */
  getBooleanCondition(): BooleanCondition | null {
    return this.#spec.criteria
      ? new BooleanCondition(this.#spec.criteria, this.#spec.values)
      : null;
  }

  getRanges(): ApiObject[] {
    return [...this.#spec.ranges];
  }

  /** Not Apps Script API: lets tests read what the rule does. */
  describe(): { criteria: string | null; values: unknown[]; format: ConditionalSpec['format'] } {
    return {
      criteria: this.#spec.criteria?.name() ?? null,
      values: [...this.#spec.values],
      format: { ...this.#spec.format },
    };
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder({ ...this.#spec, ranges: [...this.#spec.ranges] });
  }
}

export class ConditionalFormatRuleBuilder extends ApiObject {
  readonly [API_LABEL] = 'ConditionalFormatRuleBuilder';
  #spec: ConditionalSpec;

  constructor(spec?: ConditionalSpec) {
    super();
    this.#spec = spec ?? { criteria: null, values: [], format: {}, ranges: [] };
  }

  whenFormulaSatisfied(formula: string): this {
    return this.#when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }

  whenTextEqualTo(text: string): this {
    return this.#when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }

  whenTextContains(text: string): this {
    return this.#when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }

  whenCellEmpty(): this {
    return this.#when(BooleanCriteria.CELL_EMPTY, []);
  }

  setBackground(color: string | null): this {
    return this.#format({ background: color ?? undefined });
  }

  setFontColor(color: string | null): this {
    return this.#format({ fontColor: color ?? undefined });
  }

  setBold(bold: boolean): this {
    return this.#format({ bold });
  }

  setRanges(ranges: ApiObject[]): this {
    this.#spec = { ...this.#spec, ranges: [...ranges] };
    return this;
  }

  build(): ConditionalFormatRule {
    if (!this.#spec.criteria)
      throw new ServiceError('Conditional format rule must have a condition.');
    if (this.#spec.ranges.length === 0)
      throw new ServiceError('Conditional format rule must have at least one range.');
    return new ConditionalFormatRule({ ...this.#spec });
  }

  #when(criteria: EnumValue, values: unknown[]): this {
    this.#spec = { ...this.#spec, criteria, values };
    return this;
  }

  #format(change: ConditionalSpec['format']): this {
    this.#spec = { ...this.#spec, format: { ...this.#spec.format, ...change } };
    return this;
  }
}
