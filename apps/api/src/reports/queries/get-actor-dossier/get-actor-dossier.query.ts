import { Query } from '@nestjs/cqrs';
import type { ActorDossierDto } from '../../dto/report.response.dto';

/** An actor's dossier from PostgreSQL; null when the actor is unknown. */
export class GetActorDossierQuery extends Query<ActorDossierDto | null> {
  constructor(readonly actorId: string) {
    super();
  }
}
