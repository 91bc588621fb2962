/**
 * Integration and e2e tests talk to real engines, which answer in milliseconds on a quiet machine and in
 * seconds on a busy one: a hook or test that sets no timeout of its own gets 30 s instead of jest's 5 s.
 * A bound against hangs, not a speed figure (speed is measured by the benchmarks).
 */
jest.setTimeout(30_000);
