import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isLoopbackHost } from '../../electron/externalUrl';

describe('links opened outside the station', () => {
  it.each([
    ['https://docs.lockstep.example/guide#batches', 'https://docs.lockstep.example/guide#batches'],
    ['HTTPS://Docs.Lockstep.Example/a b', 'https://docs.lockstep.example/a%20b'],
    ['http://localhost:4650/v1/health', 'http://localhost:4650/v1/health'],
    ['http://127.0.0.1:4650/', 'http://127.0.0.1:4650/'],
    ['http://127.1/', 'http://127.0.0.1/'],
    ['http://0x7f.0.0.1/', 'http://127.0.0.1/'],
    ['http://[::1]:4650/', 'http://[::1]:4650/'],
    ['mailto:quality@plant.example', 'mailto:quality@plant.example'],
    ['mailto:a@plant.example,b@plant.example?subject=R-12', 'mailto:a@plant.example,b@plant.example?subject=R-12'],
  ])('opens %j as %j', (raw, opened) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: opened });
  });

  it.each([
    ['javascript:alert(1)', /javascript links/],
    ['JaVaScRiPt:alert(1)', /javascript links/],
    ['  javascript:alert(1)', /javascript links/],
    ['java\tscript:alert(1)', /javascript links/],
    ['file:///etc/passwd', /file links/],
    ['file://server/share/setup.exe', /file links/],
    ['data:text/html,<script>alert(1)</script>', /data links/],
    ['vbscript:msgbox', /vbscript links/],
    ['smb://server/share', /smb links/],
    ['ms-msdt:/id PCWDiagnostic', /ms-msdt links/],
    ['app://station/index.html', /app links/],
    ['chrome://settings', /chrome links/],
    ['https://evil.example@localhost/', /user name or password/],
    ['http://evil.example@localhost/', /user name or password/],
    ['https://user:pass@docs.lockstep.example/', /user name or password/],
    ['http://localhost@evil.example/', /user name or password/],
    ['http://evil.example/', /plain http/],
    ['http://localhost.evil.example/', /plain http/],
    ['http://127.0.0.1.nip.io/', /plain http/],
    ['http://10.0.0.5:4650/', /plain http/],
    ['/relative/path', /not a complete address/],
    ['docs.lockstep.example', /not a complete address/],
    ['//evil.example/', /not a complete address/],
    ['', /empty/],
    [`https://docs.lockstep.example/${'a'.repeat(3000)}`, /longer than/],
    ['mailto:not an address', /mail address/],
    ['mailto:', /mail address/],
    ['mailto:a@b.example%0d%0aBcc:c@d.example', /mail address/],
  ])('refuses %j', (raw, reason) => {
    const checked = checkExternalUrl(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 1, { href: 'https://x.example/' }]) expect(checkExternalUrl(value).ok).toBe(false);
  });

  it('opens plain http to the origins it is told about (the station’s server), and only those', () => {
    const options = { httpOrigins: ['http://10.0.0.5:4650'] };
    expect(checkExternalUrl('http://10.0.0.5:4650/review', options)).toEqual({ ok: true, url: 'http://10.0.0.5:4650/review' });
    expect(checkExternalUrl('http://10.0.0.5:4651/', options).ok).toBe(false);
    expect(checkExternalUrl('http://10.0.0.5/', options).ok).toBe(false);
    expect(checkExternalUrl('http://x@10.0.0.5:4650/', options).ok).toBe(false);
  });
});

describe('loopback hosts', () => {
  it.each(['localhost', '127.0.0.1', '127.255.255.254', '[::1]'])('%s is this computer', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['localhost.evil.example', '127.0.0.1.evil.example', '128.0.0.1', '127.0.0.256', '[::2]', 'evil-localhost', ''])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
