import { callstatsMixin } from './callstats-mixin';

const ICE_SERVERS = [{ urls: 'stun:stun.example.org:3478' }];

export default {
  name: 'VideoRoom',
  mixins: [callstatsMixin],

  data() {
    return { socket: null, localStream: null };
  },

  async mounted() {
    this.localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    this.socket = new WebSocket(`wss://signal.example.com/rooms/${this.$route.params.roomId}`);
    this.socket.addEventListener('message', (event) => this.onSignal(JSON.parse(event.data)));
  },

  beforeDestroy() {
    Object.keys(this.peers).forEach((remoteId) => {
      this.peers[remoteId].close();
      this.untrackPeer(remoteId);
    });
    if (this.socket) this.socket.close();
  },

  methods: {
    createPeer(remoteId) {
      const pc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
      this.localStream.getTracks().forEach((track) => pc.addTrack(track, this.localStream));
      pc.onicecandidate = ({ candidate }) => {
        if (candidate) this.send({ type: 'candidate', to: remoteId, candidate });
      };
      pc.oniceconnectionstatechange = () => {
        if (pc.iceConnectionState === 'failed') {
          this.reportPeerError(pc, 'iceConnectionFailure', new Error(`ICE failed with ${remoteId}`));
        }
      };
      this.trackPeer(remoteId, pc);
      return pc;
    },

    async onSignal(msg) {
      if (msg.type === 'peer-joined') {
        const pc = this.createPeer(msg.from);
        await pc.setLocalDescription(await pc.createOffer());
        this.send({ type: 'offer', to: msg.from, sdp: pc.localDescription });
      } else if (msg.type === 'offer') {
        const pc = this.peers[msg.from] || this.createPeer(msg.from);
        await pc.setRemoteDescription(msg.sdp);
        await pc.setLocalDescription(await pc.createAnswer());
        this.send({ type: 'answer', to: msg.from, sdp: pc.localDescription });
      } else if (msg.type === 'answer') {
        await this.peers[msg.from].setRemoteDescription(msg.sdp);
      } else if (msg.type === 'candidate' && this.peers[msg.from]) {
        await this.peers[msg.from].addIceCandidate(msg.candidate);
      } else if (msg.type === 'peer-left' && this.peers[msg.from]) {
        this.peers[msg.from].close();
        this.untrackPeer(msg.from);
      }
    },

    send(message) {
      this.socket.send(JSON.stringify(message));
    },
  },
};
