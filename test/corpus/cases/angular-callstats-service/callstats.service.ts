// Angular service around the callstats script-tag SDK: started for the signed-in user, used by the call components.
import { Injectable, OnDestroy } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { Subscription, firstValueFrom } from 'rxjs';
import { AuthService, type User } from './auth.service';
import { environment } from './environment';

declare const callstats: any;

@Injectable({ providedIn: 'root' })
export class CallStatsService implements OnDestroy {
  private client: any;
  private readonly subscription: Subscription;

  constructor(
    private readonly auth: AuthService,
    private readonly http: HttpClient,
  ) {
    // Emits on sign-in and whenever the user switches to another workspace account.
    this.subscription = this.auth.user$.subscribe((user) => {
      if (user) this.start(user);
    });
  }

  private start(user: User): void {
    if (!this.client) { // expect: reinit-on-userid-change -- user$ emits again after an account switch, and the new user.id never reaches initialize()
      this.client = new callstats();
      this.client.initialize(environment.callstatsAppId, this.tokenGenerator, user.id, (status: string, message: string) => {
        if (status !== 'success') console.warn(`callstats: ${message}`);
      });
    }
  }

  private readonly tokenGenerator = (forceNew: boolean, callback: (error: unknown, token?: string) => void): void => {
    firstValueFrom(this.http.post('/api/callstats/token', { forceNew }, { responseType: 'text' })).then(
      (token) => callback(null, token),
      (error) => callback(error),
    );
  };

  addPeer(pc: RTCPeerConnection, peerUserId: string, meetingId: string): void {
    this.client?.addNewFabric(pc, peerUserId, this.client.fabricUsage.multiplex, `meetings/${meetingId}`, {
      remoteEndpointType: this.client.endpointType.peer,
    });
  }

  screenShareStarted(pc: RTCPeerConnection, meetingId: string): void {
    this.client?.sendFabricEvent(pc, this.client.fabricEvent.screenShareStart, `meetings/${meetingId}`);
  }

  ngOnDestroy(): void {
    this.subscription.unsubscribe();
  }
}
