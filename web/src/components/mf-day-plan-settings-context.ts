import { createContext } from '@lit/context';
import type { DailyPlanDialogState } from '@mindflow/shared';
import type { PlanSettingsDraft, SettingsField } from '../forms/plan-settings-form.ts';

/**
 * What every part of the Daily plan settings dialog reads, provided once by
 * mf-day-plan-settings (with @lit/context) instead of being passed down every level.
 */
export interface PlanSettingsContext {
  /** The add-on's answer: stored settings, calendars, zone, recipient. */
  state: DailyPlanDialogState;
  /** The inputs as the user left them. */
  draft: PlanSettingsDraft;
  /** Messages beside each control, from the last refused save. */
  issues: Partial<Record<SettingsField, string[]>>;
  /** Changes some inputs. */
  update(patch: Partial<PlanSettingsDraft>): void;
}

export const planSettingsContext = createContext<PlanSettingsContext | undefined>(
  Symbol('mindflow-plan-settings'),
);
