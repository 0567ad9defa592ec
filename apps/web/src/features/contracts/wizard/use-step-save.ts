import type { ContractProjectDetail, UpdateContractProjectBody } from '@raccord/schemas';
import type { FormInstance } from 'antd';
import { type FieldAliases, useProjectErrorHandler } from '../project-errors';
import { useUpdateProject } from '../use-contract-mutations';

/**
 * **Suivant**'s save: PATCH with the version read. Errors go to the form's fields; a newer version on
 * the server reloads the step from it.
 */
export function useStepSave(project: ContractProjectDetail | null, onStale: () => void) {
  const update = useUpdateProject(project?.id ?? '');
  const onError = useProjectErrorHandler();
  const save = (
    body: Omit<UpdateContractProjectBody, 'version'>,
    form: FormInstance,
    onSaved: (saved: ContractProjectDetail) => void,
    aliases?: FieldAliases,
  ) => {
    if (!project) return;
    update.mutate(
      { ...body, version: project.version },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (onError(error, form, aliases)) onStale();
        },
      },
    );
  };
  return { save, saving: update.isPending };
}
