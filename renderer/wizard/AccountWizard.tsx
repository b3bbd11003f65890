// The account wizard (role=dialog "Add account"): name, address and password → autodiscovery
// with each source's progress → the settings found, editable → a test of IMAP and of SMTP, each
// with its own result (and a certificate to trust where one is refused) → the account is added
// and starts syncing. "Set up manually" skips discovery. Every step is a form: Enter goes on,
// Escape closes, focus starts in the step's first field.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult, DiscoveryResult, SecretStrength } from '../../shared/discovery';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { useTransportEvent } from '../app/use-transport-event';
import { Dialog } from '../ui/Dialog';
import { DiscoveryStep } from './DiscoveryStep';
import { IdentityStep } from './IdentityStep';
import { SettingsStep, type SettingsOrigin } from './SettingsStep';
import { TestStep } from './TestStep';
import {
  emptyIdentity,
  initialSourceStates,
  manualSettings,
  plaintextConfirmationShown,
  settingsFromDiscovery,
  sourceStatesFrom,
  toAccountSettings,
  toConnectionSettings,
  type IdentityValues,
  type SettingsValues,
  type SourceStates,
  type WizardStep,
} from './wizard-state';
import '../accounts/account-dialog.css';
import './wizard.css';

interface AccountWizardProps {
  onClose: () => void;
  onAdded: (account: Account) => void;
}

export interface TestState {
  running: boolean;
  result: ConnectionTestResult | null;
  error: string | null;
}

export function AccountWizard({ onClose, onAdded }: AccountWizardProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [step, setStep] = useState<WizardStep>('identity');
  const [identity, setIdentity] = useState<IdentityValues>(() => emptyIdentity());
  const [strength, setStrength] = useState<SecretStrength | null>(null);
  const [discovery, setDiscovery] = useState<DiscoveryResult | null>(null);
  const [sources, setSources] = useState<SourceStates>(initialSourceStates);
  const [settings, setSettings] = useState<SettingsValues>(() => manualSettings(''));
  const [settingsFor, setSettingsFor] = useState<string | null>(null);
  const [origin, setOrigin] = useState<SettingsOrigin>('manual');
  const [test, setTest] = useState<TestState>({ running: false, result: null, error: null });
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  // Answers of a discovery or a test the user has moved on from are ignored.
  const generation = useRef(0);
  const email = identity.email.trim();
  // Only meaningful while a server is set to cleartext on another computer.
  const plaintextConfirmed = settings.plaintextConfirmed && plaintextConfirmationShown(settings);

  useEffect(() => {
    let current = true;
    transport
      .invoke('accounts.secretStorage', {})
      .then(({ strength: found }) => {
        if (!current) return;
        setStrength(found);
        // Where a stored password is barely protected, not storing it is the default.
        if (found === 'weak') setIdentity((previous) => ({ ...previous, rememberPassword: false }));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [transport]);

  useTransportEvent('discovery.progress', (progress) => {
    if (step === 'discovering' && progress.email === email)
      setSources((previous) => ({ ...previous, [progress.source]: progress.state }));
  });

  const goTo = (next: WizardStep) => {
    generation.current++;
    setStep(next);
  };

  const startDiscovery = async () => {
    goTo('discovering');
    const run = generation.current;
    setSources(initialSourceStates());
    let result: DiscoveryResult | null = null;
    try {
      result = await transport.invoke('accounts.discover', { email });
    } catch {
      // Discovery as a whole failed: the user goes on by hand, nothing is lost.
    }
    if (run !== generation.current) return;
    setDiscovery(result);
    if (result) setSources(sourceStatesFrom(result));
    setSettings(settingsFromDiscovery(result, email));
    setSettingsFor(email);
    setOrigin(result?.settings ? 'discovered' : 'not-found');
    goTo('settings');
  };

  const setUpManually = () => {
    if (settingsFor !== email) {
      setDiscovery(null);
      setSettings(manualSettings(email));
      setSettingsFor(email);
      setOrigin('manual');
    }
    goTo('settings');
  };

  const runTest = async () => {
    goTo('test');
    const run = generation.current;
    setTest({ running: true, result: null, error: null });
    setAddError(null);
    try {
      const result = await transport.invoke('accounts.testConnection', {
        settings: toConnectionSettings(settings),
        password: identity.password,
        plaintextConfirmed,
      });
      if (run === generation.current) setTest({ running: false, result, error: null });
    } catch (error) {
      if (run === generation.current)
        setTest({ running: false, result: null, error: errorMessage(error, t) ?? t('common.unknownError') });
    }
  };

  const trust = async (host: string, port: number, fingerprint256: string) => {
    try {
      await transport.invoke('accounts.trustCertificate', { host, port, fingerprint256 });
    } catch (error) {
      setTest((previous) => ({ ...previous, error: errorMessage(error, t) ?? t('common.unknownError') }));
      return;
    }
    await runTest();
  };

  const add = async () => {
    if (adding) return;
    setAdding(true);
    setAddError(null);
    try {
      const account = await transport.invoke('accounts.create', {
        settings: toAccountSettings(identity, settings, discovery?.settings ?? null),
        password: identity.password,
        rememberPassword: identity.rememberPassword,
        plaintextConfirmed,
      });
      onAdded(account);
    } catch (error) {
      setAddError(errorMessage(error, t) ?? t('common.unknownError'));
      setAdding(false);
    }
  };

  return (
    <Dialog
      label={t('account.label')}
      onClose={onClose}
      className="account-dialog wizard"
      describedBy={`${id}-description`}
    >
      {step === 'identity' && (
        <IdentityStep
          id={id}
          values={identity}
          strength={strength}
          onChange={(change) => setIdentity((previous) => ({ ...previous, ...change }))}
          onContinue={() => void startDiscovery()}
          onManual={setUpManually}
          onCancel={onClose}
        />
      )}
      {step === 'discovering' && (
        <DiscoveryStep id={id} email={email} sources={sources} onSkip={setUpManually} onBack={() => goTo('identity')} />
      )}
      {step === 'settings' && (
        <SettingsStep
          id={id}
          email={email}
          values={settings}
          origin={origin}
          discovery={discovery}
          onChange={setSettings}
          onBack={() => goTo('identity')}
          onTest={() => void runTest()}
          password={identity.password}
          onPassword={(password) => setIdentity((previous) => ({ ...previous, password }))}
          accountSettings={() => toAccountSettings(identity, settings, discovery?.settings ?? null)}
          onAdded={onAdded}
        />
      )}
      {step === 'test' && (
        <TestStep
          id={id}
          settings={toConnectionSettings(settings)}
          test={test}
          password={identity.password}
          onPassword={(password) => setIdentity((previous) => ({ ...previous, password }))}
          adding={adding}
          addError={addError}
          onTrust={(host, port, fingerprint) => void trust(host, port, fingerprint)}
          onRetest={() => void runTest()}
          onBack={() => goTo('settings')}
          onAdd={() => void add()}
        />
      )}
    </Dialog>
  );
}
