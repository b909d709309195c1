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
    let status = 500;
    try {
      const response = await app.fetch(request, env, ctx);
      status = response.status;
      return response;
    } finally {
      // A refusal (4xx) writes nothing anyone reads (the fuzz tests hold every endpoint to
      // that), so what is shared still holds; anything else that may write forgets it.
      if (!readOnly.has(request.method) && !(status >= 400 && status < 500)) forgetSharedAnswers();
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
