// A fetch for set-up and warm-up requests that waits out a 503 (the app shedding load while a
// previous measurement's backlog drains, see docs/reliability.md) instead of failing the run.
export async function fetchPatiently(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, init);
    if (response.status !== 503 || attempt >= 20) return response;
    await response.arrayBuffer();
    const seconds = Number(response.headers.get('retry-after') ?? 1);
    await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 5) * 1000));
  }
}
