// Starts the UI on a Transport: picks the language, then renders the app into `container`.
// main.tsx calls it with the real transport; nothing else about the app depends on which.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Transport } from '../../shared/contract';
import { createI18n } from '../i18n/i18n';
import { LanguageStore } from '../i18n/language-store';
import { App } from './App';
import { AppServicesProvider } from './app-services';
import { reportForeground } from './report-foreground';
// Creates the appearance store, which writes the scheme on <html> before the first render.
import '../appearance/appearance-store';
import '../styles/tokens.css';
import '../styles/base.css';

export function mountApp(container: HTMLElement, transport: Transport): Root {
  const i18n = createI18n(LanguageStore.initialLanguage());
  const languageStore = new LanguageStore(i18n);
  languageStore.syncDocument();
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppServicesProvider services={{ transport, languageStore }}>
          <App />
        </AppServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  reportForeground(transport);
  return root;
}
