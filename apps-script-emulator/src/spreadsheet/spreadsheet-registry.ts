import { SpreadsheetModel } from './spreadsheet-model.ts';

/** Every spreadsheet the emulated user can open, and the one the script is bound to. */
export class SpreadsheetRegistry {
  private readonly byId = new Map<string, SpreadsheetModel>();
  private activeId: string | null = null;
  private counter = 0;
  private readonly defaultZone: () => string;

  constructor(defaultZone: () => string) {
    this.defaultZone = defaultZone;
  }

  create(
    name = 'Untitled spreadsheet',
    options: { id?: string; timeZone?: string } = {},
  ): SpreadsheetModel {
    this.counter += 1;
    const id = options.id ?? `emulated-spreadsheet-${String(this.counter).padStart(4, '0')}`;
    const model = new SpreadsheetModel(id, name, options.timeZone ?? this.defaultZone());
    this.byId.set(id, model);
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.byId.get(id);
  }

  all(): SpreadsheetModel[] {
    return [...this.byId.values()];
  }

  /** The container the script is bound to; created on first use. */
  active(): SpreadsheetModel {
    const current = this.activeId === null ? undefined : this.byId.get(this.activeId);
    if (current) return current;
    const created = this.create('MindFlow');
    this.activeId = created.id;
    return created;
  }

  setActive(model: SpreadsheetModel): void {
    this.byId.set(model.id, model);
    this.activeId = model.id;
  }
}
