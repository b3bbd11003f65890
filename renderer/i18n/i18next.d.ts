// Makes t() type-checked against the English messages: a key that does not exist is a
// compile error (the i18n unit test checks that Swedish has the same keys).
import 'i18next';
import type en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
