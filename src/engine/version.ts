// The engine's version, stored with every result: a change to the model that changes numbers bumps it.
export const ENGINE_VERSION = '0.4.0';
