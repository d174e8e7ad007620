// Watches one mountpoint of the Janus streaming plugin. The server sends, the viewer only
// receives: the far end of the connection is the Janus server itself, not a participant.
import Janus from 'janus-gateway';
import callstats from 'callstats-js/callstats.min';

const JANUS_SERVER_ID = 'janus-streaming';
const stats = new callstats();

export function watchMountpoint({ server, mountpointId, viewerId, videoElement }) {
  stats.initialize('903127455', tokenFor(viewerId), viewerId, (status, message) => {
    if (status !== 'success') console.warn('callstats', status, message);
  });

  // Every viewer of this mountpoint reports under the same conference.
  const conferenceId = `mountpoint-${mountpointId}`;
  let streaming = null;

  Janus.init({
    debug: false,
    callback: () => {
      const janus = new Janus({
        server,
        success: () => {
          janus.attach({
            plugin: 'janus.plugin.streaming',
            opaqueId: `viewer-${viewerId}`,
            success: (handle) => {
              streaming = handle;
              streaming.send({ message: { request: 'watch', id: mountpointId } });
            },
            error: (error) => console.error('attach failed', error),
            onmessage: (msg, jsep) => {
              if (!jsep) return;
              streaming.createAnswer({
                jsep,
                tracks: [{ type: 'data' }],
                media: { audioSend: false, videoSend: false },
                success: (answer) => {
                  streaming.send({ message: { request: 'start' }, jsep: answer });
                  const pc = streaming.webrtcStuff.pc;
                  stats.addNewFabric(pc, JANUS_SERVER_ID, stats.fabricUsage.multiplex, conferenceId, { // ok: remote-userid-topology, conference-id-reuse -- receive-only from the server itself; the ID is per mountpoint
                    remoteEndpointType: stats.endpointType.server,
                    fabricTransmissionDirection: stats.transmissionDirection.receiveonly,
                  });
                },
                error: (error) => console.error('answer failed', error),
              });
            },
            onremotetrack: (track, mid, on) => {
              if (!on) return;
              const stream = videoElement.srcObject || new MediaStream();
              stream.addTrack(track);
              videoElement.srcObject = stream;
            },
            oncleanup: () => {
              videoElement.srcObject = null;
            },
          });
        },
        error: (error) => console.error('janus session failed', error),
      });
    },
  });

  return {
    stop() {
      if (!streaming) return;
      const pc = streaming.webrtcStuff.pc;
      if (pc) stats.sendFabricEvent(pc, stats.fabricEvent.fabricTerminated, conferenceId);
      streaming.send({ message: { request: 'stop' } });
      streaming.hangup();
    },
  };
}

function tokenFor(viewerId) {
  return (forceNew, callback) => {
    fetch(`/callstats/token?viewer=${encodeURIComponent(viewerId)}&force=${forceNew}`)
      .then((response) => response.text())
      .then((token) => callback(null, token), (error) => callback(error));
  };
}
