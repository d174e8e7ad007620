// Daily stand-up page: every team has a fixed page (/standup/<team>), and everyone who opens it on
// a given day is in the same call. The date keeps yesterday's call apart from today's.
import callstats from 'callstats-js/callstats.min';
import { connectSignalling } from './signalling';

const CALLSTATS_APP_ID = '519203377';
const STUN = [{ urls: 'stun:stun.example.com:3478' }];

const cs = new callstats();
const peers = new Map();

function localUserId() {
  let id = sessionStorage.getItem('standup-user');
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem('standup-user', id);
  }
  return id;
}

function callDate(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

function conferenceIdForPage() {
  const path = window.location.pathname.replace(/\/+$/, '').toLowerCase();
  return `${window.location.host}${path}/${callDate()}`; // ok: conference-id-reuse -- the page path and the date of the call, taken when the call starts
}

async function fetchToken() {
  const response = await fetch('/api/callstats/token', { credentials: 'include' });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  return response.text();
}

export async function joinStandup(localStream) {
  const me = localUserId();
  const conferenceID = conferenceIdForPage();
  cs.initialize(CALLSTATS_APP_ID, (forceNew, callback) => {
    fetchToken().then((token) => callback(null, token), (error) => callback(error));
  }, me);

  const signalling = await connectSignalling({ room: conferenceID, userId: me });

  function connectTo(peerId, initiator) {
    const pc = new RTCPeerConnection({ iceServers: STUN });
    peers.set(peerId, pc);
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceID, {
      remoteEndpointType: cs.endpointType.peer,
      fabricTransmissionDirection: cs.transmissionDirection.sendrecv,
    });
    pc.onicecandidate = ({ candidate }) => candidate && signalling.send(peerId, { candidate });
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') {
        cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
      }
    };
    if (initiator) {
      pc.createOffer()
        .then((offer) => pc.setLocalDescription(offer))
        .then(() => signalling.send(peerId, { sdp: pc.localDescription }))
        .catch((error) => cs.reportError(pc, conferenceID, cs.webRTCFunctions.createOffer, error));
    }
    return pc;
  }

  signalling.on('peer-joined', ({ userId }) => connectTo(userId, true));
  signalling.on('peer-left', ({ userId }) => {
    const pc = peers.get(userId);
    if (!pc) return;
    cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
    pc.close();
    peers.delete(userId);
  });
  signalling.on('message', async ({ from, sdp, candidate }) => {
    const pc = peers.get(from) || connectTo(from, false);
    if (candidate) return pc.addIceCandidate(candidate);
    await pc.setRemoteDescription(sdp);
    if (sdp.type === 'offer') {
      await pc.setLocalDescription(await pc.createAnswer());
      signalling.send(from, { sdp: pc.localDescription });
    }
  });

  return {
    setMuted(muted) {
      const event = muted ? cs.fabricEvent.audioMute : cs.fabricEvent.audioUnmute;
      peers.forEach((pc) => cs.sendFabricEvent(pc, event, conferenceID));
    },
    leave(rating) {
      cs.sendUserFeedback(conferenceID, { userID: me, overall: rating });
      peers.forEach((pc) => pc.close());
      signalling.close();
    },
  };
}
