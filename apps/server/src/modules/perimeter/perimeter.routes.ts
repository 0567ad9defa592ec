import { perimeterPreviewBody, perimeterPreviewSchema } from '@raccord/schemas';
import type { App, AppDeps } from '../../shared/http';
import { previewPerimeter } from './perimeter.usecases';

export function perimeterRoutes(app: App, deps: AppDeps) {
  app.post(
    '/perimeter/preview',
    {
      schema: {
        tags: ['perimeter'],
        summary: 'Aperçu d’un périmètre : comptes par type (patrimoine, équipements) et résumé des niveaux choisis',
        body: perimeterPreviewBody,
        response: { 200: perimeterPreviewSchema },
      },
    },
    async (req) => previewPerimeter(deps, req.actor, req.body),
  );
}
