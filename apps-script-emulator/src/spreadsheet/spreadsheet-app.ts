import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';
import { BooleanCriteria, ConditionalFormatRuleBuilder } from './conditional-format.ts';
import { DataValidationBuilder, DataValidationCriteria } from './data-validation.ts';
import type { SheetApi } from './sheet.ts';
import { SpreadsheetApi } from './spreadsheet.ts';
import type { SpreadsheetRegistry } from './spreadsheet-registry.ts';
import { UiApi, type UiLog } from './ui.ts';

/** The SpreadsheetApp global for one execution. */
export class SpreadsheetAppApi extends ApiObject {
  readonly [API_LABEL] = 'SpreadsheetApp';
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly #registry: SpreadsheetRegistry;
  readonly #ui: UiLog;
  readonly #uiAvailable: boolean;

  constructor(registry: SpreadsheetRegistry, ui: UiLog, uiAvailable: boolean) {
    super();
    this.#registry = registry;
    this.#ui = ui;
    this.#uiAvailable = uiAvailable;
  }

  getActiveSpreadsheet(): SpreadsheetApi {
    return new SpreadsheetApi(this.#registry.active());
  }

  getActive(): SpreadsheetApi {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): SheetApi {
    return this.getActiveSpreadsheet().getActiveSheet();
  }

  openById(id: string): SpreadsheetApi {
    const model = this.#registry.get(id);
    if (!model) {
      throw new ServiceError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetApi(model);
  }

  openByUrl(url: string): SpreadsheetApi {
    const id = /\/d\/([^/]+)/.exec(url)?.[1] ?? '';
    return this.openById(id);
  }

  create(name: string): SpreadsheetApi {
    return new SpreadsheetApi(this.#registry.create(name));
  }

  /** Only where a user is looking at the document: not in web apps or time-driven triggers. */
  getUi(): UiApi {
    if (!this.#uiAvailable)
      throw new ServiceError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new UiApi(this.#ui);
  }

  /** Writes are applied immediately in the emulator, so there is nothing to flush. */
  flush(): void {}

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder();
  }
}
