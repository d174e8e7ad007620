// Reception kiosk in a hospital lobby: the device itself is the user, named by its
// asset label, and every visitor call goes to the on-duty nurse desk.
import callstats from 'callstats-js/callstats.min';

const DEVICE_LABEL =
  '東京都立総合医療センター 本館一階 総合受付 来院者案内用ビデオ通話端末 ' +
  '設置場所：正面玄関ロビー東側 エレベーターホール前 管理部署：医療情報部 情報システム課 ' +
  '資産番号：ＭＥＤ－ＫＩＯＳＫ－〇〇四二 保守契約：年間 保守業者：株式会社サンプル医療システムズ';

const NURSE_DESK_ROOM = 'nurse-desk-lobby'; // expect: conference-id-reuse

// The service allows 256 for a userID.
const KIOSK_USER_ID = DEVICE_LABEL.slice(0, 256); // expect: id-max-bytes:error -- slice counts UTF-16 units, not UTF-8 bytes

const cs = new callstats();
cs.initialize('771302946', 'kiosk-app-secret', KIOSK_USER_ID, (status, message) => {
  document.body.dataset.stats = status;
  if (status !== 'success') console.warn('callstats', message);
});

let activeCall = null;

async function callNurseDesk(signalling) {
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'turn:turn.example.jp', username: 'kiosk', credential: 'x' }] });
  const camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280 } });
  camera.getTracks().forEach((track) => pc.addTrack(track, camera));
  const { nurseId } = await signalling.request('ring-desk');
  cs.addNewFabric(pc, nurseId, cs.fabricUsage.multiplex, NURSE_DESK_ROOM);
  pc.ontrack = ({ streams: [stream] }) => {
    document.querySelector('#nurse').srcObject = stream;
  };
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  const { sdp } = await signalling.request('offer', { sdp: offer.sdp });
  await pc.setRemoteDescription({ type: 'answer', sdp });
  activeCall = pc;
}

function endCall() {
  if (!activeCall) return;
  cs.sendFabricEvent(activeCall, cs.fabricEvent.fabricTerminated, NURSE_DESK_ROOM);
  activeCall.close();
  activeCall = null;
}

export function mountKiosk(signalling) {
  document.querySelector('#call').addEventListener('click', () => {
    callNurseDesk(signalling).catch((error) => {
      console.error(error);
      endCall();
    });
  });
  document.querySelector('#end').addEventListener('click', endCall);
  signalling.on('desk-hung-up', endCall);
}
