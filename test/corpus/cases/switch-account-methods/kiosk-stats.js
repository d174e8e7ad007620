// Shared kiosk in a branch office: staff badge in and out; the call screen stays open.
import callstats from 'callstats-js/callstats.min';

const KIOSK_APP_ID = '802114563';

class KioskStats {
  constructor(tokenProvider, staff) {
    this.sdk = new callstats();
    this.userId = staff.badgeId;
    this.sdk.initialize(KIOSK_APP_ID, tokenProvider, this.userId);
  }

  switchAccount(staff) {
    console.info('kiosk now used by badge', staff.badgeId);
    this.userId = staff.badgeId; // expect: reinit-on-userid-change
  }

  signOut() {
    this.userId = null; // ok: reinit-on-userid-change -- a reset on sign-out
  }

  startCall(pc, remoteBadgeId, callId) {
    if (!this.userId) return;
    this.sdk.addNewFabric(pc, remoteBadgeId, this.sdk.fabricUsage.multiplex, `kiosk-call-${callId}`);
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed') {
        this.sdk.reportError(pc, `kiosk-call-${callId}`, this.sdk.webRTCFunctions.iceConnectionFailure, new Error('connection failed'));
      }
    });
  }
}

export function setUpKiosk(badgeReader, tokenProvider, firstStaff) {
  const stats = new KioskStats(tokenProvider, firstStaff);
  badgeReader.addEventListener('badge', (event) => stats.switchAccount(event.detail.staff));
  badgeReader.addEventListener('badge-removed', () => stats.signOut());
  return stats;
}
