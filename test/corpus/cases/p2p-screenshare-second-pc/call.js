// One-to-one tutoring call. The camera and microphone go over one connection; sharing the screen
// opens a second connection to the same tutor, so the screen can be sent at its own bitrate.
import callstats from 'callstats-js/callstats.min';

const ICE_SERVERS = [{ urls: 'turn:turn.example.org:443', username: 'tutor', credential: 'demo' }];

export class TutoringCall {
  constructor({ appId, tokenUrl, me, signalling }) {
    this.me = me;
    this.signalling = signalling;
    this.cs = new callstats();
    this.cs.initialize(appId, (forceNew, cb) => {
      fetch(tokenUrl).then((r) => r.text()).then((t) => cb(null, t), cb);
    }, me.id);
  }

  async start(session, localStream) {
    this.session = session;
    this.conferenceID = `tutoring/${session.id}`;
    this.mediaPc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
    localStream.getTracks().forEach((track) => this.mediaPc.addTrack(track, localStream));
    this.cs.addNewFabric(this.mediaPc, session.tutorId, this.cs.fabricUsage.multiplex, this.conferenceID, {
      remoteEndpointType: this.cs.endpointType.peer,
    });
    await this.negotiate(this.mediaPc, 'media');
  }

  async shareScreen() {
    const display = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 15 } });
    const [track] = display.getVideoTracks();
    this.screenPc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
    this.screenPc.addTransceiver(track, { direction: 'sendonly', streams: [display] });
    this.cs.addNewFabric(this.screenPc, this.session.tutorId, this.cs.fabricUsage.screen, this.conferenceID, { // ok: remote-userid-topology, conference-id-consistency -- a second connection to the same tutor in the same call
      remoteEndpointType: this.cs.endpointType.peer,
      fabricTransmissionDirection: this.cs.transmissionDirection.sendonly,
    });
    this.cs.sendFabricEvent(this.mediaPc, this.cs.fabricEvent.screenShareStart, this.conferenceID);
    track.addEventListener('ended', () => this.stopScreen());
    await this.negotiate(this.screenPc, 'screen');
  }

  stopScreen() {
    if (!this.screenPc) return;
    this.cs.sendFabricEvent(this.mediaPc, this.cs.fabricEvent.screenShareStop, this.conferenceID);
    this.cs.sendFabricEvent(this.screenPc, this.cs.fabricEvent.fabricTerminated, this.conferenceID);
    this.screenPc.close();
    this.screenPc = null;
    this.signalling.send({ type: 'screen-stopped', session: this.session.id });
  }

  async negotiate(pc, label) {
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.signalling.send({ type: 'candidate', label, candidate });
    };
    try {
      await pc.setLocalDescription(await pc.createOffer());
      const answer = await this.signalling.request({ type: 'offer', label, sdp: pc.localDescription });
      await pc.setRemoteDescription(answer);
    } catch (error) {
      this.cs.reportError(pc, this.conferenceID, this.cs.webRTCFunctions.setRemoteDescription, error);
      throw error;
    }
  }

  hangUp(rating) {
    this.stopScreen();
    this.cs.sendFabricEvent(this.mediaPc, this.cs.fabricEvent.fabricTerminated, this.conferenceID);
    this.cs.sendUserFeedback(this.conferenceID, { userID: this.me.id, overall: rating });
    this.mediaPc.close();
  }
}
