/** Bump when rules or lexicons change what the engine outputs: a newer version re-extracts articles. */
export const ENGINE_VERSION = '0.129.0';
