/** The PostgreSQL cursor streams of the exports (a RowStreamRepository on a pool of its own). */
export const ROW_STREAM_REPOSITORY = Symbol('ROW_STREAM_REPOSITORY');
