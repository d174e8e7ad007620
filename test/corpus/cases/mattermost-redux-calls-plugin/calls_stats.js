// Calls plugin for a Mattermost-like chat: the current user lives in the
// webapp's Redux store.
const APP_ID = '381956532';
const APP_SECRET = 'plugin-app-secret';

function getCurrentUserId(state) {
    return state.entities.users.currentUserId;
}

export default class CallsStats {
    constructor(store) {
        this.store = store;
        this.cs = new window.callstats();
        this.userId = store.getState().entities.users.currentUserId;
        this.cs.initialize(APP_ID, APP_SECRET, this.userId, (status, msg) => {
            if (status !== 'success') {
                console.error('[calls] stats init', msg);
            }
        });
        this.unsubscribe = store.subscribe(() => this.handleStoreChange());
    }

    handleStoreChange() {
        const current = getCurrentUserId(this.store.getState());
        if (current && current !== this.userId) {
            // Switching teams or re-login keeps the plugin alive.
            this.userId = current; // expect: reinit-on-userid-change
        }
    }

    channelConference(channelId) {
        const channel = this.store.getState().entities.channels.channels[channelId];
        return channel ? `${channel.team_id}:${channel.id}` : channelId;
    }

    addCallConnection(pc, channelId) {
        // One connection to the calls SFU carries the whole call.
        this.cs.addNewFabric(pc, 'calls-rtcd', this.cs.fabricUsage.multiplex, this.channelConference(channelId), {
            remoteEndpointType: this.cs.endpointType.server,
        });
    }

    mapTrack(pc, channelId, ssrc, sessionUserId, isLocal) {
        const conf = this.channelConference(channelId);
        if (isLocal) {
            this.cs.associateMstWithUserID(pc, this.userId, conf, ssrc, 'microphone');
        } else if (sessionUserId) {
            this.cs.associateMstWithUserID(pc, sessionUserId, conf, ssrc, 'microphone');
        }
    }

    destroy() {
        this.unsubscribe();
    }
}
