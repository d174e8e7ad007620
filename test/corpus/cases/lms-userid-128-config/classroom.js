// Live classroom of the college's learning management system. The project keeps user IDs within
// the 128 bytes of the API tables (see .callstatslintrc.json).
const APP_ID = '518204377';
const CAMPUS_LABEL = 'Northern Regional Community College, Harbourside Campus, Faculty of Continuing Education and Professional Development, Evening Programme';
const COURSES_ROOT = 'lms.example.edu/tenants/northern-regional-community-college/campuses/harbourside/courses/continuing-education/evening-programme/sections/';

const cs = new window.callstats();

function fetchToken(forced, callback) {
  fetch('/api/callstats/token', { credentials: 'include', method: forced ? 'POST' : 'GET' })
    .then((response) => response.json())
    .then((body) => callback(null, body.token))
    .catch((error) => callback(error));
}

function onInit(status, message) {
  if (status !== 'success') console.error('[classroom] callstats:', message);
}

// Shared kiosk in the library: no personal account, the device is the user.
export function startKiosk(learner) {
  const kioskUserID = `lms.example.edu/tenants/northern-regional-community-college/campuses/harbourside/learners/continuing-education/${learner.id}/devices/primary-browser`; // expect: id-max-bytes:error
  cs.initialize(APP_ID, fetchToken, kioskUserID, onInit);
}

export function startSignedIn(learner) {
  cs.initialize(APP_ID, fetchToken, {
    userName: `${learner.fullName} — ${CAMPUS_LABEL}`, // expect: id-max-bytes:error
    aliasName: learner.pseudonym,
    loginID: learner.studentNumber,
  }, onInit);
}

export function joinSection(section, instructor, localStream) {
  const conferenceID = `${COURSES_ROOT}${section.code}/live-classroom`; // ok: id-max-bytes -- about 152 bytes: conferenceIDs keep the 256-byte limit whatever userIdMaxBytes says
  const pc = new RTCPeerConnection({ iceServers: section.iceServers });
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));

  cs.addNewFabric(pc, `instructor-${instructor.staffNumber}`, cs.fabricUsage.multiplex, conferenceID); // ok: id-max-bytes -- a short remote ID

  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') {
      cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error('connection failed'));
    }
  });
  return { pc, conferenceID };
}

export function leaveSection(session, rating) {
  cs.sendFabricEvent(session.pc, cs.fabricEvent.fabricTerminated, session.conferenceID);
  if (rating) cs.sendUserFeedback(session.conferenceID, { userID: rating.pseudonym, overall: rating.stars });
  session.pc.close();
}
