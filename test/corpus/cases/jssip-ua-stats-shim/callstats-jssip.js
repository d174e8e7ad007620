// Attaches callstats to every call of a JsSIP user agent. Loaded after callstats.min.js and jssip.min.js.
import JsSIP from 'jssip';
import callstats from 'callstats-js/callstats.min';

const APP_ID = '740311923';

function sipUser(uri) {
  // "sip:1001@pbx.example.net" -> "1001"
  return uri && uri.user ? String(uri.user) : null;
}

export function attachCallstats(ua, { appSecret, logger = console } = {}) {
  const cs = new callstats();
  const localUser = sipUser(ua.configuration.uri); // ok: userid-privacy -- the SIP account's extension, not a person's name
  if (!localUser) {
    logger.warn('callstats: no SIP user configured, statistics disabled');
    return () => {};
  }

  cs.initialize(APP_ID, appSecret, localUser, (status, message) => {
    if (status !== 'success') logger.warn('callstats init', status, message);
  }, null, { applicationVersion: 'softphone-2.4.1' });

  const sessions = new Map();

  function onNewSession({ session, originator }) {
    // Both ends of one dialog share the SIP Call-ID: it is the conference for this call.
    const conferenceId = session.request.call_id; // ok: conference-id-reuse -- a new Call-ID for every dialog
    const remoteUser = sipUser(session.remote_identity.uri);

    const track = (pc) => {
      if (!remoteUser) {
        logger.warn('callstats: anonymous caller, fabric not tracked');
        return;
      }
      sessions.set(session.id, { pc, conferenceId });
      cs.addNewFabric(pc, remoteUser, cs.fabricUsage.multiplex, conferenceId, {
        remoteEndpointType: cs.endpointType.peer,
        fabricTransmissionDirection: cs.transmissionDirection.sendrecv,
      }, (err, msg) => {
        if (err !== 'success') logger.warn('callstats addNewFabric', err, msg);
      });
    };

    if (originator === 'local') {
      session.on('peerconnection', ({ peerconnection }) => track(peerconnection));
    } else if (session.connection) {
      track(session.connection);
    } else {
      session.on('peerconnection', ({ peerconnection }) => track(peerconnection));
    }

    session.on('hold', () => {
      const entry = sessions.get(session.id);
      if (entry) cs.sendFabricEvent(entry.pc, cs.fabricEvent.fabricHold, entry.conferenceId);
    });
    session.on('unhold', () => {
      const entry = sessions.get(session.id);
      if (entry) cs.sendFabricEvent(entry.pc, cs.fabricEvent.fabricResume, entry.conferenceId);
    });
    session.on('muted', ({ audio }) => {
      const entry = sessions.get(session.id);
      if (entry && audio) cs.sendFabricEvent(entry.pc, cs.fabricEvent.audioMute, entry.conferenceId);
    });
    session.on('failed', ({ cause }) => {
      const entry = sessions.get(session.id);
      if (!entry) return;
      cs.reportError(entry.pc, entry.conferenceId, cs.webRTCFunctions.iceConnectionFailure, new Error(cause));
      sessions.delete(session.id);
    });
    session.on('ended', () => {
      const entry = sessions.get(session.id);
      if (entry) cs.sendFabricEvent(entry.pc, cs.fabricEvent.fabricTerminated, entry.conferenceId);
      sessions.delete(session.id);
    });
  }

  ua.on('newRTCSession', onNewSession);
  return () => ua.removeListener('newRTCSession', onNewSession);
}

export function createPhone(settings) {
  const socket = new JsSIP.WebSocketInterface(settings.wsUri);
  const ua = new JsSIP.UA({ sockets: [socket], uri: settings.sipUri, password: settings.password });
  const detach = attachCallstats(ua, { appSecret: settings.callstatsSecret });
  ua.start();
  return { ua, stop: () => { detach(); ua.stop(); } };
}
