import { ContractWizard } from '../features/contracts/wizard/ContractWizard';

/** **Créer un projet de contrat**: step 1 of the wizard; the project exists once it is saved. */
export function NewContractProjectPage() {
  return <ContractWizard project={null} step="informations" />;
}
