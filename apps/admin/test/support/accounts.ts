// The demo accounts of a test server started with `demoPassword`, and API calls made as them
// from Node (to change records "behind the browser's back", or to check what the API refuses).

export const TEST_PASSWORD = 'atlas-e2e-password';

export const DEMO_ACCOUNTS = {
  admin: 'admin@example.org',
  coordinator: 'coordinator@example.org',
  analyst: 'analyst@example.org',
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export interface ApiSession {
  /** fetch against the server as this user (cookie and CSRF token added). */
  call: (path: string, init?: RequestInit) => Promise<Response>;
}

/** Sign in from Node as a demo user and return a fetch bound to that session. */
export async function apiSession(baseUrl: string, role: DemoRole): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ACCOUNTS[role], password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login as ${role} answered ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    call: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set('x-csrf-token', csrfToken);
      if (init.body && !headers.has('content-type'))
        headers.set('content-type', 'application/json');
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    },
  };
}
