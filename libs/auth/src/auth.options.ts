/** Options of {@link AuthModule}. */
export interface AuthModuleOptions {
  /** How long a looked-up key (or an unknown one) is remembered; 0 looks every request up. @default 10000 */
  keyCacheTtlMs: number;
  /** Requests per minute of a key that has no limit of its own. @default 600 */
  defaultRateLimitPerMinute: number;
}
