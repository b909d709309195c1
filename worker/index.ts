// The Worker's entry: HTTP, queue batches and the cron, plus the Durable Object class.
import { app } from './app';
import { handleQueueBatch } from './queue/consumer';
import { runScheduledTasks } from './cron';

export { LiveInbox } from './live/live-inbox';

export default {
  fetch: app.fetch,
  queue(batch, env, ctx) {
    return handleQueueBatch(batch, env, ctx);
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledTasks(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env, unknown>;
