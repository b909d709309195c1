// "Pengaduan saya": the complaints filed or opened with their tracking token on this device,
// kept in localStorage so the reporter can come back without an account (DESIGN.md).
// The complaint form writes an entry on submit; the tracking page adds or updates one when a
// link with a token is opened, and reads the token back when the link has none.

export const MY_COMPLAINTS_KEY = 'ntbcare.myComplaints';

export interface MyComplaint {
  code: string;
  token: string;
  /** Empty until the complaint has been loaded once. */
  title: string;
  /** ISO time, or empty until the complaint has been loaded once. */
  submittedAt: string;
}

/** An entry needs a code and a token; a missing title or time reads as empty. */
function toEntry(value: unknown): MyComplaint | null {
  const entry = value as Partial<MyComplaint> | null;
  if (typeof entry?.code !== 'string' || typeof entry.token !== 'string' || !entry.token) return null;
  return {
    code: entry.code,
    token: entry.token,
    title: typeof entry.title === 'string' ? entry.title : '',
    submittedAt: typeof entry.submittedAt === 'string' ? entry.submittedAt : '',
  };
}

function readStored(): unknown[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(MY_COMPLAINTS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return []; // storage blocked or damaged
  }
}

/** Every well-formed entry, newest first; whatever else the storage holds is ignored. */
export const readMyComplaints = (): MyComplaint[] =>
  readStored()
    .map(toEntry)
    .filter((entry) => entry !== null)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));

export const findMyComplaint = (code: string) => readMyComplaints().find((c) => c.code === code);

/** Adds the complaint, or updates its entry with what is known now (empty fields keep theirs). */
export function rememberMyComplaint(entry: MyComplaint): void {
  const before = findMyComplaint(entry.code);
  // Entries this page does not understand are kept as they are, not dropped.
  const others = readStored().filter((c) => (c as MyComplaint | null)?.code !== entry.code);
  const merged: MyComplaint = {
    code: entry.code,
    token: entry.token,
    title: entry.title || before?.title || '',
    submittedAt: entry.submittedAt || before?.submittedAt || '',
  };
  try {
    localStorage.setItem(MY_COMPLAINTS_KEY, JSON.stringify([merged, ...others]));
  } catch {
    // storage blocked or full: the token still works for this visit
  }
}

/** Drops the complaint's entry if it holds this token (one the server did not accept). */
export function forgetMyComplaint(code: string, token: string): void {
  const kept = readStored().filter((c) => {
    const entry = c as MyComplaint | null;
    return !(entry?.code === code && entry.token === token);
  });
  try {
    localStorage.setItem(MY_COMPLAINTS_KEY, JSON.stringify(kept));
  } catch {
    // storage blocked: nothing was kept either
  }
}
