// What every component may reach: the Transport (the only way to the mail engine) and the
// language store. Provided once at the root; tests and previews hand in their own.
import { createContext, useContext, type ReactNode } from 'react';
import type { Transport } from '../../shared/contract';
import { type LanguageStore, useLanguageState } from '../i18n/language-store';

export interface AppServices {
  transport: Transport;
  languageStore: LanguageStore;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('AppServicesProvider is missing above this component');
  return services;
}

export function useTransport(): Transport {
  return useServices().transport;
}

export function useLanguageStore(): LanguageStore {
  return useServices().languageStore;
}

/** The Intl locale for dates, numbers and sizes; re-renders when the language changes. */
export function useLocale(): string {
  return useLanguageState(useServices().languageStore).locale;
}
