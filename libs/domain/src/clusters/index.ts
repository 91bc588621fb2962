export * from './cluster.model';
export * from './cluster-key.factory';
export * from './claim.clusterer';
export * from './claim-record.model';
export * from './cluster-facets';
export * from './cluster-view.factory';
export * from './cluster-merge-state';
export * from './cluster-view.merger';
