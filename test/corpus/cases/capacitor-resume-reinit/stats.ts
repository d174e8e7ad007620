// Ionic/Capacitor app: after the app comes back from the background the
// session may belong to another user (token refresh, account switch).
import { App } from '@capacitor/app';
import { Preferences } from '@capacitor/preferences';

declare const callstats: any;

const APP_ID = '381956532';
const APP_SECRET = 'mobile-app-secret';

interface Session {
  userId: string;
  tenant: string;
}

async function loadSession(): Promise<Session | null> {
  const { value } = await Preferences.get({ key: 'session' });
  return value ? (JSON.parse(value) as Session) : null;
}

export class MobileCallStats {
  private cs = new callstats();
  private userId: string | null = null;

  async boot(): Promise<void> {
    await this.refreshUser();
    await App.addListener('resume', () => {
      this.refreshUser().catch((e) => console.warn('stats resume', e));
    });
  }

  private async refreshUser(): Promise<void> {
    const session = await loadSession();
    if (!session) return;
    if (session.userId === this.userId) return;
    this.userId = session.userId;
    this.cs.initialize(APP_ID, APP_SECRET, session.userId, (status: string, msg: string) => { // ok: reinit-on-userid-change -- the guard only skips an unchanged user
      if (status !== 'success') console.warn('callstats', msg);
    });
  }

  trackCall(pc: RTCPeerConnection, roomId: string): void {
    if (!this.userId) return;
    // Every call goes through the tenant's SFU on one connection.
    this.cs.addNewFabric(pc, 'sfu', this.cs.fabricUsage.multiplex, roomId, {
      remoteEndpointType: this.cs.endpointType.server,
    });
  }

  mapLocal(pc: RTCPeerConnection, roomId: string, ssrc: string): void {
    if (!this.userId) return;
    this.cs.associateMstWithUserID(pc, this.userId, roomId, ssrc, 'camera');
  }

  mapRemote(pc: RTCPeerConnection, roomId: string, ssrc: string, senderId: string): void {
    this.cs.associateMstWithUserID(pc, senderId, roomId, ssrc, 'camera');
  }
}
