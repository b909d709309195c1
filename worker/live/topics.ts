import type { LiveTopic } from '../domain/live';
import type { LiveInbox } from './live-inbox';

/** The one LiveInbox of a topic (wrangler types cannot name the class of a binding). */
export function liveInbox(env: Env, topic: LiveTopic): DurableObjectStub<LiveInbox> {
  return (env.LIVE as DurableObjectNamespace<LiveInbox>).getByName(topic);
}
