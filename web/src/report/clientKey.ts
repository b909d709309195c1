// The device key: uploads made with it can be claimed only by a complaint sent with it.
import { randomId, readStored, writeStored } from './storage';

export const CLIENT_KEY_STORAGE = 'ntbcare.clientKey';

/** This device's key, created on first need and kept in localStorage. */
export function getClientKey(): string {
  const stored = readStored(CLIENT_KEY_STORAGE);
  if (stored && /^[\w-]{16,100}$/.test(stored)) return stored;
  const key = randomId();
  writeStored(CLIENT_KEY_STORAGE, key);
  return key;
}
