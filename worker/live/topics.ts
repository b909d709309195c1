import type { LiveTopic } from '../domain/live';
import type { LiveInbox } from './live-inbox';

/** The one LiveInbox of a topic (wrangler types cannot name the class of a binding). */
export function liveInbox(env: Env, topic: LiveTopic): DurableObjectStub<LiveInbox> {
  return (env.LIVE as DurableObjectNamespace<LiveInbox>).getByName(topic);
}

/**
 * Closes a staff member's sockets at once when their sessions end (sign-out, account
 * disabled, password reset), on every topic their role can open. Complaint pages they
 * watch close at the next reconnect, which the Worker authorises anew.
 */
export async function disconnectStaff(env: Env, user: { id: number; role: string; agencyId: number | null }, reason: string) {
  const topics: LiveTopic[] = user.role !== 'agency' ? ['moderation'] : user.agencyId !== null ? [`agency:${user.agencyId}`] : [];
  await Promise.all(topics.map((topic) => liveInbox(env, topic).disconnect(`staff:${user.id}`, reason)));
}
