import { createContext } from '@lit/context';
import type { ConnectInfo } from '@mindflow/shared';

/**
 * What both routes of the Connect dialog read and do, provided once by mf-connect-dialog
 * (@lit/context) rather than passed down to every part.
 */
export interface ConnectContext {
  info: ConnectInfo;
  busy: boolean;
  rotateKey(): Promise<void>;
  setWebAppUrl(url: string): Promise<void>;
  setServerUrl(url: string): Promise<void>;
}

export const connectContext = createContext<ConnectContext | undefined>(Symbol('mindflow-connect'));
