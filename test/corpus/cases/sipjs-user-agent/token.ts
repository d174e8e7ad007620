// The callstats token generator: the backend signs a JWT for the signed-in account.
export function fetchCallstatsToken(forceNew: boolean, callback: (error: Error | null, token?: string) => void): void {
  fetch('/api/callstats/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ forceNew }) })
    .then(async (response) => {
      if (!response.ok) throw new Error(`token request failed with ${response.status}`);
      callback(null, await response.text());
    })
    .catch((error: Error) => callback(error));
}
