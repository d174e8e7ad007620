// Renderer of the call window: a one-to-one call with the participant the main process picked.
const { meetingUrl, remote } = window.callWindowArgs;
const pc = new RTCPeerConnection({ iceServers: window.callWindowArgs.iceServers });

async function startCall() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  document.getElementById('self').srcObject = stream;
  window.meetingStats.addConnection(pc, remote.participantId, meetingUrl);
}

pc.ontrack = ({ streams }) => {
  document.getElementById('remote').srcObject = streams[0];
};

pc.oniceconnectionstatechange = () => {
  if (pc.iceConnectionState === 'failed') {
    window.meetingStats.connectionFailed(pc, meetingUrl, new Error('ICE connection failed'));
  }
};

document.getElementById('share').addEventListener('click', async () => {
  const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
  const [track] = screen.getVideoTracks();
  const sender = pc.getSenders().find((s) => s.track && s.track.kind === 'video');
  await sender.replaceTrack(track);
  window.meetingStats.screenShare(pc, meetingUrl, true);
  track.onended = () => window.meetingStats.screenShare(pc, meetingUrl, false);
});

document.getElementById('rate').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  window.meetingStats.feedback(meetingUrl, Number(form.get('stars')), String(form.get('comment') || ''));
});

startCall().catch((error) => console.error('call failed', error));
