// Webinar player for the internal events portal: one send/receive connection per presenter,
// IDs kept short or known to fit in 256 bytes of UTF-8.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '742991053';
const APP_SECRET = 'c2VjcmV0LXdlYmluYXI=';

// Japanese session title used as the room on the Tokyo portal: 77 characters, 231 bytes.
const SESSION_TITLE_JA = '東京本社大会議室第三回全社技術発表会オンライン配信名古屋支社営業部定例ミーティング録画配信用会議室第二回大阪支社開発部品質保証課合同勉強会及び新製品説明会';
const ROOM_PREFIX = 'webinars/2027/';
const FAMILY_ROOM = 'family-room-👩‍👩‍👧'; // ok: id-unicode -- the zero-width joiners sit between emoji and form one family glyph

const cs = new callstats();
let localUser = null;

function statsHandler(stats) {
  if (stats && stats.fabrics) console.debug('[webinar] fabrics', Object.keys(stats.fabrics).length);
}

export function signIn(account) {
  localUser = {
    userName: account.displayName,
    aliasName: account.employeeHash,
    loginID: account.email,
  };
  cs.initialize(APP_ID, APP_SECRET, localUser, (status, message) => { // ok: userid-object-shape -- all three known keys, no version pinned
    if (status !== 'success') console.warn('[webinar] callstats init failed', message);
  }, statsHandler);
  cs.on('preCallTestResults', (status, results) => console.info('[webinar] precall', status, results)); // ok: removed-api -- accepted event name
  cs.on('mediaDisruption', (info) => console.warn('[webinar] media disruption', info)); // ok: removed-api -- accepted since 3.73
}

function roomFor(session) {
  if (session.portal === 'tokyo') return ROOM_PREFIX + SESSION_TITLE_JA; // ok: id-max-bytes -- 245 bytes, under 256
  if (session.kind === 'family') return FAMILY_ROOM;
  return `${ROOM_PREFIX}${session.slug}`;
}

export async function watchPresenter(session, presenter, signalling) {
  const pc = new RTCPeerConnection({ iceServers: session.iceServers });
  const conferenceID = roomFor(session);
  cs.addNewFabric(pc, presenter.userId, cs.fabricUsage.multiplex, conferenceID); // ok: id-max-bytes, id-unicode -- every value of roomFor fits and is clean

  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    }
  });

  pc.ontrack = ({ streams }) => {
    const video = document.getElementById(`presenter-${presenter.userId}`);
    if (video && streams[0]) video.srcObject = streams[0];
  };

  const offer = await signalling.requestOffer(presenter.userId);
  await pc.setRemoteDescription(offer);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  signalling.sendAnswer(presenter.userId, answer);
  return pc;
}

export function rateSession(session, score, comment) {
  cs.sendUserFeedback(roomFor(session), { // ok: id-case-collision -- only one spelling of each room in the app
    userID: localUser && localUser.aliasName,
    overall: score,
    comment,
  });
}

export function renamePresenter(pc, newPresenterId) {
  cs.setIdentifiers({ remoteUserID: newPresenterId }, pc); // ok: removed-api -- the supported way to change a remote ID
}
