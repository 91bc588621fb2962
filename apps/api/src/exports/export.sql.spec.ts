import { claimsExportSql, clustersExportSql } from './export.sql';

describe(claimsExportSql.name, () => {
  it('should number its parameters in order and keep current claims only by default', () => {
    const sut = claimsExportSql({
      actor: 'PRK',
      counterpart: 'RUS',
      role: 'source',
      types: ['arms_transfer'],
      includeSuperseded: false,
    });
    expect(sut.text).toContain('c.superseded_at IS NULL');
    expect(sut.text).toContain('($1 IN (c.source, c.source_country) AND $2 IN (c.target, c.target_country))');
    expect(sut.text).toContain('c.type = ANY($3)');
    expect(sut.params).toEqual(['PRK', 'RUS', ['arms_transfer']]);
    expect(sut.text).toMatch(/ORDER BY COALESCE\(c.published_at, c.seen_at\), c.id\s*$/);
  });

  it('should match either side for role any, and join clusters for STIX', () => {
    const sut = claimsExportSql(
      { actor: 'PRK', role: 'any', includeSuperseded: true },
      { withCluster: true },
    );
    expect(sut.text).not.toContain('superseded_at IS NULL');
    expect(sut.text).toContain(
      '(($1 IN (c.source, c.source_country)) OR ($1 IN (c.target, c.target_country)))',
    );
    expect(sut.text).toContain('LEFT JOIN claim_clusters cc');
  });
});

describe(clustersExportSql.name, () => {
  it('should filter clusters on their facets and event months', () => {
    const sut = clustersExportSql({
      actor: 'PRK',
      role: 'target',
      fromMonth: '2022-01',
      modalities: ['denied'],
    });
    expect(sut.text).toContain("(cc.facets->'target_ids' ? $1)");
    expect(sut.text).toContain("cc.facets->'modalities' ?| $2::text[]");
    expect(sut.text).toContain("cc.summary->>'period' >= $3");
    expect(sut.params).toEqual(['PRK', ['denied'], '2022-01']);
  });
});
