// The Worker's entry: HTTP, queue batches and the cron, plus the Durable Object class.
import { app } from './app';
import { handleQueueBatch } from './queue/consumer';
import { runScheduledTasks } from './cron';
import { forgetSharedAnswers } from './http/micro-cache';

export { LiveInbox } from './live/live-inbox';

const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

// What this isolate remembers for everyone (worker/http/micro-cache.ts) is forgotten after
// every write it handles.
export default {
  async fetch(request, env, ctx) {
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      if (!readOnly.has(request.method)) forgetSharedAnswers();
    }
  },
  async queue(batch, env, ctx) {
    try {
      await handleQueueBatch(batch, env, ctx);
    } finally {
      forgetSharedAnswers();
    }
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledTasks(env, controller.scheduledTime).finally(forgetSharedAnswers));
  },
} satisfies ExportedHandler<Env, unknown>;
