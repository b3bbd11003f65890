// A certificate the connection test refused, as a person needs it to decide: who it is for,
// who signed it, when it is valid, its SHA-256 fingerprint, what is wrong with it. For a changed
// certificate, the fingerprint trusted before is shown beside the new one.
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../shared/discovery';
import { useLocale } from '../app/app-services';

interface CertificateDetailsProps {
  certificate: CertificateInfo;
  previousFingerprint?: string;
}

export function CertificateDetails({ certificate, previousFingerprint }: CertificateDetailsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (ms: number) =>
    Number.isFinite(ms) ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(ms)) : '';
  return (
    <div className="wizard-certificate">
      <p>{t(`wizard.certificate.problem.${certificate.problem}`)}</p>
      <dl>
        <dt>{t('wizard.certificate.subject')}</dt>
        <dd>{certificate.subject}</dd>
        {certificate.altNames.length > 0 && (
          <>
            <dt>{t('wizard.certificate.names')}</dt>
            <dd>{certificate.altNames.join(', ')}</dd>
          </>
        )}
        <dt>{t('wizard.certificate.issuer')}</dt>
        <dd>{certificate.issuer}</dd>
        <dt>{t('wizard.certificate.validity')}</dt>
        <dd>
          {t('wizard.certificate.validRange', { from: date(certificate.validFrom), to: date(certificate.validTo) })}
        </dd>
        <dt>{t('wizard.certificate.fingerprint')}</dt>
        <dd>
          <code className="wizard-fingerprint">{certificate.fingerprint256}</code>
        </dd>
        {previousFingerprint && (
          <>
            <dt>{t('wizard.certificate.previous')}</dt>
            <dd>
              <code className="wizard-fingerprint">{previousFingerprint}</code>
            </dd>
          </>
        )}
      </dl>
      <p className="form-hint">{t('wizard.certificate.compare')}</p>
    </div>
  );
}
