// A meeting in progress: peers come and go, the guest may sign in without leaving.
import { createReporter } from './factory.js';

export function startMeeting(meeting, guest, tokenGenerator) {
  const reporter = createReporter({ appId: '702915338', tokenGenerator, meeting, guest });
  return {
    peerJoined(peer, pc) {
      reporter.watch(pc, peer.userId);
    },
    toggled(pc, kind, enabled) {
      reporter.mediaStateChanged(pc, kind, enabled);
    },
    signedIn(account) {
      reporter.renameLocalUser(account.id);
    },
    leave() {
      reporter.close();
    },
  };
}
