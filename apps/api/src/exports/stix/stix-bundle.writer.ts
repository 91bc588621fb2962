import { Transform } from 'node:stream';
import type { ActorDto } from '../../timeline/dto/timeline.response.dto';
import {
  actorIdentity,
  claimObject,
  newBundleId,
  partiesOf,
  sitrepIdentity,
  StixClaimRow,
  StixObject,
} from './stix.mapper';

/**
 * Claim rows in, one STIX 2.1 bundle (JSON text) out, streamed: the bundle's head and Sitrep's identity
 * first, then each actor's identity the first time a claim names it, then the claim. Only the set of
 * actors already written is held in memory (bounded by the actor registry).
 */
export function stixBundleWriter(findActor: (id: string) => ActorDto | null): Transform {
  const written = new Set<string>();
  let first = true;
  const head = () =>
    `{"type":"bundle","id":"${newBundleId()}","objects":[\n${JSON.stringify(sitrepIdentity())}`;
  const line = (object: StixObject) => `,\n${JSON.stringify(object)}`;
  return new Transform({
    writableObjectMode: true,
    transform(row: StixClaimRow, _encoding, done) {
      let out = first ? head() : '';
      first = false;
      const parties = partiesOf(row);
      if (parties.length > 0) {
        for (const party of parties) {
          if (written.has(party)) continue;
          written.add(party);
          out += line(actorIdentity(party, findActor(party)));
        }
        out += line(claimObject(row));
      }
      done(null, out);
    },
    flush(done) {
      done(null, `${first ? head() : ''}\n]}\n`);
    },
  });
}
