// Click-to-call widget on SIP.js: one audio session at a time, each reported to callstats under its SIP Call-ID.
import { Inviter, Registerer, SessionState, UserAgent, type Invitation, type Session } from 'sip.js';
import callstats from 'callstats-js/callstats.min';
import { fetchCallstatsToken } from './token';

const APP_ID = '559201847';

export interface PhoneAccount {
  /** Opaque account id issued by the provisioning service; also the SIP user part. */
  accountId: string;
  domain: string;
  wsServer: string;
  authorizationPassword: string;
}

export class WidgetPhone {
  private readonly csio = new callstats();
  private readonly ua: UserAgent;
  private active?: Session;

  constructor(private readonly account: PhoneAccount) {
    const uri = UserAgent.makeURI(`sip:${account.accountId}@${account.domain}`);
    if (!uri) throw new Error(`cannot build a SIP URI for ${account.accountId}`);
    this.ua = new UserAgent({
      uri,
      authorizationPassword: account.authorizationPassword,
      transportOptions: { server: account.wsServer },
      delegate: { onInvite: (invitation) => this.onInvite(invitation) },
    });
  }

  async start(): Promise<void> {
    this.csio.initialize(APP_ID, fetchCallstatsToken, this.account.accountId, (status: string, message: string) => {
      if (status !== 'success') console.warn(`callstats ${status}: ${message}`);
    });
    await this.ua.start();
    await new Registerer(this.ua).register();
  }

  async dial(target: string): Promise<void> {
    const uri = UserAgent.makeURI(`sip:${target}@${this.account.domain}`);
    if (!uri) throw new Error(`not a dialable target: ${target}`);
    const inviter = new Inviter(this.ua, uri, { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
    this.watch(inviter, target);
    await inviter.invite();
  }

  private onInvite(invitation: Invitation): void {
    const caller = invitation.remoteIdentity.uri.user;
    if (!caller || this.active) {
      void invitation.reject();
      return;
    }
    this.watch(invitation, caller);
    void invitation.accept();
  }

  private watch(session: Session, remoteAccount: string): void {
    this.active = session;
    session.stateChange.addListener((state) => {
      const pc = (session.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined)?.peerConnection;
      const conferenceID = `sip:${session.id}`;
      if (state === SessionState.Established && pc) {
        this.csio.addNewFabric(pc, remoteAccount, this.csio.fabricUsage.audio, conferenceID, {
          remoteEndpointType: this.csio.endpointType.peer,
          fabricTransmissionDirection: this.csio.transmissionDirection.sendrecv,
        });
      }
      if (state === SessionState.Terminated) {
        if (pc) this.csio.sendFabricEvent(pc, this.csio.fabricEvent.fabricTerminated, conferenceID);
        this.active = undefined;
      }
    });
  }
}
