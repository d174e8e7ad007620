// Dedicated worker: owns the signalling socket and tells the page who it is and who calls.
let socket = null;

self.onmessage = ({ data }) => {
  if (data.type === 'connect') {
    socket = new WebSocket(data.url);
    socket.onmessage = (event) => {
      const msg = JSON.parse(event.data);
      switch (msg.kind) {
        case 'welcome':
          self.postMessage({ type: 'identity', userId: msg.sessionUser });
          break;
        case 'signed-in':
          self.postMessage({ type: 'identity-changed', userId: msg.accountId });
          break;
        case 'offer':
          self.postMessage({ type: 'incoming-call', callId: msg.callId, from: msg.from, sdp: msg.sdp });
          break;
        default:
          self.postMessage({ type: 'signal', payload: msg });
      }
    };
  } else if (socket && data.type === 'send') {
    socket.send(JSON.stringify(data.payload));
  }
};
