// A WebSocket the tests drive: it records what the client opened and sent, and the test plays
// the server (`ready`, messages, a dropped connection). Installed by the fake APIs.
import type { LiveMessage } from '../../worker/domain/live';

export class FakeWebSocket extends EventTarget {
  static instances: FakeWebSocket[] = [];
  static get last() {
    return FakeWebSocket.instances[FakeWebSocket.instances.length - 1]!;
  }
  readyState = 0;
  sent: string[] = [];
  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    super();
    FakeWebSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
  /** The server accepts and subscribes: `{type: 'ready'}`. */
  ready() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
    this.receive({ type: 'ready', topic: 'agency:7' });
  }
  receive(message: LiveMessage) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  /** The server closes it with a code (4001: the staff session behind it ended). */
  closedByServer(code: number) {
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
  }
  /** The upgrade is refused or never reaches the server: the browser says only 1006. */
  refused() {
    this.readyState = 3;
    this.dispatchEvent(new Event('error'));
    this.dispatchEvent(Object.assign(new Event('close'), { code: 1006 }));
  }
  /** The connection drops (an object restart, a network change). */
  drop() {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}
