// A sign-in answers with two cookies (the session and the known device): the session's
// `name=value`, to send back as a Cookie header, over HTTPS (`__Host-`) or plain HTTP.
export const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => /^(__Host-)?ntbcare_session=/.test(c))!.split(';')[0]!;
