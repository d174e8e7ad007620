// Statistics module of a conferencing library: one connection to the videobridge carries every
// participant's media; the library tells us which endpoint owns each SSRC from the signalling.
import callstats from 'callstats-js/callstats.min';

const BRIDGE_ID = 'jitsi-videobridge';

export default class CallStatsBackend {
  static backend = null;
  static callStatsUserName = null;
  static conferenceID = null;
  static fabrics = new Map();

  static isInitialized() {
    return CallStatsBackend.backend !== null;
  }

  /**
   * @param {{ appId: string, appSecret: string, roomName: string, resource: string, confDomain: string }} options
   */
  static init(options) {
    if (!options.roomName || !options.resource) {
      throw new Error('CallStatsBackend.init: roomName and resource are required');
    }
    // The MUC resource is random per join; the room name scopes it to this conference.
    CallStatsBackend.callStatsUserName = `${options.roomName}/${options.resource}`; // ok: userid-privacy -- built from the room and a random MUC resource, no personal data
    CallStatsBackend.conferenceID = `${options.confDomain}/${options.roomName}`;
    CallStatsBackend.backend = new callstats();
    CallStatsBackend.backend.initialize(
      options.appId,
      options.appSecret,
      CallStatsBackend.callStatsUserName, // ok: userid-privacy -- the room/resource ID built above, no personal data
      (status, msg) => {
        if (status !== 'success') console.error('callstats init failed', status, msg);
      },
      null,
      { applicationVersion: options.version, disableBeforeUnloadHandler: true },
    );
  }

  static addBridgeConnection(tpc) {
    const cs = CallStatsBackend.backend;
    if (!cs) return;
    CallStatsBackend.fabrics.set(tpc.id, tpc.peerconnection);
    cs.addNewFabric(tpc.peerconnection, BRIDGE_ID, cs.fabricUsage.multiplex, CallStatsBackend.conferenceID, { // ok: remote-userid-topology -- one connection to the bridge names the bridge
      remoteEndpointType: cs.endpointType.server,
    });
  }

  static associateStreamWithVideoTag(tpc, ssrc, isLocal, endpointId, usageLabel, containerId) {
    const cs = CallStatsBackend.backend;
    if (!cs) return;
    // Local SSRCs belong to us, remote ones to the endpoint that sent them.
    const userID = isLocal ? CallStatsBackend.callStatsUserName : endpointId;
    cs.associateMstWithUserID(tpc.peerconnection, userID, CallStatsBackend.conferenceID, ssrc, usageLabel, containerId); // ok: id-empty -- callers pass a null endpointId only with isLocal, where the local userID is used
  }

  static sendMuteEvent(tpc, muted, type) {
    const cs = CallStatsBackend.backend;
    if (!cs) return;
    let event;
    if (type === 'video') {
      event = muted ? cs.fabricEvent.videoPause : cs.fabricEvent.videoResume;
    } else {
      event = muted ? cs.fabricEvent.audioMute : cs.fabricEvent.audioUnmute;
    }
    cs.sendFabricEvent(tpc.peerconnection, event, CallStatsBackend.conferenceID);
  }

  static sendIceFailed(tpc) {
    const cs = CallStatsBackend.backend;
    if (!cs) return;
    cs.reportError(tpc.peerconnection, CallStatsBackend.conferenceID, cs.webRTCFunctions.iceConnectionFailure);
  }

  static sendFeedback(overall, detailedFeedback) {
    const cs = CallStatsBackend.backend;
    if (!cs) return Promise.reject(new Error('callstats not initialized'));
    return new Promise((resolve, reject) => {
      cs.sendUserFeedback(CallStatsBackend.conferenceID, {
        userID: CallStatsBackend.callStatsUserName, // ok: userid-privacy -- the room/resource ID of init(), no personal data
        overall,
        comment: detailedFeedback,
      }, (status, message) => (status === 'success' ? resolve(message) : reject(new Error(message))));
    });
  }

  static dispose() {
    for (const pc of CallStatsBackend.fabrics.values()) {
      CallStatsBackend.backend?.sendFabricEvent(pc, CallStatsBackend.backend.fabricEvent.fabricTerminated, CallStatsBackend.conferenceID);
    }
    CallStatsBackend.fabrics.clear();
    CallStatsBackend.backend = null;
  }
}
