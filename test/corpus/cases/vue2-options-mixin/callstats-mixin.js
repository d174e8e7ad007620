import callstats from 'callstats-js/callstats.min';

const csClient = new callstats();

export const callstatsMixin = {
  data() {
    return {
      statsReady: false,
      peers: {},
    };
  },

  computed: {
    currentUser() {
      return this.$store.state.auth.user;
    },
    conferenceId() {
      return `${window.location.host}/rooms/${this.$route.params.roomId}`;
    },
  },

  watch: {
    currentUser: {
      immediate: true,
      handler(user) {
        if (!user) return;
        csClient.initialize(
          process.env.VUE_APP_CALLSTATS_APP_ID,
          process.env.VUE_APP_CALLSTATS_SECRET,
          user.email, // expect: userid-privacy
          (status) => {
            this.statsReady = status === 'success';
          },
        );
      },
    },
  },

  methods: {
    trackPeer(remoteId, pc) {
      this.$set(this.peers, remoteId, pc);
      csClient.addNewFabric(pc, remoteId, csClient.fabricUsage.multiplex, this.conferenceId, {
        remoteEndpointType: csClient.endpointType.peer,
      });
    },

    untrackPeer(remoteId) {
      const pc = this.peers[remoteId];
      if (!pc) return;
      csClient.sendFabricEvent(pc, csClient.fabricEvent.fabricTerminated, this.conferenceId);
      this.$delete(this.peers, remoteId);
    },

    reportPeerError(pc, fn, error) {
      csClient.reportError(pc, this.conferenceId, fn, error);
    },
  },
};
