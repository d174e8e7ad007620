import callstats from 'callstats-js/callstats.min';

export interface SignedInUser {
  id: string;
  tenant: string;
}

type StatusCallback = (status: string, message: string) => void;

/**
 * One callstats instance for the whole app. `init()` runs on every navigation guard pass, so it
 * only initializes again when the signed-in user is another one.
 */
export class CallQualityService {
  private static instance: CallQualityService | null = null;

  static getInstance(): CallQualityService {
    if (!CallQualityService.instance) {
      CallQualityService.instance = new CallQualityService();
    }
    return CallQualityService.instance;
  }

  private readonly sdk = new callstats();
  private userId: string | null = null;
  private listeners: StatusCallback[] = [];

  private constructor() {}

  onStatus(listener: StatusCallback): void {
    this.listeners.push(listener);
  }

  init(user: SignedInUser): void {
    const userId = `${user.tenant}:${user.id}`;
    if (this.userId === userId) return; // ok: reinit-on-userid-change -- returns only when the user is the same one
    this.userId = userId;
    this.sdk.initialize('418250967', this.tokenGenerator, userId, (status: string, message: string) => {
      this.listeners.forEach((listener) => listener(status, message));
    });
  }

  reset(): void {
    this.userId = null; // ok: reinit-on-userid-change -- a reset on sign-out; the next init() initializes
  }

  monitor(pc: RTCPeerConnection, remoteUserId: string, roomId: string): void {
    if (!this.userId) throw new Error('CallQualityService.init() must run first');
    this.sdk.addNewFabric(pc, remoteUserId, this.sdk.fabricUsage.multiplex, roomId);
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed') {
        this.sdk.reportError(pc, roomId, this.sdk.webRTCFunctions.iceConnectionFailure, new Error('connection failed'));
      }
    });
  }

  hold(pc: RTCPeerConnection, roomId: string, onHold: boolean): void {
    const event = onHold ? this.sdk.fabricEvent.fabricHold : this.sdk.fabricEvent.fabricResume;
    this.sdk.sendFabricEvent(pc, event, roomId);
  }

  private readonly tokenGenerator = (forceNew: boolean, callback: (error: unknown, token?: string) => void): void => {
    fetch('/api/callstats-token', { method: 'POST', body: JSON.stringify({ forceNew }) })
      .then((response) => response.text())
      .then((token) => callback(null, token))
      .catch((error: unknown) => callback(error));
  };
}

// router.ts-style use
export function onNavigate(user: SignedInUser | null): void {
  const service = CallQualityService.getInstance();
  if (user) service.init(user);
  else service.reset();
}
