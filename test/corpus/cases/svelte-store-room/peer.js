import { get } from 'svelte/store';
import { cs, ORG, conferenceId } from './stores.js';

const ICE_SERVERS = [{ urls: 'stun:stun.acme-clinic.example:3478' }];

// A consultation is one practitioner and one patient: a single peer connection.
export function connectPatient(patient, roomSlug, localStream, signal) {
  const pc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));

  const confId = `${ORG}/${roomSlug}`;
  cs.addNewFabric(pc, patient.uid, cs.fabricUsage.multiplex, confId, {
    remoteEndpointType: cs.endpointType.peer,
  });

  pc.onicecandidate = ({ candidate }) => {
    if (candidate) signal({ type: 'candidate', to: patient.uid, candidate });
  };

  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed') {
      cs.reportError(pc, roomSlug, cs.webRTCFunctions.iceConnectionFailure, new Error('connection failed')); // expect: conference-id-consistency
      signal({ type: 'hangup', to: patient.uid });
    }
  };

  return pc;
}

export function holdPatient(pc) {
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, get(conferenceId)); // ok: conference-id-consistency -- the derived store holds the same ORG/slug value
}

export function resumePatient(pc) {
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricResume, get(conferenceId));
}

export async function startOffer(pc, patient, roomSlug, signal) {
  try {
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    signal({ type: 'offer', to: patient.uid, sdp: offer.sdp });
  } catch (error) {
    cs.reportError(pc, `${ORG}/${roomSlug}`, cs.webRTCFunctions.createOffer, error);
  }
}
