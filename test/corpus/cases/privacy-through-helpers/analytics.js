// Game voice chat: party members talk in a mesh; the launcher hands over the player's profile after sign-in.
import callstats from 'callstats-js/callstats.min';
import { sha1Hex } from './hash.js';

const csio = new callstats();
const APP_ID = '741186230';

function begin(userId, tokenGenerator) {
  csio.initialize(APP_ID, tokenGenerator, userId, (status, message) => { // expect: userid-privacy -- onSignedIn passes the player's username, through a local
    if (status !== 'success') console.warn('voice stats:', message);
  });
}

export function onSignedIn(user, tokenGenerator) {
  const who = user.username;
  begin(who, tokenGenerator);
}

function connectMember(pc, remoteId, partyId) {
  csio.addNewFabric(pc, remoteId, csio.fabricUsage.audio, `party-${partyId}`, { remoteEndpointType: csio.endpointType.peer }); // expect: userid-privacy -- onMemberJoined passes a display name
}

export function onMemberJoined(pc, party, member) {
  connectMember(pc, member.profile.displayName, party.id);
}

// Spectators of a tournament match: their IDs are hashed, so the dashboard shows no player names.
export async function onSpectatorJoined(pc, match, spectator) {
  connectMember(pc, await sha1Hex(spectator.username), match.id); // ok: userid-privacy -- a SHA-1 of the name is what the guide recommends
}
