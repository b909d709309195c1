// A request another app filed through Open311, as staff see it: which app's key filed it
// and the media link it sent, which moderators see before the public may.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView, IssuedApiKey, ModerationQueueResponse } from '../../worker/domain/api';
import type { ServiceRequest } from '../../worker/open311/requests';
import { newCitizen } from './citizen';
import { call } from './helpers';
import { getBoth, issueApiKey, postRequest, requestForm } from './open311';
import { signIn } from './staff';

const MEDIA = 'https://media.example.org/foto/pipa.jpg';
let moderator: string;
let pdam: string;
let key: IssuedApiKey;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
  key = await issueApiKey((await signIn('admin')).cookie, 'Aplikasi Warga Lombok');
});

async function file(): Promise<string> {
  const res = await postRequest('json', requestForm(key.key, { media_url: MEDIA }));
  expect(res.status).toBe(201);
  return (await res.json<{ service_request_id: string }[]>())[0]!.service_request_id;
}

const view = async (code: string, headers: Record<string, string> = {}) => {
  const res = await call(`/api/complaints/${code}`, { headers });
  expect(res.status).toBe(200);
  return res.json<ComplaintView>();
};
const mediaUrl = async (code: string) => (await getBoth<ServiceRequest[]>(`requests/${code}`, 'service_requests'))[0]!.media_url;

async function act(code: string, action: string, body: Record<string, unknown>) {
  const { version } = (await env.DB.prepare('SELECT version FROM complaints WHERE code = ?').bind(code).first<{ version: number }>())!;
  const res = await call(`/api/complaints/${code}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: moderator },
    body: JSON.stringify({ version, ...body }),
  });
  expect(res.status).toBe(200);
}

describe('a request filed through Open311', () => {
  it('shows moderators and the agency which app filed it and its media link; the public sees neither', async () => {
    const code = await file();
    const filedVia = { apiKey: 'Aplikasi Warga Lombok', mediaUrl: MEDIA };
    const queue = await (await call('/api/moderation/queue?limit=100', { headers: { Cookie: moderator } })).json<ModerationQueueResponse>();
    expect(queue.items.find((i) => i.code === code)!.filedVia).toEqual(filedVia);
    expect((await view(code, { Cookie: moderator })).filedVia).toEqual(filedVia);

    await act(code, 'forward', { agency: 'pdam-giri-menang', priority: 'normal' });
    expect((await view(code, { Cookie: pdam })).filedVia).toEqual(filedVia);
    const shown = await view(code);
    expect(shown.filedVia).toBeNull();
    expect(JSON.stringify(shown)).not.toContain('Aplikasi Warga Lombok');
    expect(JSON.stringify(shown)).not.toContain(MEDIA);
  });

  it('publishes the media link in Open311 only once the moderators have verified the complaint', async () => {
    const code = await file();
    expect(await mediaUrl(code)).toBeNull();
    await act(code, 'forward', { agency: 'pdam-giri-menang', priority: 'normal' });
    expect(await mediaUrl(code)).toBe(MEDIA);

    const rejected = await file();
    await act(rejected, 'reject', { reason: 'abusive', message: 'Tautan tidak pantas.' });
    expect(await mediaUrl(rejected)).toBeNull();
  });

  it('shows no app for a complaint filed through our own client', async () => {
    const { code } = await newCitizen().fileOk();
    expect((await view(code, { Cookie: moderator })).filedVia).toBeNull();
  });
});
