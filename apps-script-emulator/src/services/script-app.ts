import { API_LABEL, ApiObject } from '../runtime/api-object.ts';
import { TriggerApi, TriggerBuilderApi } from './trigger-builders.ts';
import { AuthMode, EventType, TriggerSource, WeekDay, type TriggerState } from './trigger-state.ts';

class ServiceInfoApi extends ApiObject {
  readonly [API_LABEL] = 'Service';
  readonly #url: string;

  constructor(url: string) {
    super();
    this.#url = url;
  }

  getUrl(): string {
    return this.#url;
  }

  isEnabled(): boolean {
    return true;
  }
}

export interface ScriptAppInfo {
  scriptId: string;
  webAppUrl: string;
  ownerEmail: string;
}

export class ScriptAppApi extends ApiObject {
  readonly [API_LABEL] = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly #state: TriggerState;
  readonly #info: ScriptAppInfo;

  constructor(state: TriggerState, info: ScriptAppInfo) {
    super();
    this.#state = state;
    this.#info = info;
  }

  getService(): ServiceInfoApi {
    return new ServiceInfoApi(this.#info.webAppUrl);
  }

  getScriptId(): string {
    return this.#info.scriptId;
  }

  getOAuthToken(): string {
    return 'emulated-oauth-token';
  }

  newTrigger(functionName: string): TriggerBuilderApi {
    return new TriggerBuilderApi({
      state: this.#state,
      handler: String(functionName),
      ownerEmail: this.#info.ownerEmail,
    });
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): TriggerApi[] {
    return this.#state.triggers
      .filter((t) => t.ownerEmail === this.#info.ownerEmail)
      .map((t) => new TriggerApi(t));
  }

  deleteTrigger(trigger: TriggerApi): void {
    this.#state.remove(trigger.getUniqueId());
  }
}
