import callstats from 'callstats-js';
import { createHash } from 'node:crypto';

// Browser-side leg of a WebRTC-to-PSTN gateway: the agent's browser talks to the media gateway,
// which dials the customer's phone line. SIP URIs carry E.164 numbers.

const GATEWAY_ID = 'pstn-gw-fra1';
const HOTLINE_URI = 'sip:+4930901820@pstn.example.com';

const cs = callstats();

function hashNumber(e164) {
  return createHash('sha1').update(e164).digest('hex');
}

export function startAgentStats(agent, secret) {
  // ok: userid-privacy -- the agent's staff id, not a phone number
  cs.initialize('381956532', secret, agent.staffId);
}

export function dialCustomer(session, customerNumber) {
  const pc = session.connection;
  // ok: userid-privacy -- the far end is the gateway, named by its own ID
  cs.addNewFabric(pc, GATEWAY_ID, cs.fabricUsage.audio, session.sipCallId, {
    remoteEndpointType: cs.endpointType.server,
  });
  session.on('progress', () => console.log('ringing', hashNumber(customerNumber)));
  session.on('failed', (event) => {
    cs.reportError(pc, session.sipCallId, cs.webRTCFunctions.iceConnectionFailure, new Error(event.cause));
  });
}

export function transferToHotline(session, ssrc) {
  cs.associateMstWithUserID(session.connection, HOTLINE_URI, session.sipCallId, ssrc, 'audio'); // expect: userid-privacy
}

export function logCallerLeg(session, callerE164) {
  // ok: userid-privacy -- a SHA-1 of the number, as the guide recommends
  cs.associateMstWithUserID(session.connection, hashNumber(callerE164), session.sipCallId, session.remoteSsrc, 'audio');
}

export function mergeConference(session, incoming) {
  // A second browser joins the call directly; its SIP identity is the conference line's number.
  cs.addNewFabric(incoming.connection, `sip:+49 30 1234 5678@pstn.example.com`, cs.fabricUsage.audio, session.sipCallId); // expect: userid-privacy
}
