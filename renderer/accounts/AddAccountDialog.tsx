// "Add account" (the sidebar's button, and the first run): the account wizard with
// autodiscovery, connection test and certificate trust lives in renderer/wizard/.
export { AccountWizard as AddAccountDialog } from '../wizard/AccountWizard';
