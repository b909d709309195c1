import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { LiveMessage, LiveTopic } from '../../worker/domain/live';
import { liveInbox } from '../../worker/live/topics';
import { LiveInbox, SUBSCRIBER_HEADER } from '../../worker/live/live-inbox';

async function connect(topic: LiveTopic, subscriber: string, whileHeldBy?: number) {
  const stub = liveInbox(env, topic);
  const res = await stub.fetch('https://live/socket', {
    headers: { Upgrade: 'websocket', [SUBSCRIBER_HEADER]: JSON.stringify({ topic, subscriber, whileHeldBy }) },
  });
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  const received: LiveMessage[] = [];
  socket.addEventListener('message', (e) => {
    received.push(JSON.parse(e.data as string) as LiveMessage);
  });
  socket.accept();
  return { socket, received, stub };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('LiveInbox', () => {
  it('greets a socket and publishes to every socket of its topic, and to no other', async () => {
    const a = await connect('agency:1', 'staff:10');
    const b = await connect('agency:1', 'staff:11');
    const other = await connect('agency:2', 'staff:20');
    await settle();
    expect(a.received).toEqual([{ type: 'ready', topic: 'agency:1' }]);

    const message: LiveMessage = {
      type: 'event',
      topic: 'agency:1',
      eventId: 7,
      eventType: 'forwarded',
      complaintCode: 'NTB-ABCD2345',
      status: 'forwarded',
      version: 2,
    };
    expect(await a.stub.publish(message)).toBe(2);
    await settle();
    expect(a.received.at(-1)).toEqual(message);
    expect(b.received.at(-1)).toEqual(message);
    expect(other.received).toEqual([{ type: 'ready', topic: 'agency:2' }]);
  });

  it('keeps what it knows of a socket in an attachment that survives hibernation', async () => {
    const { stub } = await connect('moderation', 'staff:1');
    await runInDurableObject(stub, async (instance: LiveInbox, state) => {
      expect(instance).toBeInstanceOf(LiveInbox);
      const [socket] = state.getWebSockets('staff:1');
      expect(socket?.deserializeAttachment()).toMatchObject({ topic: 'moderation', subscriber: 'staff:1' });
    });
  });

  it('closes the sockets of one subscriber only', async () => {
    const kept = await connect('agency:3', 'staff:30');
    const revoked = await connect('agency:3', 'staff:31');
    const closed = new Promise<number>((resolve) => revoked.socket.addEventListener('close', (e) => resolve(e.code)));
    expect(await kept.stub.disconnect('staff:31', 'session revoked')).toBe(1);
    expect(await closed).toBe(4001);
    expect(await kept.stub.connectionCount()).toBe(1);
  });

  it('tells no socket a silent event, and by it closes the sockets that follow a complaint only while their agency holds it', async () => {
    const topic: LiveTopic = 'complaint:NTB-QRST2345';
    const held = await connect(topic, 'staff:40', 4);
    const reporter = await connect(topic, 'reporter');
    const closed = new Promise<number>((resolve) => held.socket.addEventListener('close', (e) => resolve(e.code)));
    const event = { type: 'event', topic, complaintCode: 'NTB-QRST2345', status: 'submitted', version: 4 } as const;
    expect(await held.stub.publishAll([{ ...event, eventId: 70, eventType: 'returned', heldBy: null, silent: true }])).toBe(0);
    expect(await closed).toBe(4003);
    const next: LiveMessage = { ...event, eventId: 71, eventType: 'forwarded', status: 'forwarded', version: 5 };
    expect(await held.stub.publishAll([next])).toBe(1);
    await settle();
    expect(reporter.received).toEqual([{ type: 'ready', topic }, next]);
    expect(held.received).toEqual([{ type: 'ready', topic }]);
  });

  it('asks such a socket only to reconnect when the same call gives the complaint back to its agency', async () => {
    const topic: LiveTopic = 'complaint:NTB-QRST2346';
    const held = await connect(topic, 'staff:41', 4);
    const closed = new Promise<number>((resolve) => held.socket.addEventListener('close', (e) => resolve(e.code)));
    const event = { type: 'event', topic, complaintCode: 'NTB-QRST2346' } as const;
    const returned = { ...event, eventId: 80, eventType: 'returned', status: 'submitted', version: 4, heldBy: null, silent: true } as const;
    const forwardedBack = { ...event, eventId: 81, eventType: 'forwarded', status: 'forwarded', version: 5, heldBy: 4 } as const;
    expect(await held.stub.publishAll([returned, forwardedBack])).toBe(0);
    // Not 4003, on which the client stops: reconnecting, it is authorised anew and catches up.
    expect(await closed).toBe(1012);
    expect(held.received).toEqual([{ type: 'ready', topic }]);
  });

  it('refuses a request without an authorised subscriber', async () => {
    const stub = liveInbox(env, 'moderation');
    expect((await stub.fetch('https://live/socket')).status).toBe(426);
    const res = await stub.fetch('https://live/socket', {
      headers: { Upgrade: 'websocket', [SUBSCRIBER_HEADER]: JSON.stringify({ topic: 'everything', subscriber: 'x' }) },
    });
    expect(res.status).toBe(400);
  });
});

describe('LiveInbox across evictions', () => {
  const event = (eventId: number): LiveMessage => ({
    type: 'event',
    topic: 'agency:9',
    eventId,
    eventType: 'forwarded',
    complaintCode: 'NTB-ABCD2345',
    status: 'forwarded',
    version: 2,
  });

  it('keeps hibernated sockets working after the object is evicted', async () => {
    const a = await connect('agency:9', 'staff:90');
    await settle();
    await evictDurableObject(a.stub, { webSockets: 'hibernate' });
    // A fresh instance finds the socket and its attachment again.
    expect(await a.stub.connectionCount()).toBe(1);
    expect(await a.stub.publish(event(41))).toBe(1);
    await settle();
    expect(a.received.at(-1)).toEqual(event(41));
    await runInDurableObject(a.stub, async (_instance: LiveInbox, state) => {
      expect(state.getWebSockets()[0]?.deserializeAttachment()).toMatchObject({ subscriber: 'staff:90', topic: 'agency:9' });
    });
  });

  it('tells an event once, even when it is published again after an eviction', async () => {
    const a = await connect('agency:7', 'staff:70');
    await settle();
    expect(await a.stub.publish(event(51))).toBe(1);
    expect(await a.stub.publish(event(51))).toBe(0);
    await evictDurableObject(a.stub, { webSockets: 'hibernate' });
    expect(await a.stub.publish(event(51))).toBe(0);
    expect(await a.stub.publish(event(52))).toBe(1);
    await settle();
    expect(a.received.filter((m) => m.type === 'event').map((m) => m.type === 'event' && m.eventId)).toEqual([51, 52]);
  });

  it('closes sockets when evicted with close, so clients reconnect and catch up from D1', async () => {
    const b = await connect('agency:8', 'staff:80');
    const closed = new Promise<number>((resolve) => b.socket.addEventListener('close', (e) => resolve(e.code)));
    await settle();
    await evictDurableObject(b.stub, { webSockets: 'close' });
    expect(await closed).toBeGreaterThan(0);
    expect(await b.stub.connectionCount()).toBe(0);
  });
});
