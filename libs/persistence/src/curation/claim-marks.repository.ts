import { Injectable } from '@nestjs/common';
import type { ClaimCuration, ClaimRecord } from '@sitrep/domain/clusters';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimMapper } from '../claims/claim.mapper';
import { ClaimOrmEntity } from '../claims/claim.orm-entity';

/** One mark an analyst made (claim_marks is append-only: this is the audit list). */
export interface ClaimMarkRecord {
  id: string;
  seq: string;
  claim_id: string;
  verdict: ClaimCuration;
  reason: string | null;
  marked_by: string | null;
  marked_at: string;
  /** Whether it is the claim's latest mark (the verdict in force). */
  current: boolean;
  claim: {
    type: string;
    source: string | null;
    target: string | null;
    cluster_id: string;
    article_id: string;
    evidence: string;
  } | null;
}

/** A claim with its verdict in force, as the labelled-data export writes it. */
export interface ClaimLabelRecord {
  claim_id: string;
  verdict: ClaimCuration;
  reason: string | null;
  marked_by: string | null;
  marked_at: string;
  /** Null when the claim row is gone (marks are kept whatever happens to claims). */
  claim: ClaimRecord | null;
}

interface MarkRow {
  id: string;
  seq: string;
  claim_id: string;
  verdict: ClaimCuration;
  reason: string | null;
  marked_by: string | null;
  marked_at: Date;
  current: boolean;
  type: string | null;
  source: string | null;
  target: string | null;
  cluster_id: string | null;
  article_id: string | null;
  evidence_text: string | null;
}

const markOf = (row: MarkRow): ClaimMarkRecord => ({
  id: row.id,
  seq: String(row.seq),
  claim_id: row.claim_id,
  verdict: row.verdict,
  reason: row.reason,
  marked_by: row.marked_by,
  marked_at: row.marked_at.toISOString(),
  current: row.current,
  claim:
    row.type === null
      ? null
      : {
          type: row.type,
          source: row.source,
          target: row.target,
          cluster_id: row.cluster_id ?? '',
          article_id: row.article_id ?? '',
          evidence: row.evidence_text ?? '',
        },
});

/** Analysts' marks on claims (claim_marks) and the verdict in force on each claim (claims.curation). */
@Injectable()
export class ClaimMarksRepository {
  constructor(private readonly manager: EntityManager) {}

  static fromDataSource(dataSource: DataSource): ClaimMarksRepository {
    return new ClaimMarksRepository(dataSource.manager);
  }

  withTransaction(manager: EntityManager): ClaimMarksRepository {
    return new ClaimMarksRepository(manager);
  }

  /** The claim, locked for the rest of the transaction; null when there is none with that id. */
  async lockClaim(claimId: string): Promise<ClaimRecord | null> {
    const row = await this.manager
      .getRepository(ClaimOrmEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :claimId', { claimId })
      .getOne();
    return row ? ClaimMapper.toDomain(row) : null;
  }

  /** Records a mark and makes it the claim's verdict (the claim's version goes up: its search document follows). */
  async mark(
    claimId: string,
    verdict: ClaimCuration,
    reason: string | null,
    markedBy: string | null,
  ): Promise<{ mark: ClaimMarkRecord; claim: ClaimRecord }> {
    const [row]: MarkRow[] = await this.manager.query(
      `INSERT INTO claim_marks (id, claim_id, verdict, reason, marked_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, seq, claim_id, verdict, reason, marked_by, marked_at, true AS current,
                 NULL AS type, NULL AS source, NULL AS target, NULL AS cluster_id, NULL AS article_id, NULL AS evidence_text`,
      [randomUUID(), claimId, verdict, reason, markedBy],
    );
    await this.manager
      .createQueryBuilder()
      .update(ClaimOrmEntity)
      .set({ curation: verdict, version: () => 'version + 1' })
      .where('id = :claimId', { claimId })
      .execute();
    const claim = await this.manager.getRepository(ClaimOrmEntity).findOneByOrFail({ id: claimId });
    return { mark: markOf(row), claim: ClaimMapper.toDomain(claim) };
  }

  /** Every mark, newest first, a page at a time (`before` = the seq of the previous page's last mark). */
  async list(limit: number, before: string | null): Promise<ClaimMarkRecord[]> {
    const rows: MarkRow[] = await this.manager.query(
      `SELECT m.id, m.seq, m.claim_id, m.verdict, m.reason, m.marked_by, m.marked_at,
              m.seq = (SELECT max(l.seq) FROM claim_marks l WHERE l.claim_id = m.claim_id) AS current,
              c.type, c.source, c.target, c.cluster_id, c.article_id, c.evidence_text
         FROM claim_marks m LEFT JOIN claims c ON c.id = m.claim_id
        WHERE ($2::bigint IS NULL OR m.seq < $2)
        ORDER BY m.seq DESC LIMIT $1`,
      [limit, before],
    );
    return rows.map(markOf);
  }

  /** The verdict in force on every marked claim, with the claim (for the labelled-data export), in claim id order. */
  async labelsAfter(afterClaimId: string, limit: number): Promise<ClaimLabelRecord[]> {
    const marks: Array<{
      claim_id: string;
      verdict: ClaimCuration;
      reason: string | null;
      marked_by: string | null;
      marked_at: Date;
    }> = await this.manager.query(
      `SELECT DISTINCT ON (claim_id) claim_id, verdict, reason, marked_by, marked_at
           FROM claim_marks WHERE claim_id > $1
          ORDER BY claim_id, seq DESC LIMIT $2`,
      [afterClaimId, limit],
    );
    if (marks.length === 0) return [];
    const claims = await this.manager
      .getRepository(ClaimOrmEntity)
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids: marks.map((m) => m.claim_id) })
      .getMany();
    const byId = new Map(claims.map((c) => [c.id, ClaimMapper.toDomain(c)]));
    return marks.map((m) => ({
      claim_id: m.claim_id,
      verdict: m.verdict,
      reason: m.reason,
      marked_by: m.marked_by,
      marked_at: m.marked_at.toISOString(),
      claim: byId.get(m.claim_id) ?? null,
    }));
  }
}
