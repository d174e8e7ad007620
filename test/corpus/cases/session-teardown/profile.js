// The profile screen: users may pick a new handle, which the app also uses as their callstats userID.
import { session } from './stats-session.js';

export async function saveHandle(form) {
  const handle = String(form.get('handle') ?? '').trim();
  if (!/^[a-z0-9-]{3,32}$/.test(handle)) throw new Error('a handle is 3 to 32 lowercase letters, digits or dashes');
  const response = await fetch('/api/profile/handle', { method: 'PUT', body: JSON.stringify({ handle }) });
  if (!response.ok) throw new Error(`could not save the handle (${response.status})`);
  session.userId = handle; // expect: reinit-on-userid-change:error (no fix) -- the token generator initialize() needs is local to signedIn(), so no re-initialization can be written here
}
