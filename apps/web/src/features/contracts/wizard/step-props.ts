import type { ContractProjectDetail } from '@raccord/schemas';

export interface StepProps {
  /** Null only at step 1 of a new project. */
  project: ContractProjectDetail | null;
  /** Called with the saved project: the wizard opens the next step. */
  onNext: (saved: ContractProjectDetail) => void;
  onPrevious: (() => void) | null;
  /** A save met a newer version: the step's form restarts from the current data. */
  onStale: () => void;
}
