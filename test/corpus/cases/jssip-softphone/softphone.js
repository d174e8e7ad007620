// Browser softphone on JsSIP: registers the agent's extension and reports every call's media to callstats.
import JsSIP from 'jssip';
import callstats from 'callstats-js/callstats.min';

const APP_ID = '728413905';

function callIdOf(session) {
  // Both ends of a SIP dialog see the same Call-ID header, so it names the call for everyone.
  return `sip-${session.request.call_id}`;
}

export class Softphone {
  constructor(config) {
    this.config = config;
    this.stats = new callstats();
    this.sessions = new Map();
    this.ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(config.wsServer)],
      uri: `sip:${config.extension}@${config.domain}`,
      password: config.password,
      register: true,
    });
  }

  start() {
    const tokenGenerator = (forceNew, callback) => {
      fetch(`/api/callstats/token?forceNew=${forceNew}`, { credentials: 'include' })
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`token ${response.status}`))))
        .then((token) => callback(null, token), (error) => callback(error));
    };
    this.stats.initialize(APP_ID, tokenGenerator, this.config.agentId, (status, message) => {
      if (status !== 'success') console.warn('callstats:', message);
    });
    this.ua.on('newRTCSession', ({ session }) => this.track(session));
    this.ua.start();
  }

  call(target) {
    return this.ua.call(`sip:${target}@${this.config.domain}`, {
      mediaConstraints: { audio: true, video: false },
      pcConfig: { iceServers: this.config.iceServers },
    });
  }

  track(session) {
    const conferenceID = callIdOf(session);
    this.sessions.set(session.id, session);
    const attach = (pc) => {
      const remote = session.remote_identity;
      // The far end is another registered agent or a PSTN gateway leg; its URI user is its account.
      this.stats.addNewFabric(pc, remote.uri.user, this.stats.fabricUsage.audio, conferenceID, {
        remoteEndpointType: this.stats.endpointType.peer,
      });
      pc.addEventListener('iceconnectionstatechange', () => {
        if (pc.iceConnectionState === 'failed') {
          this.stats.reportError(pc, conferenceID, this.stats.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
        }
      });
    };
    if (session.connection) attach(session.connection);
    else session.on('peerconnection', ({ peerconnection }) => attach(peerconnection));

    session.on('hold', () => this.stats.sendFabricEvent(session.connection, this.stats.fabricEvent.fabricHold, conferenceID));
    session.on('unhold', () => this.stats.sendFabricEvent(session.connection, this.stats.fabricEvent.fabricResume, conferenceID));
    session.on('muted', () => this.stats.sendFabricEvent(session.connection, this.stats.fabricEvent.audioMute, conferenceID));
    session.on('unmuted', () => this.stats.sendFabricEvent(session.connection, this.stats.fabricEvent.audioUnmute, conferenceID));
    session.on('ended', () => this.finish(session, conferenceID));
    session.on('failed', ({ cause }) => {
      if (session.connection) {
        this.stats.reportError(session.connection, conferenceID, this.stats.webRTCFunctions.applicationLog, new Error(`call failed: ${cause}`));
      }
      this.sessions.delete(session.id);
    });
  }

  finish(session, conferenceID) {
    if (session.connection) this.stats.sendFabricEvent(session.connection, this.stats.fabricEvent.fabricTerminated, conferenceID);
    this.sessions.delete(session.id);
  }
}
