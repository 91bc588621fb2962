import { Injectable } from '@nestjs/common';
import { ActorRegistry, actorRegistry } from '@sitrep/extraction/actors/actor-registry';
import type { ActorDto, ActorMatchDto } from './dto/timeline.response.dto';

/** The actors the API knows: the extraction engine's registry (every alias, every language). */
@Injectable()
export class ActorDirectory {
  private readonly registry: ActorRegistry = actorRegistry();

  find(id: string): ActorDto | null {
    const record = this.registry.get(id);
    return record
      ? { id: record.id, name: record.name, kind: record.kind, country: record.country ?? null }
      : null;
  }

  search(q: string, lang: string | undefined, limit: number): ActorMatchDto[] {
    return this.registry.searchByPrefix(q, { lang, limit }).flatMap((hit) => {
      const actor = this.find(hit.actorId);
      return actor ? [{ ...actor, alias: hit.alias }] : [];
    });
  }

  /** The state an actor counts as (agencies and officials fold to their country). */
  fold(id: string): string {
    return this.registry.foldToCountry(id);
  }
}
